// Snippets are cut from the article's own text (the index holds folded keys only), around the
// words the query matched, which are marked <b>…</b> as written, in their own script.

import { matchRanges, type MatchRange, type TermPattern } from '../../../shared/query/index.js';
import { tokenize, type Token } from '../../../shared/text/index.js';

/// About how many characters of text a snippet shows.
export const SNIPPET_LENGTH = 220;
// Long articles: look for matches in this much text only, so one huge hit cannot slow a page.
const SCAN_LIMIT = 200_000;
// Text is read a stretch at a time, until a stretch holds a match: in news the words searched
// for are mostly near the top, and a page of 50 hits must not tokenize 50 whole articles.
const SCAN_STEP = 3_000;
const LEAD = 60;
const PHRASE_OVERLAP = 16;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const ESCAPED = /[&<>"']/g;

/// Text made safe to put in HTML.
export function escapeHtml(text: string): string {
  return text.replace(ESCAPED, (c) => ESCAPES[c]);
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/// The window of the text holding the most matches, with the first of them near its start.
function bestWindow(ranges: readonly MatchRange[], length: number): { start: number; end: number } {
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < ranges.length; i++) {
    if (j < i) j = i;
    while (j + 1 < ranges.length && ranges[j + 1].end - ranges[i].start <= length - LEAD) j++;
    if (j - i + 1 > bestCount) (bestCount = j - i + 1), (best = i);
  }
  const start = Math.max(0, ranges[best].start - LEAD);
  return { start, end: start + length };
}

/// A snippet of `text` around what `patterns` match (in strict mode: in the script typed),
/// HTML-escaped, matches in <b>; the start of the text when nothing in it matches.
export function makeSnippet(text: string, patterns: readonly TermPattern[], strict: boolean, length = SNIPPET_LENGTH): string {
  const limit = Math.min(text.length, SCAN_LIMIT);
  let tokens: Token[] = [];
  let ranges: MatchRange[] = [];
  for (let from = 0; from < limit; ) {
    // Stop each stretch at a space so no word is cut, and read on past it by a snippet's length
    // so the window around a late match is whole.
    let to = Math.min(limit, from + SCAN_STEP);
    while (to < limit && !/\s/.test(text[to])) to++;
    const part = tokenize(text.slice(from, to));
    for (const t of part) (t.start += from), (t.end += from);
    // Match on the new words and a few before them, so a phrase across the seam is found too.
    const seam = Math.max(0, tokens.length - PHRASE_OVERLAP);
    const seen = ranges.length > 0 ? ranges[ranges.length - 1].end : -1;
    tokens = tokens.concat(part);
    if (patterns.length > 0) for (const r of matchRanges(patterns, tokens.slice(seam), strict)) if (r.start >= seen) ranges.push(r);
    from = to;
    if (ranges.length > 0 && tokens.length > 0 && tokens[tokens.length - 1].end >= ranges[ranges.length - 1].start + length) break;
  }
  let { start, end } = ranges.length > 0 ? bestWindow(ranges, length) : { start: 0, end: length };
  end = Math.min(end, text.length);
  if (end - start < length) start = Math.max(0, end - length);
  // Cut at word edges: never half a word (nor half a surrogate pair).
  for (const t of tokens) {
    if (t.start < start && t.end > start) {
      start = t.end;
      break;
    }
    if (t.start >= start) break;
  }
  for (const t of tokens) {
    if (t.start < end && t.end > end) {
      end = t.start;
      break;
    }
  }
  const inWindow = ranges.filter((r) => r.start >= start && r.end <= end);
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const r of inWindow) {
    html += escapeHtml(flatten(text.slice(at, r.start))) + '<b>' + escapeHtml(flatten(text.slice(r.start, r.end))) + '</b>';
    at = r.end;
  }
  html += escapeHtml(flatten(text.slice(at, end)));
  if (end < text.length) html += '…';
  return html.replace(/^…\s+/, '…').trim();
}
