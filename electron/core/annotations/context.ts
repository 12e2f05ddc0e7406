// The keyword-in-context line of a passage: a little text before and after it, cut at word
// boundaries so the line never starts or ends in half a word, with line breaks shown as spaces.
// A cut also falls between user-perceived characters (grapheme clusters), never inside one: a
// letter keeps its stress mark (за́мок), an emoji family or flag stays whole, a Devanagari
// syllable keeps its vowel sign, and a surrogate pair is never split.

// Zero-width joiner and non-joiner occur inside words (Persian, Devanagari conjuncts).
const WORD = /[\p{L}\p{N}\p{M}\u2018\u2019\u02bc\u02bb'\u200c\u200d-]/u;

const isWordAt = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;

/// Whether offset `i` may fall within a run of flag letters (regional indicators, paired into
/// flags by their count from the start of the run): a flag letter is next to it.
const nearFlagLetter = (text: string, i: number) => i > 0 && REGIONAL_INDICATOR.test(text.slice(Math.max(0, i - 2), i + 2));

/// The grapheme cluster of `text` that holds UTF-16 offset `i` (which must be inside the text):
/// its start and end. Segmenting a whole article for each cut costs about a millisecond, so a
/// window around `i` is segmented instead. The window is widened while the cluster found reaches
/// one of its edges, or its start falls inside a run of flag letters: only then could a cluster
/// begun before the window change the answer.
function clusterAt(text: string, i: number): { start: number; end: number } {
  for (let margin = 64; ; margin *= 4) {
    const from = Math.max(0, i - margin);
    const to = Math.min(text.length, i + margin);
    const s = graphemes.segment(text.slice(from, to)).containing(i - from)!;
    const start = from + s.index;
    const end = start + s.segment.length;
    const whole = (start > from || from === 0) && (end < to || to === text.length) && !nearFlagLetter(text, from);
    if (whole) return { start, end };
  }
}

/// The first cluster boundary at or after `i`.
function boundaryFrom(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return i;
  const c = clusterAt(text, i);
  return c.start === i ? i : c.end;
}

/// The last cluster boundary at or before `i`.
function boundaryUpTo(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return i;
  return clusterAt(text, i).start;
}

/// Whether UTF-16 offset `i` falls between two grapheme clusters of `text` (or at either end):
/// where a passage may begin or end without leaving half a character on one side.
export function isClusterBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || clusterAt(text, i).start === i;
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/// Up to `length` units of `text` before `start`, beginning at a word's start.
export function contextBefore(text: string, start: number, length: number): string {
  if (length <= 0 || start <= 0) return '';
  let from = Math.max(0, start - length);
  if (from > 0 && isWordAt(text, from - 1) && isWordAt(text, from)) {
    while (from < start && isWordAt(text, from)) from++;
  }
  // Forward to the next boundary, so the line stays within `length`.
  from = Math.min(start, boundaryFrom(text, from));
  return tidy(text.slice(from, start)).trimStart();
}

/// Up to `length` units of `text` after `end`, ending at a word's end.
export function contextAfter(text: string, end: number, length: number): string {
  if (length <= 0 || end >= text.length) return '';
  let to = Math.min(text.length, end + length);
  if (to < text.length && isWordAt(text, to - 1) && isWordAt(text, to)) {
    while (to > end && isWordAt(text, to - 1)) to--;
  }
  // Back to the previous boundary, so the line stays within `length`.
  to = Math.max(end, boundaryUpTo(text, to));
  return tidy(text.slice(end, to)).trimEnd();
}
