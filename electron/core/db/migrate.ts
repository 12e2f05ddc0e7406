import type { Database } from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { QalamError } from '../errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationsDir = new URL('./migrations/', import.meta.url);

/// The numbered SQL files beside this module, in order: `001_init.sql` is version 1.
export function loadMigrations(dir: URL = migrationsDir): Migration[] {
  const list = readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(new URL(f, dir), 'utf8') }));
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
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
