import Database from 'better-sqlite3';
import type { Database as DB, Statement } from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { QalamError } from '../errors.js';
import { registerFunctions } from './functions.js';
import { loadMigrations, migrate, readableWithout, type Migration } from './migrate.js';

// better-sqlite3 reads this once, when its native part loads at the first connection. It lets a
// `file:` name carry `immutable=1`, the only way SQLite reads a WAL library from a folder where it
// may not make the library's shared-memory file (read-only media, a share one may only read).
// Plain paths are not affected; openLibrary keeps a path that happens to start with "file:" a path.
process.env.SQLITE_USE_URI ??= '1';

export interface Library {
  db: DB;
  path: string;
  schemaVersion: number;
  /// True when the connection is read-only: the library could not be written, and nothing is.
  readonly: boolean;
  /// Another read-only connection to the same library, opened the way this one was (an export
  /// reads its snapshot through one of its own).
  openReader(): DB;
  /// Prepared once per connection: better-sqlite3 statements are cheap to run, not to prepare.
  /// Given in the default row mode each time; one kept to be run again later in another mode
  /// (`.pluck()`) belongs to its caller: prepare it with `db.prepare`.
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

export interface OpenOptions {
  /// Open a read-only connection: nothing is written to the library or beside it, not even an
  /// upgrade of an older schema (such a library is refused).
  readonly?: boolean;
  /// The caller only reads. A library that may be written opens as usual (read-write, upgraded
  /// when its schema is older); one that may not is opened read-only instead of refused.
  readOnlyIfUnwritable?: boolean;
  /// The schema to bring the library to: the migrations beside migrate.ts (tests pass their own).
  migrations?: Migration[];
}

/// Why this process may not write to the library at `path` or to the folder it is in (SQLite
/// makes its journal files there), or null when it may. Read-only means read-only to this user,
/// whatever the file's mode says to others. A file or folder that is not there yet is left for
/// opening to make or report.
export function whyUnwritable(path: string): string | null {
  const folder = dirname(resolve(path));
  for (const [target, what] of [
    [path, 'the file is read-only'],
    [folder, `its folder ${folder} is read-only`],
  ]) {
    try {
      accessSync(target, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EROFS') return 'it is on a read-only disk';
      if (code === 'EACCES' || code === 'EPERM') return what;
    }
  }
  return null;
}

const cannotWrite = (path: string, why: string) =>
  new QalamError('read_only', `${path} cannot be written (${why}); Qalam needs to write to the library file and to its folder to change it. It has not been changed.`);

/// A name for SQLite: with URI names on (above), a path that starts with "file:" would be read
/// as a URI and open some other file.
const sqliteName = (path: string) => (path.startsWith('file:') ? `./${path}` : path);

function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/// A read-only connection that has read the library's header, so that any trouble opening the
/// write-ahead log shows here, with the library's SQL functions.
function readOnlyConnection(name: string): DB {
  const db = new Database(name, { readonly: true });
  try {
    db.pragma('user_version');
    registerFunctions(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/// Open a read-only connection to a library. A WAL library is read through its shared-memory
/// index (`-shm`), which SQLite makes beside the file when it is missing: in a folder that may
/// not be written that fails. With no write-ahead log to read either (a library closed cleanly,
/// then copied or shared), the file alone is the whole library, and SQLite may read it as
/// immutable, without the index or any lock. That assumes nobody changes it meanwhile: anyone who
/// could would have a log beside it. A log with content but no index cannot be read that way
/// without losing the changes in it, so that is refused.
function openReadOnly(path: string): DB {
  try {
    return readOnlyConnection(sqliteName(path));
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!/^SQLITE_(CANTOPEN|READONLY)/.test(code)) throw e;
  }
  const file = basename(path);
  if (walBytes(path) > 0) {
    throw new QalamError(
      'read_only',
      `${path} cannot be read here: its last changes are in ${file}-wal, which can be read only with ${file}-shm beside it or by writing to its folder, and neither is possible. ` +
        `Copy all the library's files to a folder you may write to, or open it once where it may be written. It has not been changed.`,
    );
  }
  try {
    return readOnlyConnection(`${pathToFileURL(resolve(path)).href}?mode=ro&immutable=1`);
  } catch (e) {
    throw new QalamError('read_only', `${path} cannot be read from a folder Qalam may not write to (${(e as Error).message}); it has not been changed.`);
  }
}

/// Open (or create) a library file: WAL, foreign keys, a busy timeout, the newest schema.
export function openLibrary(path: string, options: OpenOptions = {}): Library {
  const migrations = options.migrations ?? loadMigrations();
  if (options.readonly) return open(path, true, migrations);
  const why = path !== ':memory:' && existsSync(path) ? whyUnwritable(path) : null;
  if (why && !options.readOnlyIfUnwritable) throw cannotWrite(path, why);
  if (why) return open(path, true, migrations);
  try {
    return open(path, false, migrations);
  } catch (e) {
    // Permissions are not the only thing that can stop a write (a -shm file made by another user
    // who shares the folder, say); a caller that only reads can still read.
    if (options.readOnlyIfUnwritable && e instanceof QalamError && e.code === 'read_only') return open(path, true, migrations);
    throw e;
  }
}

function open(path: string, readonly: boolean, migrations: Migration[]): Library {
  if (path !== ':memory:') {
    if (existsSync(path)) {
      if (!looksLikeSqlite(path)) {
        throw new QalamError('not_a_library', `${path} is not a Qalam library (not an SQLite database); it has not been changed.`);
      }
    } else if (readonly) {
      throw new QalamError('not_found', `No library at ${path}.`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
    }
  }
  let db: DB | undefined;
  try {
    if (readonly) db = openReadOnly(path);
    else registerFunctions((db = new Database(sqliteName(path))));
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) migrate(db, migrations); // throws too_new before any write
    refuseForeignDatabase(db, path, version);
    if (readonly && !readableWithout(migrations, version)) {
      throw new QalamError(
        'read_only',
        version === 0
          ? `${path} is an empty database, not yet a Qalam library, and it cannot be written to make it one; it has not been changed.`
          : `${path} was written by an older version of Qalam (schema ${version}; this version uses ${migrations.length}) and has to be upgraded before it can be read, which needs write access: ` +
              'open it once with this Qalam where the file and its folder may be written. It has not been changed.',
      );
    }
    if (!readonly) {
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
    const schemaVersion = readonly ? version : migrate(db, migrations);
    const cache = new Map<string, Statement>();
    const conn = db;
    return {
      db: conn,
      path,
      schemaVersion,
      readonly,
      openReader: () => {
        if (readonly) return openReadOnly(path);
        const reader = new Database(sqliteName(path), { readonly: true });
        registerFunctions(reader);
        return reader;
      },
      stmt(sql) {
        let s = cache.get(sql);
        if (!s) {
          s = conn.prepare(sql);
          cache.set(sql, s);
        } else if (s.reader) {
          // A caller may have switched the shared statement to plucking (or raw, or expanded)
          // rows: every caller gets it back in the default mode, to switch for itself.
          s.pluck(false).expand(false).raw(false);
        }
        return s;
      },
      close() {
        cache.clear();
        if (conn.open) conn.close();
      },
    };
  } catch (e) {
    db?.close();
    if (e instanceof QalamError) throw e;
    const message = (e as Error).message;
    if (/readonly database|unable to open database file/i.test(message)) {
      throw cannotWrite(path, message);
    }
    if (/file is not a database|malformed/i.test(message)) {
      throw new QalamError('not_a_library', `${path} is not a usable Qalam library (${message}); it has not been changed.`);
    }
    throw e;
  }
}
