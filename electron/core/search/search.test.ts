import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightTerms } from '../../../shared/query/index.js';
import { openArchive, type Archive } from '../archive.js';
import { QalamError } from '../errors.js';
import { searchArticles, type SearchResult } from './search.js';

const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const firstFiles = (folder: string, n: number) =>
  readdirSync(join(corpus, folder))
    .sort()
    .slice(0, n)
    .map((f) => join(corpus, folder, f));

let dir: string;
let archive: Archive;
const search = (query: string, options: { script?: 'any' | 'exact'; limit?: number; offset?: number } = {}): SearchResult =>
  searchArticles(archive.ctx.lib, { query, limit: 200, ...options });
const text = (path: string) => readFileSync(path, 'utf8');
/// Folder/file of every hit, e.g. `uz-cyrl/uzt-053.txt`.
const hits = (r: SearchResult) => r.results.map((h) => `${basename(join(h.path!, '..'))}/${basename(h.path!)}`).sort();
/// The file names of the hits in each of the three Uzbek folders.
const uzGroups = (r: SearchResult) => {
  const by: Record<string, string[]> = { 'uz-cyrl': [], 'uz-latn': [], 'uz-latn-new': [] };
  for (const h of hits(r)) {
    const [folder, file] = h.split('/');
    if (folder in by) by[folder].push(file);
  }
  return by;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-search-'));
  archive = openArchive(join(dir, 'library.qalam'));
  const paths = [
    join(corpus, 'uz-cyrl'),
    join(corpus, 'uz-latn'),
    join(corpus, 'uz-latn-new'),
    ...firstFiles('kk', 400),
    ...firstFiles('ru', 400),
    ...firstFiles('en', 100),
    join(fixtures, 'uz-cyrl-kazinform-2025-11-10.txt'),
    join(fixtures, 'markup-in-text.txt'),
  ];
  const { jobId } = await archive.handlers.importPaths({ paths }, { transport: 'test' });
  const status = await archive.ctx.jobs.wait(jobId);
  expect(status.state).toBe('done');
}, 120_000);

