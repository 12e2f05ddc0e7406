import type { Database } from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { QalamError } from '../errors.js';
import { registerFunctions } from './functions.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /// The step only adds what can be worked out from the rest of the library (a sort key, an
  /// index), and queries do without it when it is missing: a library that cannot be written is
  /// read without it rather than refused. Marked by a first line `-- optional-for-readers`.
  optionalForReaders?: boolean;
}

const OPTIONAL_FOR_READERS = /^-- optional-for-readers\s*$/;

const migrationsDir = new URL('./migrations/', import.meta.url);

/// The numbered SQL files beside this module, in order: `001_init.sql` is version 1.
export function loadMigrations(dir: URL = migrationsDir): Migration[] {
  const list = readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(new URL(f, dir), 'utf8');
      return { version: Number(f.slice(0, 3)), name: f, sql, optionalForReaders: OPTIONAL_FOR_READERS.test(sql.split('\n', 1)[0]) };
    });
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3…: ${m.name} is out of step`);
  });
  return list;
}

/// Bring a library up to the newest schema, one transaction per migration, each recorded in
/// `user_version`. A library written by a newer Qalam is refused before anything is touched.
export function migrate(db: Database, migrations: Migration[] = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new QalamError(
      'too_new',
      `This library was written by a newer version of Qalam (schema ${current}; this version knows up to ${latest}). ` +
        'Update Qalam to open it; the file has not been changed.',
    );
  }
  // Migrations may compute what they add with the library's SQL functions.
  registerFunctions(db);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}

/// Whether a library at schema `version` can be read without the later steps, which it cannot
/// be given when it may not be written.
export function readableWithout(migrations: Migration[], version: number): boolean {
  return migrations.slice(version).every((m) => m.optionalForReaders);
}
