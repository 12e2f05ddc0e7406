import { existsSync } from 'node:fs';
import { openArchive, type Archive } from '../core/archive.js';
import { notFound, QalamError } from '../core/errors.js';
import { resolveLibraryPath } from '../core/library-path.js';
import { stringOption } from './options.js';
import type { CliIO, ParsedArgs } from './command.js';

/// What a command does with its library, said where the command is declared.
/// - `read`: it only reads, so it also works on a library it may not write to (on read-only
///   media, or a folder shared for reading), which it then opens read-only.
/// - `write`: it changes the library, so a library it may not write to is refused.
/// - `create`: it changes the library and may start a new one; only commands that bring articles
///   in do, the others, given a file that is not there, say so rather than leave an empty
///   library behind.
export type LibraryAccess = 'read' | 'write' | 'create';

/// Open the library a command names (`--db`, else QALAM_DB, else the default), run, close.
export async function withArchive<T>(args: ParsedArgs, io: CliIO, work: (archive: Archive) => Promise<T>, access: LibraryAccess): Promise<T> {
  const path = resolveLibraryPath(stringOption(args, 'db'), io.env);
  if (access !== 'create' && !existsSync(path)) {
    throw notFound(`There is no library at ${path}. Import files into it first (qalam import PATH --db ${path}), or name another with --db.`);
  }
  const archive = openArchive(path, {}, { readOnlyIfUnwritable: access === 'read' });
  try {
    return await work(archive);
  } catch (e) {
    // A command declared as reading that writes all the same finds the connection read-only:
    // say so plainly rather than as an internal error.
    if (archive.ctx.lib.readonly && /attempt to write a readonly database/.test((e as Error)?.message ?? '')) {
      throw new QalamError('read_only', `${path} cannot be written, and this command needs to write to it; it has not been changed.`);
    }
    throw e;
  } finally {
    archive.close();
  }
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}