afterAll(() => {
  archive?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('search across scripts', () => {
  it('Тошкент, Toshkent and Toşkent find one another', () => {
    const [cyr, lat, neo] = ['Тошкент', 'Toshkent', 'Toşkent'].map((q) => search(q));
    expect(hits(cyr)).toEqual(hits(lat));
    expect(hits(cyr)).toEqual(hits(neo));
    const groups = uzGroups(cyr);
    expect(groups['uz-cyrl'].length).toBeGreaterThan(5);
    // the same texts, in all three scripts
    expect(groups['uz-latn']).toEqual(expect.arrayContaining(groups['uz-cyrl']));
    expect(groups['uz-latn-new']).toEqual(groups['uz-cyrl']);
  });

  it("O'zbekiston with any apostrophe finds Oʻzbekiston, O‘zbekiston and Ўзбекистон", () => {
    const results = ["O'zbekiston", 'Oʻzbekiston', 'O‘zbekiston', 'O’zbekiston', 'Ўзбекистон'].map((q) => search(q, { limit: 200 }));
    for (const r of results) expect(r.total).toBe(results[0].total);
    const groups = uzGroups(results[0]);
    expect(groups['uz-cyrl'].length).toBeGreaterThan(20);
    expect(groups['uz-latn-new']).toEqual(groups['uz-cyrl']);
    const cyrHit = results[0].results.find((h) => h.path!.includes('uz-cyrl'))!;
    expect(cyrHit.snippet).toMatch(/<b>Ўзбекистон[^<]*<\/b>/);
  });

  it('Moskva finds Москва and МОSKVА; Kazinform finds Кazinform', () => {
    const moskva = search('Moskva');
    const kazinform = hits(search('Kazinform'));
    expect(hits(moskva)).toContain('fixtures/uz-cyrl-kazinform-2025-11-10.txt');
    expect(hits(moskva).some((h) => h.startsWith('uz-cyrl/'))).toBe(true);
    expect(kazinform).toEqual(['fixtures/uz-cyrl-kazinform-2025-11-10.txt']);
    const sample = text(join(fixtures, 'uz-cyrl-kazinform-2025-11-10.txt'));
    const marked = highlightTerms(sample, ['Moskva']).map((r) => sample.slice(r.start, r.end));
    expect(marked).toEqual(expect.arrayContaining(['МОSKVА', 'Москвага']));
    const kaz = highlightTerms(sample, ['Kazinform']).map((r) => sample.slice(r.start, r.end));
    expect(kaz).toEqual(['Кazinform', 'Каzinform']);
  });

  it('XVIII finds ХVIII written with a Cyrillic Х', () => {
    const r = search('XVIII');
    expect(hits(r)).toContain('uz-cyrl/uzt-052.txt');
    expect(r.results.find((h) => h.path!.endsWith('uz-cyrl/uzt-052.txt'))!.snippet).toContain('<b>ХVIII</b>');
  });

  it('Putin finds Путин', () => {
    const r = search('Putin');
    expect(uzGroups(r)['uz-cyrl']).toContain('uzt-066.txt');
    const ru = hits(r).filter((h) => h.startsWith('ru/'));
    const expected = firstFiles('ru', 400).filter((p) => /Путин|Putin/i.test(text(p)));
    expect(ru.length).toBe(expected.length);
  });

  it('finds Kazakh and Uzbek suffixed forms, and Russian inflected ones', () => {
    const kk = hits(search('Қазақстан')).filter((h) => h.startsWith('kk/'));
    const withGenitive = firstFiles('kk', 400).filter((p) => /Қазақстанның/i.test(text(p)));
    expect(withGenitive.length).toBeGreaterThan(3);
    for (const p of withGenitive) expect(kk).toContain(`kk/${basename(p)}`);
    expect(search('Qazaqstan').total).toBe(search('Қазақстан').total);

    const uz = uzGroups(search('Қозоғистон'));
    expect(uz['uz-cyrl']).toContain('uzt-053.txt'); // Қозоғистонга, Қозоғистоннинг
    expect(uz['uz-latn']).toContain('uzt-053.txt');

    const ru = hits(search('Ташкент')).filter((h) => h.startsWith('ru/'));
    const inflected = firstFiles('ru', 400).filter((p) => /Ташкенте/.test(text(p)));
    expect(inflected.length).toBeGreaterThan(3);
    for (const p of inflected) expect(ru).toContain(`ru/${basename(p)}`);
  });

  it('is case-insensitive in every script', () => {
    expect(search('қозоғистон').total).toBe(search('ҚОЗОҒИСТОН').total);
    expect(search('қозоғистон').total).toBeGreaterThan(0);
  });

  it('keeps й/и, ў/у, қ/к, ғ/г, ҳ/х apart', () => {
    // ҳол (state) and хол (spot) are different words
    const hol = search('"ҳол"');
    const xol = search('"хол"');
    for (const h of hol.results) expect(h.snippet).not.toMatch(/<b>хол<\/b>/i);
    for (const h of xol.results) expect(h.snippet).not.toMatch(/<b>ҳол<\/b>/i);
    const kol = search('"қол"');
    for (const h of kol.results) expect(h.snippet).not.toMatch(/<b>кол<\/b>/i);
  });

  it('quotes restrict to the form typed', () => {
    const all = search('Қозоғистон');
    const exact = search('"Қозоғистон"');
    expect(exact.total).toBeLessThan(all.total);
    for (const h of exact.results) {
      const words = [...h.snippet.matchAll(/<b>([^<]*)<\/b>/g)].map((m) => m[1].toLowerCase());
      for (const w of words) expect(['қозоғистон', 'qozog‘iston', 'qozoḡiston']).toContain(w);
    }
  });

  it('does not let a short word match every longer word', () => {
    const va = search('va', { limit: 50 });
    for (const h of va.results) for (const m of h.snippet.matchAll(/<b>([^<]*)<\/b>/g)) expect(m[1].toLowerCase()).toMatch(/^(va|ва)$/);
    const olma = search('olma');
    for (const h of olma.results) expect(h.snippet).not.toMatch(/<b>Olmaota/i);
  });
});

describe('strict script mode', () => {
  it('matches only the script typed', () => {
    const latin = search('Toshkent', { script: 'exact' });
    const cyrillic = search('Тошкент', { script: 'exact' });
    expect(latin.total).toBeGreaterThan(0);
    expect(cyrillic.total).toBeGreaterThan(0);
    for (const h of latin.results) expect(text(h.path!)).toMatch(/To(sh|ş)kent/i);
    for (const h of cyrillic.results) expect(text(h.path!)).toMatch(/Тошкент/i);
    expect(latin.total + cyrillic.total).toBeGreaterThanOrEqual(search('Toshkent').total);
    for (const h of cyrillic.results) expect(h.snippet).not.toMatch(/<b>To/);
  });
});

describe('filters, paging, snippets, errors', () => {
  it('lang:uz covers both Uzbek scripts; filters work alone and with words', () => {
    const uz = search('lang:uz', { limit: 1 });
    const cyrl = search('lang:uz-Cyrl', { limit: 1 });
    const latn = search('lang:uz-Latn', { limit: 1 });
    expect(uz.total).toBe(cyrl.total + latn.total);
    expect(cyrl.total).toBeGreaterThanOrEqual(60);
    const words = search('Toshkent lang:uz-Cyrl');
    expect(words.total).toBeGreaterThan(0);
    for (const h of words.results) expect(h.lang).toBe('uz-Cyrl');
    expect(search('Toshkent -lang:uz').results.every((h) => !h.lang.startsWith('uz'))).toBe(true);
  });

  it('filters by date range, open at either end', () => {
    const r = search('date:2025-01-01..', { limit: 200 });
    expect(r.total).toBeGreaterThan(0);
    for (const h of r.results) expect(h.date! >= '2025-01-01').toBe(true);
    const before = search('date:..2022-12-31', { limit: 1 });
    const all = search('date:1900..2100', { limit: 1 });
    expect(before.total + r.total).toBeLessThanOrEqual(all.total);
  });

  it('ranks titles above bodies and pages through results', () => {
    const r = search('Қозоғистон', { limit: 5 });
    const next = search('Қозоғистон', { limit: 5, offset: 5 });
    expect(next.total).toBe(r.total);
    expect(new Set([...r.results, ...next.results].map((h) => h.id)).size).toBe(10);
    expect(r.results[0].score).toBeGreaterThanOrEqual(next.results[0].score);
  });

  it('marks matches in escaped HTML snippets', () => {
    const r = search('Toshkent report');
    expect(r.total).toBe(1);
    expect(r.results[0].snippet).toBe('A <b>Toshkent</b> <b>report</b> with &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;tags&lt;/b&gt; written as text.');
    expect(r.terms).toEqual(['Toshkent', 'report']);
  });

  it('finds phrases and prefixes', () => {
    const phrase = search('"Коллектив хавфсизлик шартномаси"');
    expect(uzGroups(phrase)['uz-latn']).toContain('uzt-053.txt');
    const prefix = search('Qozog‘is*');
    expect(prefix.total).toBeGreaterThanOrEqual(search('Қозоғистон').total);
  });

  it('refuses malformed queries with a clear message and no SQL', () => {
    for (const q of ['"Toshkent', 'OR', 'Toshkent OR', '-', '!!!', '(', 'date:2025-99']) {
      let error: unknown;
      try {
        search(q);
      } catch (e) {
        error = e;
      }
      expect(error, q).toBeInstanceOf(QalamError);
      expect((error as QalamError).code).toBe('bad_query');
      expect((error as QalamError).message).not.toMatch(/fts5|sql|syntax error/i);
    }
  });

  it('answers through the archive handler of the contract', async () => {
    const r = await archive.handlers.search({ query: 'Тошкент', script: 'any', offset: 0, limit: 3 }, { transport: 'test' });
    expect(r.results).toHaveLength(3);
    expect(r.results[0]).toEqual(expect.objectContaining({ id: expect.any(Number), title: expect.any(String), lang: expect.any(String), path: expect.any(String) }));
  });
});
