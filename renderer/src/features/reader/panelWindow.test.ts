import { describe, expect, it } from 'vitest';
import { rowsInView, rowTops } from './panelWindow.js';

describe('rows of the annotations panel in view', () => {
  it('sums the heights into row tops and the list height', () => {
    expect([...rowTops([80, 100, 80])]).toEqual([0, 80, 180, 260]);
    expect([...rowTops([])]).toEqual([0]);
  });

  it('draws only the rows in view, however many there are', () => {
    const heights = Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 100 : 80));
    const tops = rowTops(heights);
    const top = rowsInView(tops, 0, 600, 0);
    expect(top.first).toBe(0);
    expect(tops[top.last]!).toBeLessThan(600);
    expect(tops[top.last + 1]!).toBeGreaterThanOrEqual(600);

    const middle = rowsInView(tops, tops[1000]! + 10, 600, 2);
    expect(middle.first).toBe(998);
    expect(middle.last - middle.first).toBeLessThan(14);

    const end = rowsInView(tops, tops[2000]! - 600, 600, 3);
    expect(end.last).toBe(1999);
  });

  it('has nothing to draw for an empty list', () => {
    expect(rowsInView(rowTops([]), 0, 600, 4)).toEqual({ first: 0, last: -1 });
  });
});
