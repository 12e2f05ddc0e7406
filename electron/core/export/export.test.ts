import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../archive.js';
import { parseQdaXml } from '../exchange/xml-read.js';
import type { ExportResult } from './run.js';
import { addSamplePassages, addSampleTags, corpusFiles, importedArchive } from './sample-library.js';
import { runValidator } from './validators.js';

let dir: string;
let archive: Archive;
let passages: number;
let tagIds: Map<string, number>;

async function exportTo(input: Record<string, unknown>): Promise<ExportResult> {
  const { jobId } = await archive.handlers.startExport(input as never, { transport: 'test' });
  const status = await archive.ctx.jobs.wait(jobId);
  if (status.state !== 'done') throw new Error(`${status.error?.code}: ${status.error?.message}`);
  return status.result as ExportResult;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-export-'));
  archive = await importedArchive(join(dir, 'library.qalam'), corpusFiles({ en: 4, ru: 3, 'uz-cyrl': 2, 'uz-latn': 2, kk: 2 }));
  const ids = archive.ctx.lib.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
  tagIds = addSampleTags(archive.ctx.lib);
  passages = addSamplePassages(archive.ctx.lib, ids, [...tagIds.values()], 7);
  // Two passages sharing a start, the longer one inserted first: text order puts the shorter first.
  const text = archive.ctx.lib.db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(ids[0]) as string;
  const insert = archive.ctx.lib.db.prepare(
    `INSERT INTO annotations (uid, article_id, start, end, exact, prefix, suffix, note, status, created_at, modified_at)
     VALUES (?, ?, 0, ?, ?, '', ?, '', 'anchored', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`,
  );
  for (const end of [12, 5]) insert.run(randomUUID(), ids[0], end, text.slice(0, end), text.slice(end, end + 32));
  passages += 2;
});
afterAll(() => {
  archive?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exports of real corpus articles pass the external validators', () => {
  it('w3c: an AnnotationCollection whose every page passes the W3C suite', async () => {
    const out = join(dir, 'all.jsonld');
    const r = await exportTo({ format: 'w3c', out });
    expect(r.annotations).toBe(passages);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(passages);
    expect(runValidator('w3c', out).code).toBe(0);
    const item = doc.first.items[0];
    const article = archive.ctx.lib.db.prepare('SELECT uid, text FROM articles WHERE uid = ?').get(item.target.source) as { text: string };
    const [quote, position] = item.target.selector;
    expect([...article.text].slice(position.start, position.end).join('')).toBe(quote.exact);
    const tagged = doc.first.items.find((i: { body?: unknown }) => i.body);
    expect(tagged.body.some((b: { purpose: string }) => b.purpose === 'tagging')).toBe(true);
    // Every article's passages are in text order: by start, then end.
    const items = [doc.first, ...(doc['@included'] ?? [])].flatMap((p: { items: unknown[] }) => p.items) as { target: { source: string; selector: { start: number; end: number }[] } }[];
    const positions = new Map<string, [number, number][]>();
    for (const i of items) positions.set(i.target.source, [...(positions.get(i.target.source) ?? []), [i.target.selector[1].start, i.target.selector[1].end]]);
    for (const list of positions.values()) expect(list).toEqual([...list].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    const has = (list: [number, number][], end: number) => list.some(([s, e]) => s === 0 && e === end);
    expect([...positions.values()].some((list) => has(list, 5) && has(list, 12))).toBe(true);
  });

  it('csv: one row per passage, RFC 4180 quoting, BOM only for Excel', async () => {
    const out = join(dir, 'passages.csv');
    await exportTo({ format: 'csv', out });
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    // Notes with line breaks and quotes are quoted fields; count records, not lines.
    const records = text.match(/(?:"(?:[^"]|"")*"|[^",\r\n]*)(?:,(?:"(?:[^"]|"")*"|[^",\r\n]*))*\r\n/g)!;
    expect(records.length).toBe(passages + 1);
    expect(text).toContain('"Line one, with ""quotes""\nline two <b>&</b>"');
    await exportTo({ format: 'csv', out: join(dir, 'excel.csv'), excel: true });
    expect(readFileSync(join(dir, 'excel.csv'))[0]).toBe(0xef);
  });

  it('qdpx: a REFI-QDA project with the codebook, sources and selections', async () => {
    const out = join(dir, 'project.qdpx');
    const r = await exportTo({ format: 'qdpx', out });
    expect(runValidator('qdpx', '--strict', out).code).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).filter((f) => f.startsWith('sources/')).length).toBe(r.articles);
    const qde = new TextDecoder().decode(files['project.qde']);
    expect(qde.match(/<PlainTextSelection /g)!.length).toBe(passages);
    expect(qde).toContain('name="Elections"');
  });

  it('qdc: the codebook alone, with hierarchy and colours', async () => {
    const out = join(dir, 'codebook.qdc');
    await exportTo({ format: 'qdc', out });
    const doc = parseQdaXml(readFileSync(out, 'utf8'), 'qdc') as { CodeBook: { Codes: { Code: { name: string; color: string; Code?: { name: string }[] }[] } } };
    const politics = doc.CodeBook.Codes.Code.find((c) => c.name === 'Politics')!;
    expect(politics.color).toBe('#6FA8DC');
    expect(politics.Code?.map((c) => c.name)).toEqual(['Elections']);
  });

  it('bagit: valid as a folder and as a zip, with the originals and checksums', async () => {
    const folder = join(dir, 'bag');
    const zip = join(dir, 'bag.zip');
    const r = await exportTo({ format: 'bagit', out: folder });
    await exportTo({ format: 'bagit', out: zip, zip: true });
    expect(runValidator('bag', folder, zip).code).toBe(0);
    expect(readdirSync(join(folder, 'data', 'originals')).length).toBe(r.articles);
    const info = readFileSync(join(folder, 'bag-info.txt'), 'utf8');
    for (const field of ['Source-Organization', 'Bagging-Date', 'Payload-Oxum', 'External-Description']) expect(info).toContain(`${field}: `);
    for (const f of ['manifest-sha256.txt', 'manifest-sha512.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sha512.txt']) expect(existsSync(join(folder, f))).toBe(true);
    // Spooled manifests and the zip's directory are gone: nothing but the two bags is left.
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    expect(runValidator('w3c', join(folder, 'data', 'annotations.jsonld')).code).toBe(0);
  });

  it('tei: valid against tei_all, each passage pointing at its words', async () => {
    const out = join(dir, 'export.xml');
    await exportTo({ format: 'tei', out });
    expect(runValidator('tei', out).code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml.match(/<annotation /g)!.length).toBe(passages);
    expect(xml).toContain('<taxonomy xml:id="codebook">');
  });

  it('html: passages grouped by tag, everything escaped, nothing loaded from outside', async () => {
    const out = join(dir, 'report.html');
    await exportTo({ format: 'html', out });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Politics / Elections');
    expect(html).toContain('&quot;markets&quot; &amp; &lt;money&gt;');
    expect(html).not.toContain('<b>&</b>');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});

