import { renameSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Library } from '../core/db/open.js';
import { QalamError } from '../core/errors.js';

/// The name offered for a backup: the library's name and today's date.
export function backupName(libraryPath: string, now = new Date()): string {
  const stem = basename(libraryPath).replace(/(\.qalam)?\.sqlite$/i, '') || 'library';
  return `${stem}-backup-${now.toISOString().slice(0, 10)}.qalam.sqlite`;
}

/// Copy the open library to `dest` with SQLite's online backup (consistent even while the app
/// writes). The copy is made beside `dest` and renamed into place, so a failed backup never
/// leaves a half-written file under the chosen name, nor damages an older backup there.
export async function backupLibrary(lib: Pick<Library, 'db' | 'path'>, dest: string): Promise<{ path: string; pages: number }> {
  if (resolve(dest) === resolve(lib.path)) {
    throw new QalamError('bad_input', 'A library cannot be backed up onto itself.');
  }
  const partial = `${dest}.partial`;
  try {
    const r = await lib.db.backup(partial);
    renameSync(partial, dest);
    return { path: dest, pages: r.totalPages };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e instanceof QalamError ? e : new QalamError('backup_failed', `The backup could not be written to ${dest}: ${(e as Error).message}`);
  }
}
