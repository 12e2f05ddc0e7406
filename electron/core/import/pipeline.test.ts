import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corpus, seedDir, tempDir } from '../../../tests/support/corpus.js';
import { openArchive, type Archive } from '../archive.js';
import { checkLibrary } from '../check.js';
import { articleUid, sha256Hex } from '../articles/identity.js';
import { readOriginal } from '../articles/originals.js';
import type { ImportSummary } from '../../../shared/model.js';

let archive: Archive | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  archive?.close();
  cleanup?.();
  archive = undefined;
});

function freshArchive() {
  const t = tempDir();
  cleanup = t.cleanup;
  archive = openArchive(join(t.dir, 'lib.sqlite'));
  return { archive, dir: t.dir };
}

async function importPaths(a: Archive, paths: string[]): Promise<ImportSummary> {
  const { jobId } = await a.handlers.importPaths({ paths }, { transport: 'test' });
  const status = await a.ctx.jobs.wait(jobId);
  expect(status.state).toBe('done');
  return status.result as ImportSummary;
}

describe('import pipeline', () => {
  it('imports the seed article with its text, date, title and provenance', async () => {
    const { archive: a } = freshArchive();
    const seedFile = join(seedDir, readdirSync(seedDir)[0]);
    const r = await importPaths(a, [seedFile]);
    expect(r).toMatchObject({ imported: 1, duplicates: 0, failed: [] });
    const article = await a.handlers.getArticle({ id: r.articleIds[0] }, { transport: 'test' });
    const bytes = readFileSync(seedFile);
    expect(article.title).toBe('Қозоғистон ва Россия раҳбарларининг бўлажак учрашувидан нималарни кутиш мумкин');
    expect(article.date).toBe('2025-11-10');
    expect(article.text.startsWith('МОSKVА. Кazinform — Қасим-Жомарт Тоқаев')).toBe(true);
    expect(article.text).not.toContain('\r');
    expect(article.text.split('\n').length).toBe(bytes.toString('utf8').trim().split('\n').length - 1);
    expect(article.provenance).toMatchObject({ path: seedFile, size: bytes.length, sha256: sha256Hex(bytes), encoding: 'utf-8' });
    expect(article.uid).toBe(articleUid(sha256Hex(article.text)));
    expect(article.uid).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The original bytes are kept, so nothing about the file is lost.
    // A UTF-8 seed file its article rebuilds exactly is not stored twice.
    expect(a.ctx.lib.db.prepare('SELECT storage FROM originals WHERE sha256 = ?').pluck().get(sha256Hex(bytes))).toBe('seed-utf8');
    expect(Buffer.from(readOriginal(a.ctx.lib, sha256Hex(bytes))).equals(bytes)).toBe(true);
  });

  it('keeps every other original byte for byte: legacy encodings, CRLF, BOMs, feeds', async () => {
    const { archive: a } = freshArchive();
    const r = await importPaths(a, [corpus('encodings', 'converted'), corpus('encodings', 'real')]);
    expect(r.failed).toEqual([]);
    const rows = a.ctx.lib.db.prepare('SELECT DISTINCT orig_path AS path, orig_sha256 AS sha FROM articles').all() as { path: string; sha: string }[];
    // The converted files repeat three texts in several encodings: each text is stored once.
    expect(rows.length).toBe(r.imported > 0 ? new Set(rows.map((x) => x.sha)).size : 0);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const { path, sha } of rows) {
      expect(Buffer.from(readOriginal(a.ctx.lib, sha)).equals(readFileSync(path)), path).toBe(true);
    }
    expect(a.ctx.lib.db.prepare("SELECT count(*) FROM originals WHERE storage = 'deflate'").pluck().get()).toBe(rows.length);
    expect(checkLibrary(a.ctx.lib).ok).toBe(true);
  });

  it('recognises exact duplicates, within one import and across imports', async () => {
    const { archive: a, dir } = freshArchive();
    const copy = join(dir, 'copy-of-seed.txt');
    const seedFile = join(seedDir, readdirSync(seedDir)[0]);
    copyFileSync(seedFile, copy);
    const first = await importPaths(a, [seedFile, copy]);
    expect(first).toMatchObject({ imported: 1, duplicates: 1 });
    const again = await importPaths(a, [corpus('uz-cyrl')]);
    const twice = await importPaths(a, [corpus('uz-cyrl')]);
    expect(again.imported).toBe(60);
    expect(twice).toMatchObject({ imported: 0, duplicates: 60, failed: [] });
  });

  it('the same text gets the same identifier in two libraries', async () => {
    const file = corpus('uz-latn', 'uzt-053.txt');
    const one = freshArchive().archive;
    const r1 = await importPaths(one, [file]);
    const uid1 = (await one.handlers.getArticle({ id: r1.articleIds[0] }, { transport: 'test' })).uid;
    one.close();
    cleanup?.();
    const two = freshArchive().archive;
    await importPaths(two, [corpus('uz-latn', 'uzt-001.txt')]);
    const r2 = await importPaths(two, [file]);
    expect((await two.handlers.getArticle({ id: r2.articleIds[0] }, { transport: 'test' })).uid).toBe(uid1);
  });

  it('reports bad files one by one and imports the rest', async () => {
    const { archive: a, dir } = freshArchive();
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x10, 0x00]));
    copyFileSync(corpus('kk', readdirSync(corpus('kk'))[0]), join(bad, 'good.txt'));
    const r = await importPaths(a, [bad, join(dir, 'missing-folder')]);
    expect(r.imported).toBe(1);
    const failures = Object.fromEntries(r.failed.map((f) => [f.path.replace(dir, ''), f.error]));
    expect(Object.keys(failures).sort()).toEqual(['/bad/binary.txt', '/bad/empty.txt', '/missing-folder']);
    for (const reason of Object.values(failures)) expect(reason.length).toBeGreaterThan(5);
    expect(failures['/missing-folder']).toMatch(/no such file or folder/);
    expect(checkLibrary(a.ctx.lib).ok).toBe(true);
  });

  it('imports a whole corpus folder with no failure and a consistent index', async () => {
    const { archive: a } = freshArchive();
    const r = await importPaths(a, [corpus('uz-cyrl'), corpus('uz-latn'), corpus('uz-latn-new')]);
    expect(r.failed).toEqual([]);
    expect(r.imported + r.duplicates).toBe(210);
    const report = checkLibrary(a.ctx.lib);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    const stats = await a.handlers.stats({}, { transport: 'test' });
    expect(stats.articles).toBe(r.imported);
  });

  it('refuses an upload that is not valid base64 before importing anything', async () => {
    const { archive: a } = freshArchive();
    await expect(async () => a.handlers.importUpload({ files: [{ name: 'x.txt', dataBase64: 'not base64!' }] }, { transport: 'test' })).rejects.toThrow(/not valid base64/);
    expect((await a.handlers.stats({}, { transport: 'test' })).articles).toBe(0);
  });

  it('imports uploaded bytes and keeps the name as the path', async () => {
    const { archive: a } = freshArchive();
    const bytes = readFileSync(corpus('uz-latn', 'uzt-053.txt'));
    const { jobId } = await a.handlers.importUpload({ files: [{ name: 'uzt-053.txt', dataBase64: bytes.toString('base64') }] }, { transport: 'test' });
    const status = await a.ctx.jobs.wait(jobId);
    const r = status.result as ImportSummary;
    expect(r.imported).toBe(1);
    expect((await a.handlers.getArticle({ id: r.articleIds[0] }, { transport: 'test' })).provenance.path).toBe('uzt-053.txt');
  });

  it('loads the sample articles, the Uzbek article of the brief among them', async () => {
    const { archive: a } = freshArchive();
    const r = await a.handlers.loadSamples({}, { transport: 'test' });
    expect(r.failed).toEqual([]);
    expect(r.imported).toBeGreaterThanOrEqual(5);
    const list = await a.handlers.listArticles({ sort: 'date', order: 'desc', offset: 0, limit: 100 }, { transport: 'test' });
    expect(list.items.map((i) => i.title)).toContain('Қозоғистон ва Россия раҳбарларининг бўлажак учрашувидан нималарни кутиш мумкин');
  });
});
