// Which rows of the annotations panel to draw, and where. Rows are as tall as their content makes
// them (tags wrap, notes take up to three lines), so each row's height is estimated from its
// content until it has been drawn and measured; where each row starts is a running sum of those
// heights, and the rows in view follow from the scroll position by binary search. 2,000
// annotations cost a screenful of rows, and only drawn rows are ever measured.

/// Where each row starts: `tops[i]` for row i, and `tops[n]` is the height of the whole list.
export function rowTops(heights: readonly number[]): Float64Array {
  const tops = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) tops[i + 1] = tops[i]! + heights[i]!;
  return tops;
}

/// The last row starting at or above `y` (0 when there are none).
export function rowAt(tops: Float64Array, y: number): number {
  let lo = 0;
  let hi = tops.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/// Rows first..last (inclusive) that intersect the viewport, plus `overscan` either side;
/// last < first when there are no rows.
export function rowsInView(tops: Float64Array, scrollTop: number, viewportHeight: number, overscan: number): { first: number; last: number } {
  const count = tops.length - 1;
  if (count <= 0) return { first: 0, last: -1 };
  const first = rowAt(tops, Math.max(0, scrollTop));
  const last = rowAt(tops, Math.max(0, scrollTop) + Math.max(0, viewportHeight - 1));
  return { first: Math.max(0, first - overscan), last: Math.min(count - 1, last + overscan) };
}

/// The scroll position that shows row `index` whole, moving as little as it can: unchanged when it
/// is in view already, its top at the top when it is above the view (or taller than it), its
/// bottom at the bottom when it is below.
export function scrollToShow(tops: Float64Array, index: number, scrollTop: number, viewportHeight: number): number {
  const top = tops[index]!;
  const bottom = tops[index + 1]!;
  if (top >= scrollTop && bottom <= scrollTop + viewportHeight) return scrollTop;
  if (top < scrollTop || bottom - top > viewportHeight) return top;
  return bottom - viewportHeight;
}

/// The scroll position that keeps on screen what was there when row heights changed from `before`
/// to `after`: the row at the top of the view stays where it was, however the rows above it grew
/// or shrank once measured; a list scrolled to its end stays at its end.
export function keepInPlace(before: Float64Array, after: Float64Array, scrollTop: number, viewportHeight: number): number {
  const count = before.length - 1;
  if (count < 1 || before.length !== after.length) return scrollTop;
  if (scrollTop > 0 && scrollTop + viewportHeight >= before[count]! - 1) return Math.max(0, after[count]! - viewportHeight);
  const anchor = rowAt(before, scrollTop);
  return Math.max(0, after[anchor]! + (scrollTop - before[anchor]!));
}

/// What a row's height depends on: the lengths of its quote, tag labels and note, and whether it
/// says its passage was not found.
export interface RowContent {
  quoteChars: number;
  quoteBreaks: boolean;
  tagChars: readonly number[];
  noteChars: number;
  warning: boolean;
}

// Sizes in pixels from reader.css (.qalam-annotations__row, .qalam-annotation-item and its parts,
// .qalam-chip--small), with average character widths for the panel's fonts. The estimate only
// has to be near: a drawn row is measured, and the list corrects itself.
/// The row's padding below, the item's borders and padding above and below.
const CHROME = 6.4 + 2 + 12.8;
/// The item's borders and padding at the sides, and the row's padding.
const SIDES = 40;
/// Space between the quote, the tags and the note.
const GAP = 4;
const LINE = 18;
const CHAR = 7.5;
const CHIP_LINE = 21.6;
const CHIP_GAP = 3.2;
const CHIP_CHAR = 7.2;
/// A chip's swatch, gap, padding and borders.
const CHIP_EXTRA = 30;
const QUOTE_LINES = 2;
const NOTE_LINES = 3;
const WARNING_CHARS = 22;

/// Lines of text of `chars` characters in `width` pixels, at most `max`.
function textLines(chars: number, width: number, charWidth: number, max: number): number {
  const perLine = Math.max(1, Math.floor(width / charWidth));
  return Math.min(max, Math.max(1, Math.ceil(chars / perLine)));
}

/// The height of the chips laid out in `width` pixels, wrapping as the row's flex box does; a chip
/// wider than the row wraps its own text.
function chipsHeight(chips: readonly number[], width: number): number {
  if (chips.length === 0) return LINE;
  let height = 0;
  let lineHeight = 0;
  let x = 0;
  for (const chars of chips) {
    const natural = chars * CHIP_CHAR + CHIP_EXTRA;
    const w = Math.min(width, natural);
    const h = natural > width ? textLines(chars, width - CHIP_EXTRA, CHIP_CHAR, Infinity) * LINE + (CHIP_LINE - LINE) : CHIP_LINE;
    if (x > 0 && x + CHIP_GAP + w > width) {
      height += lineHeight + CHIP_GAP;
      x = w;
      lineHeight = h;
    } else {
      x += (x > 0 ? CHIP_GAP : 0) + w;
      lineHeight = Math.max(lineHeight, h);
    }
  }
  return height + lineHeight;
}

/// A row's height, estimated from its content for a panel whose list is `width` pixels wide.
export function estimateRowHeight(row: RowContent, width: number): number {
  const inner = Math.max(60, width - SIDES);
  const quote = row.quoteBreaks ? QUOTE_LINES : textLines(row.quoteChars, inner, CHAR, QUOTE_LINES);
  const chips = row.warning ? [...row.tagChars, WARNING_CHARS] : row.tagChars;
  const note = row.noteChars > 0 ? GAP + textLines(row.noteChars, inner, CHAR, NOTE_LINES) * LINE : 0;
  return CHROME + quote * LINE + GAP + chipsHeight(chips, inner) + note;
}
