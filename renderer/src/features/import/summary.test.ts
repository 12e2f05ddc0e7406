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
      notReached: 0,
      firstArticleId: 7,
    });
  });

  it('tolerates a job that gave no summary', () => {
    expect(mergeSummaries([undefined, null])).toEqual({ imported: 0, duplicates: 0, failed: [], notReached: 0, firstArticleId: null });
  });

  it('counts the files a stopped import never reached apart from the failures', () => {
    const totals = mergeSummaries([
      {
        batchId: 1,
        imported: 2,
        duplicates: 0,
        failed: [
          { path: 'bad.bin', error: 'Binary, not text.' },
          { path: 'c.txt', error: 'import cancelled before this file' },
          { path: 'd.txt', error: 'import cancelled before this file' },
        ],
        articleIds: [4, 5],
      },
    ]);
    expect(totals).toEqual({ imported: 2, duplicates: 0, failed: [{ path: 'bad.bin', error: 'Binary, not text.' }], notReached: 2, firstArticleId: 4 });
  });
});
