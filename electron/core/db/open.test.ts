import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { titleSortKey } from '../../../shared/text/sort-key.js';
import { tempDir } from '../../../tests/support/corpus.js';
import { loadMigrations, migrate } from './migrate.js';
import { openLibrary } from './open.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function temp() {
  const t = tempDir();
  cleanup = t.cleanup;
  return t.dir;
}

describe('openLibrary', () => {
  it('creates a WAL library at the newest schema with foreign keys on', () => {
    const path = join(temp(), 'nested', 'lib.sqlite');
    const lib = openLibrary(path);
    expect(lib.schemaVersion).toBe(loadMigrations().length);
    expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(lib.schemaVersion);
    lib.close();
    // Opening again applies nothing twice.
    const again = openLibrary(path);
    expect(again.schemaVersion).toBe(lib.schemaVersion);
    again.close();
  });

  it('refuses a library from a newer version and leaves the file byte for byte as it was', () => {
    const path = join(temp(), 'future.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE future_thing (x)');
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(path);
    expect(() => openLibrary(path)).toThrow(/newer version of Qalam.*schema 999.*not been changed/s);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database without touching it', () => {
    const path = join(temp(), 'notes.txt');
    writeFileSync(path, 'these are my notes, not a library\n');
    expect(() => openLibrary(path)).toThrow(/not a Qalam library/);
    expect(readFileSync(path, 'utf8')).toBe('these are my notes, not a library\n');
  });

  it("refuses another program's SQLite database, or one with a version but not a library's tables, without touching it", () => {
    const dir = temp();
    for (const [name, version] of [['other.sqlite', 0], ['versioned.sqlite', 1]] as const) {
      const path = join(dir, name);
      const db = new Database(path);
      db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')");
      db.pragma(`user_version = ${version}`);
      db.close();
      const before = readFileSync(path);
      expect(() => openLibrary(path), name).toThrow(/is an SQLite database but not a Qalam library; it has not been changed/);
      expect(() => openLibrary(path, { readonly: true }), name).toThrow(/not a Qalam library/);
      expect(readFileSync(path).equals(before), name).toBe(true);
    }
  });

  it('opens an empty SQLite file as a new library', () => {
    const path = join(temp(), 'empty.sqlite');
    new Database(path).close();
    const lib = openLibrary(path);
    expect(lib.schemaVersion).toBe(loadMigrations().length);
    lib.close();
  });

  it('opens a library read-only without writing to it, and refuses one whose schema would have to be upgraded first', () => {
    const path = join(temp(), 'lib.sqlite');
    openLibrary(path).close();
    const before = readFileSync(path);
    const lib = openLibrary(path, { readonly: true });
    expect(lib.readonly).toBe(true);
    expect(lib.schemaVersion).toBe(loadMigrations().length);
    expect(() => lib.db.exec("INSERT INTO meta (key, value) VALUES ('x', 'y')")).toThrow(/readonly database/);
    const reader = lib.openReader();
    expect(reader.readonly).toBe(true);
    expect(reader.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    reader.close();
    lib.close();
    expect(readFileSync(path).equals(before)).toBe(true);

    // A schema one step newer than the file's: read-only, the library is refused unchanged...
    const latest = loadMigrations().length;
    const migrations = [...loadMigrations(), { version: latest + 1, name: 'next.sql', sql: 'CREATE TABLE next_thing (x)' }];
    expect(() => openLibrary(path, { readonly: true, migrations })).toThrow(
      `${path} was written by an older version of Qalam (schema ${latest}; this version uses ${latest + 1}) and has to be upgraded before it can be read, which needs write access: ` +
        'open it once with this Qalam where the file and its folder may be written. It has not been changed.',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    // ...while a reader given a library it may write to upgrades it, as opening always has.
    const upgraded = openLibrary(path, { readOnlyIfUnwritable: true, migrations });
    expect(upgraded.readonly).toBe(false);
    expect(upgraded.schemaVersion).toBe(latest + 1);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(latest + 1);
    upgraded.close();
  });

  it('opens read-only a library whose missing steps readers can do without, and upgrades it when it may write', () => {
    const path = join(temp(), 'lib.sqlite');
    openLibrary(path).close();
    const before = readFileSync(path);
    const latest = loadMigrations().length;
    const migrations = [
      ...loadMigrations(),
      { version: latest + 1, name: 'next.sql', sql: 'CREATE INDEX articles_next ON articles(source, id)', optionalForReaders: true },
    ];
    const lib = openLibrary(path, { readonly: true, migrations });
    expect(lib.readonly).toBe(true);
    expect(lib.schemaVersion).toBe(latest);
    lib.close();
    expect(readFileSync(path).equals(before)).toBe(true);
    const upgraded = openLibrary(path, { readOnlyIfUnwritable: true, migrations });
    expect(upgraded.schemaVersion).toBe(latest + 1);
    upgraded.close();
  });

  it('opens a library whose name starts with "file:" by that name', () => {
    const dir = temp();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      openLibrary('file:lib.sqlite').close();
    } finally {
      process.chdir(cwd);
    }
    expect(existsSync(join(dir, 'file:lib.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'lib.sqlite'))).toBe(false);
  });

  it('caches prepared statements per connection', () => {
    const lib = openLibrary(join(temp(), 'c.sqlite'));
    expect(lib.stmt('SELECT 1')).toBe(lib.stmt('SELECT 1'));
    lib.close();
  });

  it('gives a cached statement back in the default row mode, whatever an earlier caller switched it to', () => {
    const lib = openLibrary(join(temp(), 'd.sqlite'));
    const sql = "SELECT 'Тошкент' AS name, 2 AS n";
    expect(lib.stmt(sql).pluck().get()).toBe('Тошкент');
    expect(lib.stmt(sql).get()).toEqual({ name: 'Тошкент', n: 2 });
    expect(lib.stmt(sql).raw().get()).toEqual(['Тошкент', 2]);
    expect(lib.stmt(sql).get()).toEqual({ name: 'Тошкент', n: 2 });
    lib.close();
  });
});

describe('migrate', () => {
  it('applies each migration in its own transaction and stops at a broken one', () => {
    const db = new Database(':memory:');
    const migrations = [
      { version: 1, name: '001_a.sql', sql: 'CREATE TABLE a (x);' },
      { version: 2, name: '002_b.sql', sql: 'CREATE TABLE b (x); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, migrations)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    // The failed migration left nothing behind.
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
  });

  it('marks the step that adds the title sort key as one readers can do without, and the others not', () => {
    const optional = loadMigrations().map((m) => [m.name, m.optionalForReaders]);
    expect(optional).toEqual([
      ['001_init.sql', false],
      ['002_collection_script.sql', false],
      ['003_title_sort_key.sql', true],
    ]);
  });

  it('brings a bare connection up to date, with the functions its steps compute with', () => {
    const db = new Database(':memory:');
    migrate(db, loadMigrations().slice(0, 2));
    db.exec("INSERT INTO articles (uid, text_sha256, title, lang, script, text, imported_at) VALUES ('u', 's', 'Қала', 'kk', 'Cyrl', '', '')");
    migrate(db);
    expect(db.prepare('SELECT title_key FROM articles').pluck().get()).toBe(titleSortKey('Қала'));
    db.close();
  });
});
