import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { titleSortKey } from '../../../shared/text/sort-key.js';
import { corpus, tempDir } from '../../../tests/support/corpus.js';
import { loadMigrations } from '../db/migrate.js';
import { openLibrary, type Library } from '../db/open.js';
import { listArticles } from './queries.js';
import { insertArticle } from './store.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function temp() {
  const t = tempDir();
  cleanup = t.cleanup;
  return t.dir;
}

/// Real titles: Kazakh and Uzbek (Cyrillic and Latin) from the team corpus, and a few that the
/// old order (SQLite's NOCASE) put in the wrong place.
function titles(): string[] {
  const from = (folder: string, n: number) =>
    readdirSync(corpus(folder))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, n)
      .map((f) => readFileSync(corpus(folder, f), 'utf8').split('\n', 1)[0].replace(/^ date \S+ /, ''));
  return [...from('kk', 40), ...from('uz-cyrl', 30), ...from('uz-latn', 30), 'абай туралы', 'ўзбек тили', 'Äpfel', 'Zebra', 'Oʻzbekiston', 'Ozod', 'Яблоко'];
}

const byKey = (a: string, b: string) => (titleSortKey(a) < titleSortKey(b) ? -1 : titleSortKey(a) > titleSortKey(b) ? 1 : 0);

function listTitles(lib: Library, order: 'asc' | 'desc', limit = 1000, offset = 0): string[] {
  return listArticles(lib, { sort: 'title', order, limit, offset } as Parameters<typeof listArticles>[1]).items.map((i) => i.title);
}

function addAll(lib: Library, list: string[]): void {
  list.forEach((title, i) => insertArticle(lib, { title, text: `Article ${i}: ${title}`, format: 'txt', batchId: null, importedAt: '2026-01-01T00:00:00Z' }));
}

/// A library at schema 2, from before titles had a stored sort key, with articles written as that
/// version wrote them.
function olderLibrary(path: string, list: string[]): void {
  const lib = openLibrary(path, { migrations: loadMigrations().slice(0, 2) });
  const insert = lib.db.prepare(
    "INSERT INTO articles (uid, text_sha256, title, lang, script, text, imported_at) VALUES (?, ?, ?, 'kk', 'Cyrl', ?, '2026-01-01T00:00:00Z')",
  );
  list.forEach((title, i) => insert.run(`uid-${i}`, `sha-${i}`, title, `text ${i}`));
  lib.close();
}

describe('listArticles sorted by title', () => {
  it('gives the order of the titles’ alphabets, page by page, both ways', () => {
    const lib = openLibrary(join(temp(), 'lib.qalam'));
    const list = titles();
    addAll(lib, list);
    const expected = [...new Set(list.map((t) => t.trim()))].sort(byKey);
    const asc = listTitles(lib, 'asc');
    expect(asc).toEqual(expected);
    // Lower-case Cyrillic among the rest; Ä after A, not after Z; Latin before Cyrillic.
    expect(asc.indexOf('абай туралы')).toBeLessThan(asc.findIndex((t) => t.startsWith('Б')));
    expect(asc.indexOf('Äpfel')).toBeLessThan(asc.findIndex((t) => /^[Bb]/.test(t)));
    expect(asc.indexOf('Zebra')).toBeLessThan(asc.indexOf('абай туралы'));
    expect(asc.indexOf('ўзбек тили')).toBeLessThan(asc.findIndex((t) => t.startsWith('Ф')));
    expect(listTitles(lib, 'desc')).toEqual([...expected].reverse());
    const pages = [0, 1, 2, 3, 4, 5].flatMap((p) => listTitles(lib, 'asc', 25, p * 25));
    expect(pages).toEqual(expected);
    lib.close();
  });

  it('reads each page from the title index, without sorting the library', () => {
    const lib = openLibrary(join(temp(), 'lib.qalam'));
    addAll(lib, titles());
    const seen: { sql: string }[] = [];
    const spy: Library = { ...lib, stmt: (sql) => (seen.push({ sql }), lib.stmt(sql)) };
    listArticles(spy, { sort: 'title', order: 'asc', limit: 20, offset: 40 } as Parameters<typeof listArticles>[1]);
    const page = seen.find(({ sql }) => sql.includes('LIMIT'))!.sql;
    const plan = lib.db.prepare(`EXPLAIN QUERY PLAN ${page}`).all(20, 40) as { id: number; parent: number; detail: string }[];
    // The inner query picks the page's ids from the index alone, with no sort of its own.
    const subquery = plan.find((r) => r.detail.startsWith('LIST SUBQUERY'))!;
    const inner = plan.filter((r) => r.parent === subquery.id).map((r) => r.detail);
    expect(inner).toEqual(['SCAN a USING COVERING INDEX articles_title_key']);
    lib.close();
  });

  it('upgrades a library from before the sort key: keys for its titles, the new index instead of the old', () => {
    const path = join(temp(), 'older.qalam');
    const list = titles();
    olderLibrary(path, list);
    const lib = openLibrary(path);
    expect(lib.schemaVersion).toBe(loadMigrations().length);
    const rows = lib.db.prepare('SELECT title, title_key FROM articles').all() as { title: string; title_key: string }[];
    expect(rows).toHaveLength(list.length);
    for (const r of rows) expect(r.title_key, r.title).toBe(titleSortKey(r.title));
    const indexes = lib.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles'").pluck().all();
    expect(indexes).toContain('articles_title_key');
    expect(indexes).not.toContain('articles_title');
    expect(listTitles(lib, 'asc')).toEqual([...list].sort(byKey));
    // Articles added after the upgrade take their place among the others.
    addAll(lib, ['Әлем жаңалықтары', 'ғылым']);
    const after = listTitles(lib, 'asc');
    expect(after).toEqual([...list, 'Әлем жаңалықтары', 'ғылым'].sort(byKey));
    lib.close();
  });

  it('sorts a library it may not upgrade (opened read-only) in the same order, computing the keys', () => {
    const path = join(temp(), 'older.qalam');
    const list = titles();
    olderLibrary(path, list);
    const before = readFileSync(path);
    const lib = openLibrary(path, { readonly: true });
    expect(lib.readonly).toBe(true);
    expect(lib.schemaVersion).toBe(2);
    expect(listTitles(lib, 'asc')).toEqual([...list].sort(byKey));
    expect(listTitles(lib, 'desc', 10, 5)).toEqual([...list].sort(byKey).reverse().slice(5, 15));
    // Its readers (an export's snapshot) have the key function too.
    const reader = lib.openReader();
    expect(reader.prepare("SELECT title_sort_key('Қала') = ?").pluck().get(titleSortKey('Қала'))).toBe(1);
    reader.close();
    lib.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('sorts an up-to-date library opened read-only from its stored keys', () => {
    const path = join(temp(), 'lib.qalam');
    const list = titles();
    const writer = openLibrary(path);
    addAll(writer, list);
    writer.close();
    const lib = openLibrary(path, { readonly: true });
    expect(lib.schemaVersion).toBe(loadMigrations().length);
    expect(listTitles(lib, 'asc')).toEqual([...new Set(list.map((t) => t.trim()))].sort(byKey));
    lib.close();
  });
});
