// The keyword-in-context line of a passage: a little text before and after it, cut at word
// boundaries so the line never starts or ends in half a word, with line breaks shown as spaces.
// A cut also falls between user-perceived characters (grapheme clusters), never inside one: a
// letter keeps its stress mark (за́мок), an emoji family or flag stays whole, a Devanagari
// syllable keeps its vowel sign, and a surrogate pair is never split.

import { clusterBoundaryAtOrAfter, clusterBoundaryAtOrBefore } from '../../../shared/anchoring/index.js';

// Zero-width joiner and non-joiner occur inside words (Persian, Devanagari conjuncts).
const WORD = /[\p{L}\p{N}\p{M}\u2018\u2019\u02bc\u02bb'\u200c\u200d-]/u;

const isWordAt = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]);

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
  from = Math.min(start, clusterBoundaryAtOrAfter(text, from));
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
  to = Math.max(end, clusterBoundaryAtOrBefore(text, to));
  return tidy(text.slice(end, to)).trimEnd();
}
