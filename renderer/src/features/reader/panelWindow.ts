// Which rows of the annotations panel to draw. Rows have one of a few known heights (a note adds
// a line), so where each row starts is a running sum, and the rows in view follow from the scroll
// position by binary search: nothing is measured in the page, and 2,000 annotations cost a
// screenful of rows.

/// Where each row starts: `tops[i]` for row i, and `tops[n]` is the height of the whole list.
export function rowTops(heights: readonly number[]): Float64Array {
  const tops = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) tops[i + 1] = tops[i]! + heights[i]!;
  return tops;
}

/// The last row starting at or above `y` (0 when there are none).
function rowAt(tops: Float64Array, y: number): number {
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
