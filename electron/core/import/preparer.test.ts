import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { corpus, seedDir, tempDir } from '../../../tests/support/corpus.js';
import { openArchive, type Archive } from '../archive.js';
import { checkLibrary } from '../check.js';
import { importSources } from './pipeline.js';
import { openPreparer, workerPreparer, type Preparer } from './preparer.js';
import { collectSources } from './sources.js';

const opened: { archive: Archive; cleanup: () => void }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.archive.close();
    o.cleanup();
  }
});

function fresh(): Archive {
  const t = tempDir();
  const archive = openArchive(join(t.dir, 'lib.sqlite'));
  opened.push({ archive, cleanup: t.cleanup });
  return archive;
}

/// A folder mixing scripts, legacy encodings, feeds, the seed article, a duplicate and bad files.
function mixedFolder(): string[] {
  const t = tempDir();
  opened.push({ archive: { close() {} } as Archive, cleanup: t.cleanup });
  const bad = join(t.dir, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x10, 0x00]));
  copyFileSync(corpus('uz-latn', 'uzt-053.txt'), join(bad, 'same-text-again.txt'));
  return [corpus('uz-cyrl'), corpus('uz-latn'), corpus('encodings'), seedDir, bad];
}

/// Everything an import leaves in the library, in a comparable form.
function contents(a: Archive) {
  const db = a.ctx.lib.db;
  const articles = db
    .prepare('SELECT uid, text_sha256, title, date, source, url, lang, script, text, orig_path, orig_size, orig_sha256, encoding, format FROM articles ORDER BY id')
    .all();
  const originals = db.prepare('SELECT sha256, size, name, storage, hex(compressed) AS compressed FROM originals ORDER BY id').all();
  // The index holds folded keys only: compare what it finds.
  const found = (q: string) => db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(q);
  return { articles, originals, index: ['toshkent', 'prezident', 'o1zbekiston'].map(found) };
}

describe('preparing files for import', () => {
  it('on a worker thread gives the library exactly what preparing inline gives', async () => {
    const { sources, failed } = collectSources(mixedFolder());
    expect(sources.length).toBeGreaterThan(150);

    const inline = fresh();
    const one = await importSources(inline.ctx.lib, sources, { failed: [...failed], prepare: 'inline' });

    const threaded = fresh();
    const preparer = openPreparer('worker', sources);
    let two;
    try {
      two = await importSources(threaded.ctx.lib, sources, { failed: [...failed], prepare: preparer });
      // The work really ran on the worker: every batch came back from it.
      expect(preparer.threadedBatches).toBeGreaterThanOrEqual(3);
    } finally {
      await preparer.close();
    }

    expect({ ...two, batchId: 0 }).toEqual({ ...one, batchId: 0 });
    expect(one.failed.map((f) => f.path.split('/').pop()).sort()).toEqual(['binary.txt', 'empty.txt']);
    expect(one.duplicates).toBeGreaterThanOrEqual(1);
    const c = contents(threaded);
    expect(c).toEqual(contents(inline));
    expect(c.index.every((ids) => ids.length > 0)).toBe(true);
    expect(checkLibrary(threaded.ctx.lib).ok).toBe(true);
  });

  it('prepares on this thread, losing nothing, when the worker cannot start', async () => {
    const { sources } = collectSources([corpus('uz-latn')]);
    const broken: Preparer = workerPreparer(() => new Worker('throw new Error("cannot start")', { eval: true }));
    const a = fresh();
    try {
      const r = await importSources(a.ctx.lib, sources, { prepare: broken });
      expect(r).toMatchObject({ imported: 90, failed: [] });
      expect(broken.threadedBatches).toBe(0);
    } finally {
      await broken.close();
    }
    expect(checkLibrary(a.ctx.lib).ok).toBe(true);
  });

  it('a cancelled import stops between files and reports the rest as cancelled', async () => {
    const { sources } = collectSources([corpus('uz-cyrl'), corpus('uz-latn')]);
    const a = fresh();
    const stop = new AbortController();
    const r = await importSources(a.ctx.lib, sources, {
      prepare: 'worker',
      signal: stop.signal,
      progress: (done) => done === 70 && stop.abort(),
    });
    expect(r.imported + r.duplicates).toBe(70);
    expect(r.failed.length).toBe(sources.length - 70);
    expect(r.failed.every((f) => f.error === 'import cancelled before this file')).toBe(true);
    expect(a.ctx.lib.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(r.imported);
    expect(checkLibrary(a.ctx.lib).ok).toBe(true);
  });
});
