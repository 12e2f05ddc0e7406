import Database from 'better-sqlite3';
import type { Database as DB, Statement } from 'better-sqlite3';
import { existsSync, mkdirSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { QalamError } from '../errors.js';
import { loadMigrations, migrate } from './migrate.js';

export interface Library {
  db: DB;
  path: string;
  schemaVersion: number;
  /// Prepared once per connection: better-sqlite3 statements are cheap to run, not to prepare.
  stmt(sql: string): Statement;
  close(): void;
}

const SQLITE_MAGIC = 'SQLite format 3\0';
const PAGE_SIZE = 16384;

function looksLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 0 || buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/// Tables every Qalam library has had since its first schema.
const LIBRARY_TABLES = ['meta', 'articles', 'tags', 'annotations'];

/// Refuse, before anything is written, an SQLite database that is not a Qalam library: one that
/// has tables of its own but no schema version (another program's database), or a version but not
/// the library's tables. Migrating it would turn someone else's file into a library.
function refuseForeignDatabase(db: DB, path: string, version: number): void {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]);
  const foreign = version === 0 ? tables.size > 0 : LIBRARY_TABLES.some((t) => !tables.has(t));
  if (foreign) {
    throw new QalamError('not_a_library', `${path} is an SQLite database but not a Qalam library; it has not been changed.`);
  }
}

/// Open (or create) a library file: WAL, foreign keys, a busy timeout, the newest schema.
export function openLibrary(path: string, options: { readonly?: boolean } = {}): Library {
  if (path !== ':memory:') {
    if (existsSync(path)) {
      if (!looksLikeSqlite(path)) {
        throw new QalamError('not_a_library', `${path} is not a Qalam library (not an SQLite database); it has not been changed.`);
      }
    } else if (options.readonly) {
      throw new QalamError('not_found', `No library at ${path}.`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
    }
  }
  const db = new Database(path, { readonly: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    const migrations = loadMigrations();
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) migrate(db, migrations); // throws too_new before any write
    refuseForeignDatabase(db, path, version);
    if (!options.readonly) {
      // Articles run to a few kilobytes: in 4 KB pages most rows would sit alone in a page.
      // Only a new, empty file takes a page size (before WAL and the first table).
      if (version === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // A large import lets the write-ahead log grow (import/pipeline.ts); once checkpointed, the
      // file is cut back to this size rather than kept at its largest.
      db.pragma(`journal_size_limit = ${32 * 1024 * 1024}`);
    }
    db.pragma('foreign_keys = ON');
    // Article identifiers are hashes, so their index is written all over: with SQLite's default
    // 2 MB cache a large import reads most of it back page by page.
    db.pragma('cache_size = -65536');
    const schemaVersion = options.readonly ? version : migrate(db, migrations);
    const cache = new Map<string, Statement>();
    return {
      db,
      path,
      schemaVersion,
      stmt(sql) {
        let s = cache.get(sql);
        if (!s) {
          s = db.prepare(sql);
          cache.set(sql, s);
        }
        return s;
      },
      close() {
        cache.clear();
        if (db.open) db.close();
      },
    };
  } catch (e) {
    db.close();
    if (e instanceof QalamError) throw e;
    const message = (e as Error).message;
    if (/readonly database|unable to open database file/i.test(message)) {
      throw new QalamError('read_only', `${path} cannot be written: Qalam needs to write to the library file and to its folder (${message}); it has not been changed.`);
    }
    if (/file is not a database|malformed/i.test(message)) {
      throw new QalamError('not_a_library', `${path} is not a usable Qalam library (${message}); it has not been changed.`);
    }
    throw e;
  }
}
