import type { TextSelectors } from '../model.js';
import { clusterBoundaryAtOrAfter, clusterBoundaryAtOrBefore } from './clusters.js';
import { splitsSurrogatePair } from './codepoints.js';

/// How much text around a passage its quote selector keeps on each side, at most, in UTF-16 units.
/// 32 is what Hypothesis and the W3C examples use: enough to tell apart repeats of a short
/// quote, short enough that an edit next to the passage rarely touches it.
export const CONTEXT_LENGTH = 32;

/// Describe the range [start, end) of `text` (UTF-16 offsets) as a position and a quote with
/// its prefix and suffix. The context is cut between grapheme clusters, never inside one: it
/// gives up a character that does not fit whole (a letter with its stress mark, an emoji family,
/// a flag, half a surrogate pair) rather than keep part of it, so it may be a little shorter than
/// `contextLength`. Only the context is cut: `start` and `end` stay as given, even inside a
/// cluster. The caller checks the range itself (see `checkRange`).
export function describeRange(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): TextSelectors {
  const from = Math.min(start, clusterBoundaryAtOrAfter(text, Math.max(0, start - contextLength)));
  const to = Math.max(end, clusterBoundaryAtOrBefore(text, Math.min(text.length, end + contextLength)));
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
