import { describe, expect, it } from 'vitest';
import { estimateRowHeight, keepInPlace, rowsInView, rowTops, scrollToShow, type RowContent } from './panelWindow.js';

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

describe('bringing a row of the annotations panel into view', () => {
  const tops = rowTops([100, 300, 100, 100, 100]);

  it('leaves the list where it is when the row is in view already', () => {
    expect(scrollToShow(tops, 2, 350, 300)).toBe(350);
  });

  it('puts a row above the view at the top, and one below it at the bottom', () => {
    expect(scrollToShow(tops, 1, 350, 300)).toBe(100);
    expect(scrollToShow(tops, 4, 0, 300)).toBe(700 - 300);
  });

  it('shows the start of a row taller than the view', () => {
    expect(scrollToShow(tops, 1, 0, 200)).toBe(100);
  });
});

describe('keeping the panel in place when rows turn out taller or shorter than estimated', () => {
  it('keeps the row at the top of the view where it was', () => {
    const before = rowTops([80, 80, 80, 80, 80]);
    // The first two rows, above the view, are measured 40 px taller each; the view starts 10 px
    // into row 3.
    const after = rowTops([120, 120, 80, 80, 80]);
    expect(keepInPlace(before, after, 250, 100)).toBe(330);
    // At the top it stays at the top.
    expect(keepInPlace(before, after, 0, 100)).toBe(0);
  });

  it('keeps a list scrolled to its end at its end', () => {
    const before = rowTops([80, 80, 80, 80, 80]);
    const after = rowTops([80, 80, 80, 150, 150]);
    expect(keepInPlace(before, after, 400 - 100, 100)).toBe(540 - 100);
  });
});

describe('estimating a row of the annotations panel from its content', () => {
  const row = (over: Partial<RowContent> = {}): RowContent => ({ quoteChars: 12, quoteBreaks: false, tagChars: [7], noteChars: 0, warning: false, ...over });
  const longTags = [38, 20, 63, 37, 40, 37, 10, 33];

  it('makes a row with many long tags as tall as the lines they wrap onto', () => {
    const one = estimateRowHeight(row(), 320);
    const many = estimateRowHeight(row({ tagChars: longTags }), 320);
    // Eight chips each too wide to share a line: at least eight lines of chips.
    expect(many - one).toBeGreaterThanOrEqual(7 * 21);
    // Short tags share lines.
    expect(estimateRowHeight(row({ tagChars: [3, 3, 3, 3] }), 320)).toBe(one);
  });

  it('wraps a tag name wider than the row inside its chip', () => {
    expect(estimateRowHeight(row({ tagChars: [200] }), 320)).toBeGreaterThan(estimateRowHeight(row({ tagChars: [30] }), 320) + 3 * 18);
  });

  it('adds the lines of a note, up to three, and of a longer quote, up to two', () => {
    const plain = estimateRowHeight(row(), 320);
    expect(estimateRowHeight(row({ noteChars: 10 }), 320)).toBeGreaterThan(plain);
    const longNote = estimateRowHeight(row({ noteChars: 400 }), 320);
    expect(estimateRowHeight(row({ noteChars: 4000 }), 320)).toBe(longNote);
    expect(longNote - plain).toBeGreaterThanOrEqual(3 * 18);
    expect(estimateRowHeight(row({ quoteChars: 180 }), 320)).toBe(plain + 18);
    expect(estimateRowHeight(row({ quoteBreaks: true }), 320)).toBe(plain + 18);
  });

  it('is taller, never shorter, in a narrower panel', () => {
    const content = row({ tagChars: [12, 18, 9, 25, 14], noteChars: 90 });
    expect(estimateRowHeight(content, 260)).toBeGreaterThanOrEqual(estimateRowHeight(content, 352));
    expect(estimateRowHeight(content, 260)).toBeGreaterThan(estimateRowHeight(content, 600));
  });
});
