// What an export (or a collection) made from a view holds: the same articles and passages the
// view shows. Built on real corpus articles: Uzbek in Latin and in Cyrillic script, where
// `Toshkent` matches `Тошкент` too unless the search is in the exact script, and a few Russian.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract/index.js';
import type { Passage } from '../../../shared/model.js';
import { qalam } from '../../../tests/support/cli.js';
import type { Archive } from '../archive.js';
import { invoke } from '../dispatch.js';
import type { ExportResult } from './run.js';
import { addSamplePassages, addSampleTags, corpusFiles, importedArchive } from './sample-library.js';

let dir: string;
let archive: Archive;
let tags: Map<string, number>;
/// Article ids of every hit of `Toshkent`, in the exact script and in any.
let exact: number[];
let any: number[];

async function exportTo(input: CallInput<'startExport'>): Promise<ExportResult> {
  const { jobId } = await invoke(archive.handlers, 'startExport', input);
  const status = await archive.ctx.jobs.wait(jobId);
  if (status.state !== 'done') throw new Error(`${status.error?.code}: ${status.error?.message}`);
  return status.result as ExportResult;
}

async function hits(query: string, script: 'any' | 'exact'): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 200) {
    const r = await invoke(archive.handlers, 'search', { query, script, offset, limit: 200 });
    ids.push(...r.results.map((h) => h.id));
    if (ids.length >= r.total) return ids;
  }
}

/// The CSV's records after the header, each as its fields (RFC 4180: a quoted field may hold
/// commas, doubled quotes and line breaks).
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      const close = /"(?!")/g;
      close.lastIndex = at + 1;
      for (let m = close.exec(text); m; m = close.exec(text)) {
        // Skip doubled quotes: a closing quote has an even run of quotes before it.
        const run = /"*$/.exec(text.slice(at + 1, m.index))![0].length;
        if (run % 2 === 0) {
          field = text.slice(at + 1, m.index).replace(/""/g, '"');
          at = m.index + 1;
          break;
        }
      }
    } else {
      const end = text.slice(at).search(/,|\r\n/);
      field = text.slice(at, at + end);
      at += end;
    }
    fields.push(field);
    if (text.startsWith('\r\n', at)) {
      records.push(fields);
      fields = [];
      at += 2;
    } else at += 1;
  }
  return records.slice(1);
}

/// The distinct articles of an exported CSV (by id; the CSV names them by uid) and its
/// passages' uids.
function csvIds(path: string): { articles: number[]; annotations: string[] } {
  const rows = csvRecords(readFileSync(path, 'utf8'));
  const idOf = archive.ctx.lib.db.prepare('SELECT id FROM articles WHERE uid = ?').pluck();
  return { articles: sorted(new Set(rows.map((r) => idOf.get(r[1]) as number))), annotations: rows.map((r) => r[0].toLowerCase()).sort() };
}

function sorted(ids: Iterable<number>): number[] {
  return [...ids].sort((a, b) => a - b);
}

function scriptsOf(ids: number[]): string[] {
  const script = archive.ctx.lib.db.prepare('SELECT script FROM articles WHERE id = ?').pluck();
  return [...new Set(ids.map((id) => script.get(id) as string))].sort();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-export-scope-'));
  archive = await importedArchive(join(dir, 'library.qalam'), corpusFiles({ 'uz-latn': 90, 'uz-cyrl': 60, ru: 6 }));
  const lib = archive.ctx.lib;
  const ids = lib.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
  tags = addSampleTags(lib);
  // Passages in every article, so a CSV lists every article in scope; one in five carries two tags.
  addSamplePassages(lib, ids, [tags.get('Politics')!, tags.get('Economy')!, tags.get('People')!], 6);
  exact = sorted(await hits('Toshkent', 'exact'));
  any = sorted(await hits('Toshkent', 'any'));
});
afterAll(() => {
  archive?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the corpus', () => {
  it('finds Toshkent in Latin script only when the script is exact, in both scripts otherwise', () => {
    expect(exact.length).toBeGreaterThan(0);
    expect(scriptsOf(exact)).toEqual(['Latn']);
    expect(scriptsOf(any)).toEqual(['Cyrl', 'Latn']);
    expect(exact.every((id) => any.includes(id))).toBe(true);
  });
});

