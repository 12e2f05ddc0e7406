// Offsets in Qalam are UTF-16 code units, as JavaScript strings count them. W3C Web Annotation
// (TextPositionSelector), REFI-QDA and the `qalam` CLI count Unicode code points instead. The two
// differ only after a character outside the Basic Multilingual Plane (an emoji, a rare CJK
// ideograph), which JavaScript stores as a surrogate pair: two units, one code point. Convert at
// the edge, with these functions, and nowhere else.

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/// True when `offset` (UTF-16) falls between the two halves of a surrogate pair, so that a range
/// starting or ending there would cut a character in two.
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/// Converts between UTF-16 offsets and code point offsets of one text. Built once per text
/// (it records where the surrogate pairs are), then each conversion is a binary search, so an
/// export converting thousands of annotations of one article does not rescan the text each time.
export class CodePointIndex {
  /// UTF-16 offsets of the high halves of surrogate pairs, ascending.
  private readonly pairs: number[] = [];
  /// Length of the text in UTF-16 code units.
  readonly length: number;
  /// Length of the text in code points.
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
        this.pairs.push(i);
        i++;
      }
    }
    this.length = text.length;
    this.codePointLength = text.length - this.pairs.length;
  }

  /// Number of pairs whose high half lies before `offset` (UTF-16).
  private pairsBefore(offset: number): number {
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pairs[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /// The code point offset of a UTF-16 offset. An offset inside a surrogate pair is refused:
  /// it names no position a code point count can express.
  toCodePoint(utf16: number): number {
    checkOffset(utf16, this.length, 'UTF-16');
    if (splitsSurrogatePair(this.text, utf16)) {
      throw new RangeError(`UTF-16 offset ${utf16} falls inside a surrogate pair`);
    }
    return utf16 - this.pairsBefore(utf16);
  }

  /// The UTF-16 offset of a code point offset (0 … codePointLength).
  toUtf16(codePoint: number): number {
    checkOffset(codePoint, this.codePointLength, 'code point');
    // Each pair before the answer adds one unit: find the smallest k with
    // pairs[k] >= codePoint + k, i.e. the number of pairs that start before the answer.
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pairs[mid] < codePoint + mid) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}

function checkOffset(offset: number, max: number, unit: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${unit} offset ${offset} is outside the text (0–${max})`);
  }
}

/// The code point offset of one UTF-16 offset in `text` (for a single conversion; build a
/// CodePointIndex for many).
export function utf16ToCodePoint(text: string, utf16: number): number {
  return new CodePointIndex(text).toCodePoint(utf16);
}

/// The UTF-16 offset of one code point offset in `text`.
export function codePointToUtf16(text: string, codePoint: number): number {
  return new CodePointIndex(text).toUtf16(codePoint);
}

/// Length of a string in code points (what W3C selectors and the CLI report).
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    n++;
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) i++;
  }
  return n;
}
