import type { ParsedArticle } from './types.js';
import { paragraphsToText } from './article-text.js';
import { parseDate } from './dates.js';

/// True when text looks like Markdown: YAML front matter or an ATX heading on its first
/// non-empty line.
export function looksLikeMarkdown(text: string): boolean {
  if (text.startsWith('---\n')) return /\n---\s*(\n|$)/.test(text.slice(0, 4096));
  const first = /^\s*([^\n]*)/.exec(text)?.[1] ?? '';
  return /^#{1,6}\s+\S/.test(first);
}

/// Markdown to an article: the title from front matter or the first heading (ATX or setext),
/// the date from front matter; markup stripped to readable text. Lines of one paragraph are
/// joined with a space; headings, list items, quotes and code lines each stay paragraphs.
export function parseMarkdown(text: string): ParsedArticle {
  let body = text;
  let title = '';
  let date: string | null = null;
  let lang: string | null = null;
  let source: string | null = null;
  let url: string | null = null;
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (fm) {
    body = text.slice(fm[0].length);
    for (const line of fm[1].split('\n')) {
      const kv = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
      if (!kv) continue;
      const value = kv[2].trim().replace(/^(["'])(.*)\1$/, '$2');
      const key = kv[1].toLowerCase();
      if (key === 'title') title = value;
      else if (key === 'date') date = parseDate(value);
      else if (key === 'lang' || key === 'language') lang = value || null;
      else if (key === 'source') source = value || null;
      else if (key === 'url' || key === 'link') url = value || null;
    }
  }
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  const lines = body.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();
    if (fence) {
      if (line.startsWith(fence)) fence = null;
      else if (line) paragraphs.push(line);
      continue;
    }
    const f = /^(```+|~~~+)/.exec(line);
    if (f) {
      flush();
      fence = f[1];
      continue;
    }
    if (!line || /^([-*_])(\s*\1){2,}$/.test(line) || /^\|?\s*:?-{3,}/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    const next = (lines[i + 1] ?? '').trim();
    const setext = current.length === 0 && /^(=+|-+)$/.test(next) ? line : null;
    if (heading || setext !== null) {
      flush();
      const h = inline(heading ? heading[1] : setext!);
      if (setext !== null) i++;
      if (!title) title = h;
      else paragraphs.push(h);
      continue;
    }
    const item = /^(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      current.push(inline(item[1]));
      continue;
    }
    const quote = /^>\s?(.*)$/.exec(line);
    current.push(inline(quote ? quote[1] : line.replace(/^\|(.*)\|$/, '$1').replace(/\s*\|\s*/g, ' | ')));
  }
  flush();
  if (!title && paragraphs.length) title = paragraphs.shift()!;
  return { title: title.normalize('NFC'), date, text: paragraphsToText(paragraphs), source, url, lang };
}

/// Inline markup to plain text: images to their alt text, links to their text, emphasis and
/// code marks and inline HTML tags removed, backslash escapes resolved.
function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/`+([^`]+)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .trim();
}
