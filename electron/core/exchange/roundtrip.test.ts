import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../archive.js';
import { uuidOf } from '../export/guid.js';
import type { ExportResult } from '../export/run.js';
import { addSamplePassages, addSampleTags, corpusFiles, importedArchive } from '../export/sample-library.js';
import type { ImportReport } from './report.js';

const FILES = corpusFiles({ en: 3, ru: 3, 'uz-cyrl': 2, kk: 2 });
let dir: string;
let source: Archive;

async function job<T>(archive: Archive, start: { jobId: string }): Promise<T> {
  const status = await archive.ctx.jobs.wait(start.jobId);
  if (status.state !== 'done') throw Object.assign(new Error(status.error?.message), { code: status.error?.code });
  return status.result as T;
}
const exportTo = (a: Archive, input: Record<string, unknown>) => Promise.resolve(a.handlers.startExport(input as never, { transport: 'test' })).then((s) => job<ExportResult>(a, s));
const importFrom = (a: Archive, path: string) => Promise.resolve(a.handlers.importAnnotations({ path }, { transport: 'test' })).then((s) => job<ImportReport>(a, s));

/// What must survive a round trip: each article's identity and text, the tag paths, and every
/// passage (article, words, tags, note), compared as sorted lists.
function snapshot(a: Archive, withColours: boolean) {
  const db = a.ctx.lib.db;
  const articles = db.prepare('SELECT uid, title, date, lang, text FROM articles ORDER BY uid').all();
  const tagRows = db.prepare('SELECT id, name, parent_id AS parentId, color FROM tags').all() as { id: number; name: string; parentId: number | null; color: string }[];
  const byId = new Map(tagRows.map((t) => [t.id, t]));
  const path = (id: number): string => {
    const t = byId.get(id)!;
    return t.parentId ? `${path(t.parentId)}/${t.name}` : t.name;
  };
  const tags = tagRows.map((t) => (withColours ? `${path(t.id)} ${t.color}` : path(t.id))).sort();
  const passages = (
    db.prepare(
      `SELECT n.uid, ar.uid AS article, n.start, n.end, n.exact, n.note,
              (SELECT group_concat(tag_id) FROM annotation_tags WHERE annotation_id = n.id) AS tags
         FROM annotations n JOIN articles ar ON ar.id = n.article_id`,
    ).all() as { uid: string; article: string; start: number; end: number; exact: string; note: string; tags: string | null }[]
  )
    .map((p) => `${uuidOf(p.uid) ?? p.uid} ${p.article} ${p.start}-${p.end} ${p.exact} [${(p.tags ?? '').split(',').filter(Boolean).map((t) => path(Number(t))).sort().join('|')}] ${p.note}`)
    .sort();
  return { articles, tags, passages };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-exchange-'));
  source = await importedArchive(join(dir, 'source.qalam'), FILES);
  const ids = source.ctx.lib.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
  const tags = addSampleTags(source.ctx.lib);
  addSamplePassages(source.ctx.lib, ids, [...tags.values()], 6);
});
afterAll(() => {
  source?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('round trips into an empty library', () => {
  it('w3c: the same article files, then the annotations, give the same passages back', async () => {
    await exportTo(source, { format: 'w3c', out: join(dir, 'a.jsonld') });
    const target = await importedArchive(join(dir, 'w3c.qalam'), FILES);
    try {
      const report = await importFrom(target, join(dir, 'a.jsonld'));
      expect(report.unanchored).toBe(0);
      const before = snapshot(source, false);
      const after = snapshot(target, false);
      expect(after.passages).toEqual(before.passages);
      expect(after.tags).toEqual(before.tags);
      // Importing the same file again adds nothing.
      const again = await importFrom(target, join(dir, 'a.jsonld'));
      expect(again.counts.annotationsCreated).toBe(0);
      expect(again.counts.annotationsExisting).toBe(report.annotationsRead);
      // And its own export is the same collection again.
      await exportTo(target, { format: 'w3c', out: join(dir, 'a2.jsonld') });
      const items = (p: string) => JSON.parse(readFileSync(p, 'utf8')).first.items.map((i: { target: unknown; body: unknown }) => JSON.stringify([i.target, i.body])).sort();
      expect(items(join(dir, 'a2.jsonld'))).toEqual(items(join(dir, 'a.jsonld')));
    } finally {
      target.close();
    }
  });

  it('qdpx alone: articles, tags with colours and hierarchy, passages and notes', async () => {
    await exportTo(source, { format: 'qdpx', out: join(dir, 'p.qdpx') });
    const target = openArchive(join(dir, 'qdpx.qalam'));
    try {
      const report = await importFrom(target, join(dir, 'p.qdpx'));
      expect(report.problemCount).toBe(0);
      const before = snapshot(source, true);
      const after = snapshot(target, true);
      expect(after.articles).toEqual(before.articles);
      expect(after.tags).toEqual(before.tags);
      expect(after.passages).toEqual(before.passages);
      await exportTo(target, { format: 'qdpx', out: join(dir, 'p2.qdpx') });
      const third = openArchive(join(dir, 'qdpx3.qalam'));
      await importFrom(third, join(dir, 'p2.qdpx'));
      expect(snapshot(third, true)).toEqual(before);
      third.close();
    } finally {
      target.close();
    }
  });

  it('bagit alone (zip): articles with their originals, tags, passages and notes', async () => {
    await exportTo(source, { format: 'bagit', out: join(dir, 'b.zip'), zip: true });
    const target = openArchive(join(dir, 'bag.qalam'));
    try {
      const report = await importFrom(target, join(dir, 'b.zip'));
      expect(report.unanchored).toBe(0);
      const before = snapshot(source, true);
      expect(snapshot(target, true)).toEqual(before);
      const originals = (a: Archive) => a.ctx.lib.db.prepare('SELECT sha256 FROM originals ORDER BY sha256').pluck().all();
      expect(originals(target)).toEqual(originals(source));
      await exportTo(target, { format: 'bagit', out: join(dir, 'b2') });
      const third = openArchive(join(dir, 'bag3.qalam'));
      await importFrom(third, join(dir, 'b2'));
      expect(snapshot(third, true)).toEqual(before);
      third.close();
    } finally {
      target.close();
    }
  });
});

describe('imports from elsewhere and bad input', () => {
  it('reads a real ATLAS.ti export: codes with hierarchy and colours, and reports what has no text', async () => {
    const qde = readFileSync(new URL('./fixtures/atlas-ti-8.4-standard-project.qde', import.meta.url));
    const path = join(dir, 'atlas.qdpx');
    writeFileSync(path, zipSync({ 'project.qde': new Uint8Array(qde) }));
    const target = openArchive(join(dir, 'atlas.qalam'));
    try {
      const report = await importFrom(target, path);
      const tags = target.ctx.lib.db.prepare('SELECT t.name, p.name AS parent, t.color, t.description FROM tags t LEFT JOIN tags p ON p.id = t.parent_id').all() as { name: string; parent: string | null; color: string; description: string }[];
      expect(tags).toContainEqual({ name: 'diet Coke', parent: 'Coke', color: '#966450', description: 'non sucré' });
      expect(tags).toContainEqual({ name: 'cornflakes', parent: null, color: '#dc0000', description: 'breakfast cereal made by Kellogg’s' });
      expect(tags.filter((t) => t.name === 'Coke')).toHaveLength(1);
      expect(tags.find((t) => t.name === '"rushed"')).toBeDefined();
      // Six text selections, none with text to stand on; the picture and audio sources reported too.
      expect(report.annotationsRead).toBe(6);
      expect(report.unanchored).toBe(6);
      expect(report.problems.map((p) => p.item)).toEqual(expect.arrayContaining(['cornflakes-n-milk.jpg', "Jeanine's Breakfast.m4a", 'Simon.docx']));
      expect(target.ctx.lib.db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(0);
    } finally {
      target.close();
    }
  });

  it('a W3C annotation from another tool is placed by its quote; one for an unknown page is reported', async () => {
    const a = source.ctx.lib.db.prepare('SELECT uid, text FROM articles ORDER BY id LIMIT 1').get() as { uid: string; text: string };
    const exact = a.text.slice(40, 70);
    const doc = [
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://hyp.example/a1', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'hypothesis-tag' }, { type: 'TextualBody', value: 'from elsewhere' }], target: { source: a.uid, selector: { type: 'TextQuoteSelector', exact } } },
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://hyp.example/a2', type: 'Annotation', target: { source: 'https://nowhere.example/page', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
    ];
    writeFileSync(join(dir, 'foreign.json'), JSON.stringify(doc));
    const report = await importFrom(source, join(dir, 'foreign.json'));
    expect(report.counts.annotationsCreated).toBe(1);
    expect(report.unanchored).toBe(1);
    expect(report.problems[0].item).toBe('https://hyp.example/a2');
    const row = source.ctx.lib.db.prepare("SELECT exact, note FROM annotations WHERE uid = 'https://hyp.example/a1'").get();
    expect(row).toEqual({ exact, note: 'from elsewhere' });
  });

  it('a damaged bag is refused whole and changes nothing', async () => {
    await exportTo(source, { format: 'bagit', out: join(dir, 'damaged') });
    const file = join(dir, 'damaged', 'data', 'articles.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"title":"', '"title":"X'));
    const target = openArchive(join(dir, 'damaged.qalam'));
    try {
      await expect(importFrom(target, join(dir, 'damaged'))).rejects.toThrow(/does not match its sha512 checksum/);
      expect(target.ctx.lib.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    } finally {
      target.close();
    }
  });

  it('a file that is not JSON is a clear error', async () => {
    writeFileSync(join(dir, 'bad.jsonld'), '{"type": "AnnotationCollection", ');
    await expect(importFrom(source, join(dir, 'bad.jsonld'))).rejects.toThrow(/bad.jsonld is not JSON/);
    writeFileSync(join(dir, 'bad.qdpx'), strToU8('not a zip'));
    await expect(importFrom(source, join(dir, 'bad.qdpx'))).rejects.toThrow(/not a REFI-QDA project/);
  });
});
