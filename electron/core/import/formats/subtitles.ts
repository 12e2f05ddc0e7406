import type { ParsedArticle } from './types.js';
import { paragraphsToText } from './article-text.js';

const TIMING = /^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}/;

/// True for SubRip (.srt) or WebVTT text: a cue number then a timing line, or a WEBVTT header.
export function isSubtitles(text: string): boolean {
  if (/^WEBVTT\b/.test(text)) return true;
  const lines = text.trimStart().split('\n', 3);
  return lines.length >= 2 && /^\d+\s*$/.test(lines[0]) && TIMING.test(lines[1]);
}

/// Subtitles as plain text: cue numbers, timings and styling tags dropped; the lines of one
/// cue joined into one paragraph. Subtitles carry no title, so the file name (without its
/// extension) is used.
export function parseSubtitles(text: string, name: string): ParsedArticle {
  const cues: string[] = [];
  let cue: string[] = [];
  const flush = () => {
    if (cue.length) cues.push(cue.join(' '));
    cue = [];
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) {
      flush();
      continue;
    }
    if (i === 0 && line.startsWith('WEBVTT')) continue;
    if (TIMING.test(line)) {
      flush();
      continue;
    }
    // A cue number stands alone right before a timing line.
    if (/^\d+$/.test(line) && TIMING.test(lines[i + 1] ?? '')) continue;
    cue.push(line.replace(/<\/?[a-z][^>]*>|\{\\[^}]*\}/gi, ''));
  }
  flush();
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return { title: base.normalize('NFC'), date: null, text: paragraphsToText(cues), source: null, url: null, lang: null };
}
