import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qalam } from '../../tests/support/cli.js';
import { corpus, seedDir, tempDir } from '../../tests/support/corpus.js';

let dir: string;
let db: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'lib.sqlite');
  const r = await qalam(['import', seedDir, corpus('uz-latn'), corpus('en'), '--db', db, '--json']);
  expect(r.code).toBe(0);
}, 180_000);
afterAll(() => cleanup());

describe('qalam CLI: the archive commands', () => {
  it('import --json reports counts and failures in the documented shape', async () => {
    const r = await qalam(['import', corpus('uz-latn'), join(dir, 'nothing-here'), '--db', db, '--json']);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ imported: 0, duplicates: 90 });
    expect(out.failed).toEqual([{ path: join(dir, 'nothing-here'), error: 'no such file or folder' }]);
  });

  it('import without paths is a usage error', async () => {
    const r = await qalam(['import', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/name at least one file or folder/);
  });

  it('list pages, sorts and filters by language', async () => {
    const all = (await qalam(['list', '--db', db, '--json', '--limit', '5'])).json();
    expect(all.total).toBe(4091);
    expect(all.items).toHaveLength(5);
    const dates = all.items.map((i: { date: string }) => i.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const en = (await qalam(['list', '--db', db, '--json', '--lang', 'en', '--limit', '1000'])).json();
    // Reuters price tables hold no words to tell a language by; all else is English.
    expect(en.total).toBeGreaterThanOrEqual(3960);
    expect(en.total).toBeLessThanOrEqual(4000);
    expect(en.items.every((i: { lang: string }) => i.lang === 'en')).toBe(true);
    const range = (await qalam(['list', '--db', db, '--json', '--from', '1987-03-01', '--to', '1987-03-02'])).json();
    expect(range.total).toBeGreaterThan(0);
    expect(range.items.every((i: { date: string }) => i.date >= '1987-03-01' && i.date <= '1987-03-02')).toBe(true);
    expect((await qalam(['list', '--db', db, '--limit', 'many'])).code).toBe(2);
  });

  it('show prints an article with provenance, and a missing id is exit 2', async () => {
    const r = await qalam(['show', '1', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ id: 1, date: '2025-11-10', provenance: { encoding: 'utf-8' } });
    const missing = await qalam(['show', '999999', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no article 999999/);
  });

  it('stats counts articles by language and source and measures the library', async () => {
    const s = (await qalam(['stats', '--db', db, '--json'])).json();
    expect(s.articles).toBe(4091);
    const byLang = Object.fromEntries(s.byLang.map((l: { lang: string; count: number }) => [l.lang, l.count]));
    expect(byLang.en).toBeGreaterThanOrEqual(3960);
    expect(byLang['uz-Latn']).toBeGreaterThanOrEqual(89);
    expect(s.byLang.reduce((n: number, l: { count: number }) => n + l.count, 0)).toBe(4091);
    expect(s.sizeBytes).toBeGreaterThan(s.textBytes / 2);
  });

  it('check passes on a sound library and fails (exit 1) when the index lost an article', async () => {
    expect((await qalam(['check', '--db', db])).code).toBe(0);
    const { dir: d2, cleanup: c2 } = tempDir();
    try {
      const copy = join(d2, 'copy.sqlite');
      expect((await qalam(['backup', copy, '--db', db])).code).toBe(0);
      const raw = new Database(copy);
      raw.prepare('DELETE FROM articles_fts WHERE rowid = 3').run();
      raw.close();
      const r = await qalam(['check', '--db', copy]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/FAIL\s+every article indexed: article 3 is missing/);
    } finally {
      c2();
    }
  });

  it('backup writes a consistent copy and will not overwrite without --force', async () => {
    const out = join(dir, 'backup.sqlite');
    expect((await qalam(['backup', out, '--db', db])).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 4091 });
    copy.close();
    const again = await qalam(['backup', out, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists; pass --force/);
  });

  it('every command answers --help, and unknown commands and options are usage errors', async () => {
    for (const c of ['import', 'search', 'show', 'list', 'stats', 'check', 'backup']) {
      const r = await qalam([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.out, c).toMatch(new RegExp(`^qalam ${c} — .*\\n\\nUsage: qalam ${c}`, 's'));
    }
    expect((await qalam(['frobnicate'])).code).toBe(2);
    const bad = await qalam(['list', '--colour', 'red', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Unknown option '--colour'/);
  });

  it('search takes -word as a word to leave out, not as an option', async () => {
    const withWord = (await qalam(['search', 'Москва', '--db', db, '--json'])).json().total;
    const without = await qalam(['search', '-Москва', '--db', db, '--json']);
    expect(without.code).toBe(0);
    expect(withWord).toBeGreaterThan(0);
    expect(without.json().total + withWord).toBe(4091);
    const typo = await qalam(['search', 'Москва', '--limt', '5', '--db', db]);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/Unknown option '--limt'/);
  });

  it('uses QALAM_DB when --db is not given', async () => {
    const r = await qalam(['stats', '--json'], { QALAM_DB: db, HOME: dir });
    expect(r.json().articles).toBe(4091);
  });
});
