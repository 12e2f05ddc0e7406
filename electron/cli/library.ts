import { existsSync } from 'node:fs';
import { openArchive, type Archive } from '../core/archive.js';
import { notFound } from '../core/errors.js';
import { resolveLibraryPath } from '../core/library-path.js';
import { stringOption } from './options.js';
import type { CliIO, ParsedArgs } from './command.js';

/// Open the library a command names (`--db`, else QALAM_DB, else the default), run, close.
/// Only commands that bring articles in (`create`) may start a new library; the others, given a
/// file that is not there, say so rather than leave an empty library behind.
export async function withArchive<T>(args: ParsedArgs, io: CliIO, work: (archive: Archive) => Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  const path = resolveLibraryPath(stringOption(args, 'db'), io.env);
  if (!options.create && !existsSync(path)) {
    throw notFound(`There is no library at ${path}. Import files into it first (qalam import PATH --db ${path}), or name another with --db.`);
  }
  const archive = openArchive(path);
  try {
    return await work(archive);
  } finally {
    archive.close();
  }
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}
