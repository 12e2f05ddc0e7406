import { describe, expect, it } from 'vitest';
import { mergeSummaries } from './summary.js';

describe('mergeSummaries', () => {
  it('adds the parts of a batched upload', () => {
    const totals = mergeSummaries([
      { batchId: 1, imported: 3, duplicates: 1, failed: [{ path: 'empty.txt', error: 'The file is empty.' }], articleIds: [7, 8, 9] },
      { batchId: 2, imported: 0, duplicates: 2, failed: [], articleIds: [] },
      { batchId: 3, imported: 1, duplicates: 0, failed: [{ path: 'x.bin', error: 'Binary, not text.' }], articleIds: [12] },
    ]);
    expect(totals).toEqual({
      imported: 4,
      duplicates: 3,
      failed: [
        { path: 'empty.txt', error: 'The file is empty.' },
        { path: 'x.bin', error: 'Binary, not text.' },
      ],
      firstArticleId: 7,
    });
  });

  it('tolerates a job that gave no summary', () => {
    expect(mergeSummaries([undefined, null])).toEqual({ imported: 0, duplicates: 0, failed: [], firstArticleId: null });
  });
});
