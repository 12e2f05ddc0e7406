// The keyword-in-context line of a passage: a little text before and after it, cut at word
// boundaries so the line never starts or ends in half a word, with line breaks shown as spaces.

const WORD = /[\p{L}\p{N}\p{M}\u2018\u2019\u02bc\u02bb'-]/u;

const isWordAt = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]);
const isLowSurrogate = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

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
  if (isLowSurrogate(text, from)) from++;
  return tidy(text.slice(from, start)).trimStart();
}

/// Up to `length` units of `text` after `end`, ending at a word's end.
export function contextAfter(text: string, end: number, length: number): string {
  if (length <= 0 || end >= text.length) return '';
  let to = Math.min(text.length, end + length);
  if (to < text.length && isWordAt(text, to - 1) && isWordAt(text, to)) {
    while (to > end && isWordAt(text, to - 1)) to--;
  }
  if (to < text.length && isLowSurrogate(text, to)) to--;
  return tidy(text.slice(end, to)).trimEnd();
}