describe('scope and safety', () => {
  it('a tag export holds only passages of that tag and its children', async () => {
    const out = join(dir, 'politics.jsonld');
    const r = await exportTo({ format: 'w3c', out, tagIds: [tagIds.get('Politics')!] });
    const expected = archive.ctx.lib.db
      .prepare('SELECT count(DISTINCT annotation_id) FROM annotation_tags WHERE tag_id IN (?, ?)')
      .pluck()
      .get(tagIds.get('Politics'), tagIds.get('Politics/Elections'));
    expect(r.annotations).toBe(expected);
    expect(runValidator('w3c', out).code).toBe(0);
  });

  it('a collection export holds only its articles', async () => {
    const c = await archive.handlers.createCollection({ name: 'Three' }, { transport: 'test' });
    const ids = (archive.ctx.lib.db.prepare('SELECT id FROM articles ORDER BY id LIMIT 3').pluck().all() as number[]);
    await archive.handlers.addToCollection({ id: c.id, articleIds: ids }, { transport: 'test' });
    const r = await exportTo({ format: 'qdpx', out: join(dir, 'three.qdpx'), collectionId: c.id });
    expect(r.articles).toBe(3);
  });

  it('a cancelled export leaves no file and no partial file behind', async () => {
    const out = join(dir, 'cancelled', 'big.csv');
    const { jobId } = await archive.handlers.startExport({ format: 'tei', out } as never, { transport: 'test' });
    archive.ctx.jobs.cancel(jobId);
    const status = await archive.ctx.jobs.wait(jobId);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('cancelled');
    expect(readdirSync(join(dir, 'cancelled'))).toEqual([]);
  });

  it('an unknown collection is refused before anything is written', async () => {
    const out = join(dir, 'nothing.csv');
    const { jobId } = await archive.handlers.startExport({ format: 'csv', out, collectionId: 9999 } as never, { transport: 'test' });
    const status = await archive.ctx.jobs.wait(jobId);
    expect(status.error?.code).toBe('not_found');
    expect(existsSync(out)).toBe(false);
  });

  it('a library that cannot be read for an export leaves no partial folder behind', async () => {
    const out = join(dir, 'unreadable', 'bag');
    mkdirSync(join(dir, 'unreadable'));
    const lib = archive.ctx.lib;
    const openReader = lib.openReader;
    lib.openReader = () => {
      throw Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
    };
    try {
      const { jobId } = await archive.handlers.startExport({ format: 'bagit', out } as never, { transport: 'test' });
      const status = await archive.ctx.jobs.wait(jobId);
      expect(status.state).toBe('failed');
    } finally {
      lib.openReader = openReader;
    }
    expect(readdirSync(join(dir, 'unreadable'))).toEqual([]);
  });

  it('says in words what stood in the way of writing, and writes nothing', async () => {
    // A file where the export's folder would have to be.
    const blocker = join(dir, 'exports-file');
    writeFileSync(blocker, 'not a folder');
    const { jobId } = await archive.handlers.startExport({ format: 'csv', out: join(blocker, 'passages.csv') } as never, { transport: 'test' });
    const status = await archive.ctx.jobs.wait(jobId);
    expect(status.state).toBe('failed');
    expect(status.error).toEqual({ code: 'cannot_write', message: `Cannot write ${join(blocker, 'passages.csv')}: ${blocker} is a file where a folder is needed. Nothing was written.` });
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder');
  });
});