describe('a search exported or made a collection keeps its script mode', () => {
  it('an export of an exact-script search holds only the exact-script hits', async () => {
    const out = join(dir, 'exact.csv');
    const r = await exportTo({ format: 'csv', out, query: 'Toshkent', script: 'exact' });
    expect(csvIds(out).articles).toEqual(exact);
    expect(r.articles).toBe(exact.length);
    // Every format takes its articles from the same scope.
    const html = await exportTo({ format: 'html', out: join(dir, 'exact.html'), query: 'Toshkent', script: 'exact' });
    expect(html.articles).toBe(exact.length);
    expect(readFileSync(join(dir, 'exact.html'), 'utf8')).toContain('“Toshkent” (exact script)');
  });

  it('an export of a search with no script mode matches in every script, as before', async () => {
    const out = join(dir, 'any.csv');
    await exportTo({ format: 'csv', out, query: 'Toshkent' });
    expect(csvIds(out).articles).toEqual(any);
  });

  it('a saved search keeps its script mode: it lists, counts and exports the exact-script hits', async () => {
    const h = archive.handlers;
    const c = await invoke(h, 'createCollection', { name: 'Toshkent, Latin', query: 'Toshkent', script: 'exact' });
    expect(c).toMatchObject({ query: 'Toshkent', script: 'exact', count: exact.length });
    expect((await invoke(h, 'listCollections', {})).find((x) => x.id === c.id)).toMatchObject({ script: 'exact', count: exact.length });
    const members = await invoke(h, 'listArticles', { collectionId: c.id, limit: 1000 });
    expect(sorted(members.items.map((a) => a.id))).toEqual(exact);
    const out = join(dir, 'saved.csv');
    await exportTo({ format: 'csv', out, collectionId: c.id });
    expect(csvIds(out).articles).toEqual(exact);
    const anyScript = await invoke(h, 'createCollection', { name: 'Toshkent, any script', query: 'Toshkent' });
    expect(anyScript).toMatchObject({ script: 'any', count: any.length });
  });

  it('"Add hits" of an exact-script search adds only the exact-script hits', async () => {
    const h = archive.handlers;
    const c = await invoke(h, 'createCollection', { name: 'Hand-picked' });
    expect(c.script).toBe('any');
    const added = await invoke(h, 'addToCollection', { id: c.id, query: 'Toshkent', script: 'exact' });
    expect(added.count).toBe(exact.length);
    const members = await invoke(h, 'listArticles', { collectionId: c.id, limit: 1000 });
    expect(sorted(members.items.map((a) => a.id))).toEqual(exact);
  });

  it('the command line takes --script with --query, for export and collections', async () => {
    const db = ['--db', archive.ctx.lib.path];
    const out = join(dir, 'cli-exact.csv');
    const exported = await qalam(['export', '--format', 'csv', '--out', out, '--query', 'Toshkent', '--script', 'exact', '--json', ...db]);
    expect(exported.code).toBe(0);
    expect(csvIds(out).articles).toEqual(exact);
    const created = await qalam(['collection', 'create', 'From the CLI', '--query', 'Toshkent', '--script', 'exact', '--json', ...db]);
    expect(created.code).toBe(0);
    expect(created.json()).toMatchObject({ script: 'exact', count: exact.length });
    const listed = await qalam(['collection', 'list', ...db]);
    expect(listed.out).toContain(`From the CLI  (${exact.length} articles, saved search: Toshkent (exact script))`);
    await qalam(['collection', 'create', 'Filled from the CLI', ...db]);
    const added = await qalam(['collection', 'add', 'Filled from the CLI', '--query', 'Toshkent', '--script', 'exact', '--json', ...db]);
    expect(added.json()).toMatchObject({ count: exact.length });

    const wrong = await qalam(['export', '--format', 'csv', '--out', join(dir, 'wrong.csv'), '--query', 'Toshkent', '--script', 'latin', ...db]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--script is "any" or "exact"');
    const alone = await qalam(['export', '--format', 'csv', '--out', join(dir, 'alone.csv'), '--script', 'exact', ...db]);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--script goes with --query');
  });
});

describe('an export of the Passages view holds exactly the passages it lists', () => {
  let filter: NonNullable<CallInput<'startExport'>['passages']>;
  let listed: Passage[];

  async function passagesOf(f: typeof filter): Promise<Passage[]> {
    const items: Passage[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await invoke(archive.handlers, 'passages', { ...f, offset, limit: 1000 });
      items.push(...page.items);
      if (items.length >= page.total) return items;
    }
  }

  beforeAll(async () => {
    // The sample passages with two tags carry Politics and People.
    const both = { tagIds: [tags.get('Politics')!, tags.get('People')!], match: 'all' as const, lang: 'uz-Latn' };
    // From the second of the dates the other filters list, so the date filter leaves some out.
    const dates = [...new Set((await passagesOf(both)).map((p) => p.articleDate!))].sort();
    filter = { ...both, dateFrom: dates[1] };
    listed = await passagesOf(filter);
  });

  const uids = () => listed.map((p) => p.annotation.uid.toLowerCase()).sort();
  const articleCount = () => new Set(listed.map((p) => p.annotation.articleId)).size;

  it('lists some passages, far fewer than the tags carry across the library', async () => {
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan((await passagesOf({ ...filter, dateFrom: undefined })).length);
    const tagsOnly = await exportTo({ format: 'csv', out: join(dir, 'tags-only.csv'), tagIds: filter.tagIds });
    expect(tagsOnly.annotations).toBeGreaterThan(listed.length * 4);
    expect(new Set(listed.map((p) => p.articleLang))).toEqual(new Set(['uz-Latn']));
  });

  it('csv: the same passages, from the same articles', async () => {
    const out = join(dir, 'passages.csv');
    const r = await exportTo({ format: 'csv', out, passages: filter });
    const ids = csvIds(out);
    expect(ids.annotations).toEqual(uids());
    expect(ids.articles).toEqual(sorted(new Set(listed.map((p) => p.annotation.articleId))));
    expect(r).toMatchObject({ annotations: listed.length, articles: articleCount() });
  });

  it('w3c: the same passages', async () => {
    const out = join(dir, 'passages.jsonld');
    await exportTo({ format: 'w3c', out, passages: filter });
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const items = [doc.first, ...(doc['@included'] ?? [])].flatMap((p: { items: { id: string }[] }) => p.items);
    expect(doc.total).toBe(listed.length);
    expect(items.map((i) => i.id.replace(/^urn:uuid:/, '')).sort()).toEqual(uids());
  });

  it('qdpx and tei: the same passages, in the articles that hold them and no others', async () => {
    const qdpx = join(dir, 'passages.qdpx');
    const q = await exportTo({ format: 'qdpx', out: qdpx, passages: filter });
    const qde = new TextDecoder().decode(unzipSync(readFileSync(qdpx))['project.qde']);
    expect([...qde.matchAll(/<PlainTextSelection guid="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(uids());
    expect(q.articles).toBe(articleCount());
    const tei = join(dir, 'passages.xml');
    const t = await exportTo({ format: 'tei', out: tei, passages: filter });
    expect([...readFileSync(tei, 'utf8').matchAll(/<annotation xml:id="n-([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(uids());
    expect(t.articles).toBe(articleCount());
  });

  it('html: each passage under each of its chosen tags, and nothing else', async () => {
    const out = join(dir, 'passages.html');
    const r = await exportTo({ format: 'html', out, passages: filter });
    const html = readFileSync(out, 'utf8');
    const chosen = new Set(filter.tagIds);
    const entries = listed.reduce((n, p) => n + p.annotation.tagIds.filter((t) => chosen.has(t)).length, 0);
    expect(html.match(/<div class="passage">/g)?.length ?? 0).toBe(entries);
    expect(r).toMatchObject({ annotations: listed.length, articles: articleCount() });
  });

  it('bagit: the bag holds the same passages and articles', async () => {
    const out = join(dir, 'passages-bag.zip');
    const r = await exportTo({ format: 'bagit', out, passages: filter, zip: true });
    const files = unzipSync(readFileSync(out));
    const bag = Object.keys(files).find((f) => f.endsWith('/data/annotations.jsonld'))!;
    const doc = JSON.parse(new TextDecoder().decode(files[bag]));
    const items = [doc.first, ...(doc['@included'] ?? [])].flatMap((p: { items: { id: string }[] }) => p.items);
    expect(items.map((i) => i.id.replace(/^urn:uuid:/, '')).sort()).toEqual(uids());
    expect(Object.keys(files).filter((f) => /\/data\/articles\/[^/]+\.txt$/.test(f)).length).toBe(articleCount());
    expect(r.annotations).toBe(listed.length);
  });

  it('an unknown tag in the filter is refused before anything is written', async () => {
    const { jobId } = await invoke(archive.handlers, 'startExport', { format: 'csv', out: join(dir, 'none.csv'), passages: { tagIds: [999_999] } });
    const status = await archive.ctx.jobs.wait(jobId);
    expect(status.error).toEqual({ code: 'not_found', message: 'There is no tag 999999.' });
  });
});
