import { describe, expect, it } from 'vitest';
import { scrollToRow, visibleRange } from './windowing.js';

describe('visibleRange', () => {
  it('draws the rows in view plus the overscan', () => {
    expect(visibleRange(0, 600, 60, 100_000, 5)).toEqual({ first: 0, last: 14 });
    expect(visibleRange(6000, 600, 60, 100_000, 5)).toEqual({ first: 95, last: 114 });
    expect(visibleRange(6030, 600, 60, 100_000, 0)).toEqual({ first: 100, last: 110 });
  });

  it('draws the same number of rows anywhere in a long list', () => {
    const sizes = [0, 1_234_560, 3_000_000, 5_999_400 - 600].map((top) => {
      const w = visibleRange(top, 600, 60, 100_000, 8);
      return w.last - w.first + 1;
    });
    expect(new Set(sizes).size).toBeLessThanOrEqual(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(27);
  });

  it('stops at the ends', () => {
    expect(visibleRange(5_999_400, 600, 60, 100_000, 8)).toEqual({ first: 99_982, last: 99_999 });
    expect(visibleRange(99_999_999, 600, 60, 100_000, 8)).toEqual({ first: 99_991, last: 99_999 });
    expect(visibleRange(-50, 600, 60, 3, 8)).toEqual({ first: 0, last: 2 });
    expect(visibleRange(0, 600, 60, 0, 8)).toEqual({ first: 0, last: -1 });
    expect(visibleRange(0, 0, 60, 10, 0)).toEqual({ first: 0, last: 0 });
  });
});

describe('scrollToRow', () => {
  it('moves only as far as needed', () => {
    expect(scrollToRow(5, 0, 600, 60)).toBe(0);
    expect(scrollToRow(10, 0, 600, 60)).toBe(60);
    expect(scrollToRow(2, 600, 600, 60)).toBe(120);
    expect(scrollToRow(99_999, 0, 600, 60)).toBe(5_999_400);
  });
});
