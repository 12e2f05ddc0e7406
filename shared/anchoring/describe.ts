import type { TextSelectors } from '../model.js';
import { splitsSurrogatePair } from './codepoints.js';

/// How much text around a passage its quote selector keeps on each side, in UTF-16 units.
/// 32 is what Hypothesis and the W3C examples use: enough to tell apart repeats of a short
/// quote, short enough that an edit next to the passage rarely touches it.
export const CONTEXT_LENGTH = 32;

/// Describe the range [start, end) of `text` (UTF-16 offsets) as a position and a quote with
/// its prefix and suffix. The context never cuts a surrogate pair in two: it gives up the
/// half character instead. The caller checks the range itself (see `checkRange`).
export function describeRange(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): TextSelectors {
  let from = Math.max(0, start - contextLength);
  if (splitsSurrogatePair(text, from)) from++;
  let to = Math.min(text.length, end + contextLength);
  if (splitsSurrogatePair(text, to)) to--;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
  };
}

/// Why [start, end) cannot be a passage of `text`, in a sentence for the user, or null when it can.
export function checkRange(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0) return `the range ${start}–${end} is not a range of the text`;
  if (end <= start) return `the range ${start}–${end} is empty`;
  if (end > text.length) return `the range ${start}–${end} runs past the end of the text (length ${text.length})`;
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return `the range ${start}–${end} cuts a character in two (offsets count UTF-16 units)`;
  }
  if (text.slice(start, end).trim() === '') return `the range ${start}–${end} holds only white space`;
  return null;
}
