// Everything an import does to a file before the library sees it: read, check, decode, parse,
// hash, put each article in its stored form with its language and index keys, and choose how
// the original is kept. None of it touches the database, so it can run on another thread while
// the library writes what was prepared before (see preparer.ts).
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../articles/identity.js';
import { chooseStorage, type PreparedOriginal } from '../articles/originals.js';
import { prepareArticle, type PreparedArticle } from '../articles/store.js';
import { ImportFileError, MAX_IMPORT_FILE_BYTES, parseFile } from './formats/index.js';
import { sourceBaseName, sourceName, type ImportSource } from './sources.js';

/// A file ready to be written: its provenance, its articles and its original.
export interface PreparedFile {
  ok: true;
  /// The path recorded as the articles' provenance (a file's path, an upload's name).
  path: string;
  size: number;
  sha256: string;
  encoding: string;
  format: string;
  articles: PreparedArticle[];
  original: PreparedOriginal;
}

/// A file that cannot be imported, with the reason the user is shown.
export interface FailedFile {
  ok: false;
  path: string;
  error: string;
}

export type PreparedSource = PreparedFile | FailedFile;

const MIB = 1024 * 1024;

/// Prepare one source. Never throws: a file that cannot be read or parsed becomes a failure with
/// its reason, so one bad file never stops the rest.
export function prepareSource(source: ImportSource): PreparedSource {
  const path = sourceName(source);
  try {
    if (source.kind === 'file' && source.size > MAX_IMPORT_FILE_BYTES) {
      throw new ImportFileError(`file too large (${(source.size / MIB).toFixed(0)} MiB; the limit is ${MAX_IMPORT_FILE_BYTES / MIB} MiB)`);
    }
    const bytes = source.kind === 'file' ? readFileSync(source.path) : source.bytes;
    // The file may have grown since it was listed.
    if (bytes.length > MAX_IMPORT_FILE_BYTES) throw new ImportFileError(`file too large (the limit is ${MAX_IMPORT_FILE_BYTES / MIB} MiB)`);
    const name = sourceBaseName(source);
    const parsed = parseFile(bytes, name);
    const sha256 = sha256Hex(bytes);
    return {
      ok: true,
      path,
      size: bytes.length,
      sha256,
      encoding: parsed.encoding,
      format: parsed.format,
      articles: parsed.articles.map(prepareArticle),
      original: { sha256, size: bytes.length, name, ...chooseStorage(bytes, parsed.format, parsed.encoding, parsed.articles) },
    };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const error = e instanceof ImportFileError ? err.message : err.syscall ? `cannot read (${err.code})` : `unexpected problem: ${err.message}`;
    return { ok: false, path, error };
  }
}
