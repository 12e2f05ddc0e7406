// The one map between offsets into an article's plain text (UTF-16 code units, paragraphs
// separated by '\n') and ProseMirror positions in the document articleDoc() builds from it.
//
// Paragraph i's content starts at position paragraphStart(i) + i + 1: each earlier paragraph
// adds an open and a close token (2) where the text had one '\n' (1), plus the first open token.
// ProseMirror counts text in UTF-16 units too, so within a paragraph the map is a shift; the
// only work is finding the paragraph, by binary search over the paragraph starts.

/// Offsets ↔ positions for one article text. Build once per article; lookups are O(log n).
export class TextMap {
  /// Offset in the text where each paragraph starts.
  private readonly starts: number[];
  /// Length of the text in UTF-16 units.
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /// Number of paragraphs (a text without '\n' has one, the empty text too).
  get paragraphCount(): number {
    return this.starts.length;
  }

  /// Offset of paragraph `i`'s first character.
  paragraphStart(i: number): number {
    return this.starts[i]!;
  }

  /// Offset just past paragraph `i`'s last character (where its '\n' is, or the text's end).
  paragraphEnd(i: number): number {
    return i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.length;
  }

  /// The paragraph holding `offset`; an offset at a '\n' belongs to the paragraph it ends.
  paragraphAtOffset(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /// The document position of a text offset. Throws for offsets outside the text: a caller
  /// holding one has a stale or foreign annotation, and silently clamping would draw it wrongly.
  toPos(offset: number): number {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.length) {
      throw new RangeError(`Offset ${offset} is outside the text (0–${this.length}).`);
    }
    return offset + this.paragraphAtOffset(offset) + 1;
  }

  /// The text offset of a document position. Positions between paragraphs (before an open token
  /// or after a close token) map to the nearest paragraph edge: the start of the following
  /// paragraph, or the end of the text after the last one.
  toOffset(pos: number): number {
    if (!Number.isInteger(pos) || pos < 0 || pos > this.docSize) {
      throw new RangeError(`Position ${pos} is outside the document (0–${this.docSize}).`);
    }
    // Content of paragraph i spans [starts[i] + i + 1, end(i) + i + 1]; find the last paragraph
    // whose content starts at or before pos.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! + mid + 1 <= pos) lo = mid;
      else hi = mid - 1;
    }
    const contentStart = this.starts[lo]! + lo + 1;
    if (pos < contentStart) return this.starts[lo]!; // position 0, before the first paragraph
    const offset = pos - lo - 1;
    const end = this.paragraphEnd(lo);
    if (offset <= end) return offset;
    // Past paragraph lo's content: its close token, or (after the last one) the document's end.
    return lo + 1 < this.starts.length ? this.starts[lo + 1]! : this.length;
  }

  /// Size of the document's content: the text plus one extra token per paragraph boundary and
  /// the outer open and close tokens.
  get docSize(): number {
    return this.length + this.starts.length + 1;
  }

  /// Offsets of a range as document positions.
  rangeToPos(start: number, end: number): { from: number; to: number } {
    return { from: this.toPos(start), to: this.toPos(end) };
  }
}
