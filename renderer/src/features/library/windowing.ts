// Which rows of a long list of fixed-height rows to draw. With a fixed height the answer is
// arithmetic on the scroll position: nothing is measured or stored per row, so a list of
// 100,000 rows costs no more to open than a list of 100.

/// Rows first..last (inclusive) to draw; last < first when there are none.
export interface RowWindow {
  first: number;
  last: number;
}

/// The rows that intersect the viewport, plus `overscan` rows on either side.
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.min(count - 1, Math.floor((top + Math.max(0, viewportHeight) - 1) / rowHeight));
  return { first: Math.max(0, first - overscan), last: Math.min(count - 1, Math.max(first, last) + overscan) };
}

/// The scroll position that brings a row into view with the least movement (none when it is visible).
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}
