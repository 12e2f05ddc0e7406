// A cancelled import keeps what it wrote before the stop, whole: every article it counts is in
// the library with its index entry and its original, nothing else of the batch is, and running
// the import again brings in exactly the rest.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/corpus.js';
import { openArchive, type Archive } from '../archive.js';
import { checkLibrary } from '../check.js';
import { importSources } from './pipeline.js';
import type { PrepareMode } from './preparer.js';
import type { ImportSource } from './sources.js';

let archive: Archive | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  archive?.close();
  cleanup?.();
  archive = undefined;
});

function freshArchive(): Archive {
  const t = tempDir();
  cleanup = t.cleanup;
  archive = openArchive(join(t.dir, 'lib.sqlite'));
  return archive;
}

/// Plain texts, with every tenth file a feed of three articles (so one file brings several).
function sources(count: number): ImportSource[] {
  const encode = (s: string) => new TextEncoder().encode(s);
  return Array.from({ length: count }, (_, i): ImportSource => {
    if (i % 10 === 9) {
      const items = [0, 1, 2]
        .map((k) => `<item><title>Feed ${i} item ${k}</title><description>Item ${k} of feed ${i}, about the harvest in the valley.</description><pubDate>Tue, 3 Jan 2006 19:57:00 +0300</pubDate></item>`)
        .join('');
      return { kind: 'bytes', name: `feed-${i}.xml`, bytes: encode(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News ${i}</title>${items}</channel></rss>`) };
    }
    return { kind: 'bytes', name: `text-${i}.txt`, bytes: encode(`Article ${i}\n\nThe text of article number ${i}, about the harvest in the valley.\n`) };
  });
}

const NOT_REACHED = 'import cancelled before this file';

describe('cancelling an import', () => {
  for (const prepare of ['inline', 'worker'] as PrepareMode[]) {
    it(`keeps whole the articles written before the stop (${prepare} preparing)`, async () => {
      const a = freshArchive();
      const lib = a.ctx.lib;
      const all = sources(400);
      const stop = new AbortController();
      const summary = await importSources(lib, all, { signal: stop.signal, prepare, progress: (done) => done === 150 && stop.abort() });

      const notReached = summary.failed.filter((f) => f.error === NOT_REACHED);
      expect(summary.failed).toEqual(notReached);
      expect(summary.imported).toBeGreaterThan(0);
      expect(notReached.length).toBeGreaterThan(0);

      // What the summary counts is exactly what the library holds, each with its index entry and
      // its file's original.
      const rows = lib.db.prepare('SELECT id, orig_path AS path, orig_sha256 AS sha FROM articles WHERE batch_id = ?').all(summary.batchId) as { id: number; path: string; sha: string }[];
      expect(rows.map((r) => r.id).sort((x, y) => x - y)).toEqual([...summary.articleIds].sort((x, y) => x - y));
      expect(lib.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(summary.imported);
      const indexed = lib.db.prepare('SELECT count(*) FROM articles_fts WHERE rowid IN (SELECT id FROM articles)').pluck().get();
      expect(indexed).toBe(summary.imported);
      for (const r of rows) expect(lib.db.prepare('SELECT count(*) FROM originals WHERE sha256 = ?').pluck().get(r.sha)).toBe(1);
      // A feed is either all in or not at all.
      const perFeed = new Map<string, number>();
      for (const r of rows.filter((r) => r.path.startsWith('feed-'))) perFeed.set(r.path, (perFeed.get(r.path) ?? 0) + 1);
      for (const n of perFeed.values()) expect(n).toBe(3);
      // Files that came in are not among those the stop left out.
      const left = new Set(notReached.map((f) => f.path));
      for (const r of rows) expect(left.has(r.path)).toBe(false);
      expect(left.size + new Set(rows.map((r) => r.path)).size).toBe(all.length);
      // The batch is closed with the same counts.
      expect(lib.db.prepare('SELECT imported, finished_at IS NOT NULL AS finished FROM batches WHERE id = ?').get(summary.batchId)).toEqual({ imported: summary.imported, finished: 1 });
      expect(checkLibrary(lib).ok).toBe(true);

      // Run again, the import brings in the rest and finds the rest already there.
      const again = await importSources(lib, all, { prepare });
      expect(again.failed).toEqual([]);
      expect(again.duplicates).toBe(summary.imported);
      expect(summary.imported + again.imported).toBe(360 + 40 * 3);
    });
  }
});
