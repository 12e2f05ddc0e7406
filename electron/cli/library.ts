import { existsSync } from 'node:fs';
import { openArchive, type Archive } from '../core/archive.js';
import { notFound } from '../core/errors.js';
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
  // A command declared as reading that writes all the same is refused by the read-only
  // connection, and told as `read_only` (core/errors.ts).
  try {
    return await work(archive);
  } finally {
    archive.close();
  }
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}
