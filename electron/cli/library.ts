import { openArchive, type Archive } from '../core/archive.js';
import { resolveLibraryPath } from '../core/library-path.js';
import { stringOption } from './options.js';
import type { CliIO, ParsedArgs } from './command.js';

/// Open the library a command names (`--db`, else QALAM_DB, else the default), run, close.
export async function withArchive<T>(args: ParsedArgs, io: CliIO, work: (archive: Archive) => Promise<T>): Promise<T> {
  const archive = openArchive(resolveLibraryPath(stringOption(args, 'db'), io.env));
  try {
    return await work(archive);
  } finally {
    archive.close();
  }
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}
