import { describe, expect, it } from 'vitest';
import { segmentRanges, type HighlightRange } from './segments.js';

/// The ids covering each offset, straight from the definition, for comparison.
function coverAt(ranges: HighlightRange[], offset: number): number[] {
  return ranges
    .filter((r) => r.start <= offset && offset < r.end)
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

describe('segmentRanges', () => {
  it('splits two overlapping ranges into three segments, the inner one first where both cover', () => {
    const segments = segmentRanges([
      { id: 1, start: 0, end: 10 },
      { id: 2, start: 5, end: 8 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 5, ids: [1] },
      { start: 5, end: 8, ids: [2, 1] },
      { start: 8, end: 10, ids: [1] },
    ]);
  });

  it('keeps gaps uncovered, touching ranges apart, and ignores empty ranges and repeated ids', () => {
    expect(
      segmentRanges([
        { id: 3, start: 10, end: 12 },
        { id: 1, start: 0, end: 2 },
        { id: 2, start: 2, end: 4 },
        { id: 4, start: 7, end: 7 },
        { id: 1, start: 20, end: 30 },
      ]),
    ).toEqual([
      { start: 0, end: 2, ids: [1] },
      { start: 2, end: 4, ids: [2] },
      { start: 10, end: 12, ids: [3] },
    ]);
    expect(segmentRanges([])).toEqual([]);
  });

  it('orders ties in length by id, and identical ranges share every segment', () => {
    expect(
      segmentRanges([
        { id: 9, start: 0, end: 4 },
        { id: 5, start: 0, end: 4 },
        { id: 7, start: 2, end: 6 },
      ]),
    ).toEqual([
      { start: 0, end: 2, ids: [5, 9] },
      { start: 2, end: 4, ids: [5, 7, 9] },
      { start: 4, end: 6, ids: [7] },
    ]);
  });

  it('agrees with the per-offset definition on many random overlapping ranges', () => {
    // A fixed linear congruential sequence: the same "random" ranges on every run.
    let seed = 42;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const ranges: HighlightRange[] = [];
    for (let id = 1; id <= 300; id++) {
      const start = next(2000);
      ranges.push({ id, start, end: start + 1 + next(120) });
    }
    const segments = segmentRanges(ranges);
    for (let k = 1; k < segments.length; k++) expect(segments[k]!.start).toBeGreaterThanOrEqual(segments[k - 1]!.end);
    const covered = new Map<number, number[]>();
    for (const s of segments) {
      expect(s.end).toBeGreaterThan(s.start);
      for (let o = s.start; o < s.end; o++) covered.set(o, [...s.ids].sort((a, b) => a - b));
      // Most specific first: lengths never decrease along ids.
      const lengths = s.ids.map((id) => ranges[id - 1]!.end - ranges[id - 1]!.start);
      expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    }
    for (let o = 0; o < 2200; o++) expect(covered.get(o) ?? []).toEqual(coverAt(ranges, o));
  });

  it('computes a clipped window exactly as the same part of the whole', () => {
    const ranges: HighlightRange[] = [
      { id: 1, start: 0, end: 50 },
      { id: 2, start: 10, end: 20 },
      { id: 3, start: 15, end: 40 },
      { id: 4, start: 45, end: 60 },
    ];
    const whole = segmentRanges(ranges);
    const window = segmentRanges(ranges, { start: 10, end: 45 });
    expect(window).toEqual(whole.filter((s) => s.start >= 10 && s.end <= 45));
    // A cut inside a segment keeps its ids.
    expect(segmentRanges(ranges, { start: 12, end: 13 })).toEqual([{ start: 12, end: 13, ids: [2, 1] }]);
  });
});
