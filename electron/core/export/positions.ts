import { CodePointIndex } from '../../../shared/anchoring/codepoints.js';

/// Converts an article's UTF-16 offsets to code points, as W3C selectors, REFI-QDA and TEI count.
export interface CodePointOffsets {
  toCodePoint(utf16: number): number;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const SAME: CodePointOffsets = { toCodePoint: (utf16) => utf16 };

/// One converter per article. Most texts hold no character outside the Basic Multilingual Plane;
/// for them the offsets are the same in both units, and one scan by the regular expression engine
/// settles that without building an index of the text.
export function codePointOffsets(text: string): CodePointOffsets {
  return SURROGATE.test(text) ? new CodePointIndex(text) : SAME;
}
