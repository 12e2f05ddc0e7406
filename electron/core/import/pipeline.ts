import { readFileSync } from 'node:fs';
import type { ImportFailure, ImportSummary } from '../../../shared/model.js';
import { sha256Hex } from '../articles/identity.js';
import { storeOriginal } from '../articles/originals.js';
import { insertArticle } from '../articles/store.js';
import type { Library } from '../db/open.js';
import { ImportFileError, MAX_IMPORT_FILE_BYTES as MAX_IMPORT_BYTES, parseFile, type ParsedArticle } from './formats/index.js';
import { sourceBaseName, sourceName, type ImportSource } from './sources.js';

export interface ImportOptions {
  /// Called after each file with files done and files in all.
  progress?: (done: number, total: number, message: string) => void;
  signal?: AbortSignal;
  label?: string;
  /// Failures found before reading (missing paths), reported with the rest.
  failed?: ImportFailure[];
}

/// How much work goes into one transaction: small enough that a crash loses little and the
/// thread answering the UI is never held long, large enough that commits do not dominate.
const CHUNK_ARTICLES = 1000;
const CHUNK_MS = 100;

/// Read every source into the library: new articles are added with their index entries and
/// provenance, exact duplicates are counted, and each unreadable file is reported with a reason
/// while the rest goes on. Work is committed in small transactions, so a killed import keeps
/// what it committed and simply runs again (what is already there comes back as duplicates).
export async function importSources(lib: Library, sources: ImportSource[], options: ImportOptions = {}): Promise<ImportSummary> {
  const now = () => new Date().toISOString();
  const failed: ImportFailure[] = [...(options.failed ?? [])];
  const articleIds: number[] = [];
  let imported = 0;
  let duplicates = 0;

  const batchId = Number(
    lib.stmt('INSERT INTO batches (started_at, label) VALUES (?, ?)').run(now(), options.label ?? '').lastInsertRowid,
  );

  interface Prepared {
    source: ImportSource;
    bytes: Uint8Array;
    sha: string;
    encoding: string;
    format: string;
    articles: ParsedArticle[];
  }

  const writeChunk = lib.db.transaction((chunk: Prepared[]) => {
    const importedAt = now();
    for (const file of chunk) {
      let storedOriginal = false;
      for (const a of file.articles) {
        const path = file.source.kind === 'file' ? file.source.path : file.source.name;
        const r = insertArticle(lib, {
          ...a,
          origPath: path,
          origSize: file.bytes.length,
          origSha256: file.sha,
          encoding: file.encoding,
          format: file.format,
          batchId,
          importedAt,
        });
        if (r.duplicate) {
          duplicates++;
          continue;
        }
        if (!storedOriginal) {
          storeOriginal(lib, { sha256: file.sha, name: sourceBaseName(file.source), bytes: file.bytes, format: file.format, encoding: file.encoding, articles: file.articles });
        }
        storedOriginal = true;
        articleIds.push(r.id);
        imported++;
      }
    }
  });

  let chunk: Prepared[] = [];
  let chunkArticles = 0;
  let chunkStart = Date.now();
  const flush = async () => {
    if (chunk.length) writeChunk(chunk);
    chunk = [];
    chunkArticles = 0;
    // Give the event loop a turn: IPC and HTTP calls are answered between chunks.
    await new Promise((r) => setImmediate(r));
    chunkStart = Date.now();
  };

  let done = 0;
  for (const source of sources) {
    if (options.signal?.aborted) {
      failed.push({ path: sourceName(source), error: 'import cancelled before this file' });
      continue;
    }
    const name = sourceName(source);
    try {
      if (source.kind === 'file' && source.size > MAX_IMPORT_BYTES) {
        throw new ImportFileError(`file too large (${(source.size / 1048576).toFixed(0)} MiB; the limit is ${MAX_IMPORT_BYTES / 1048576} MiB)`);
      }
      const bytes = source.kind === 'file' ? readFileSync(source.path) : source.bytes;
      if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError(`file too large (the limit is ${MAX_IMPORT_BYTES / 1048576} MiB)`);
      const parsed = parseFile(bytes, sourceBaseName(source));
      chunk.push({ source, bytes, sha: sha256Hex(bytes), encoding: parsed.encoding, format: parsed.format, articles: parsed.articles });
      chunkArticles += parsed.articles.length;
    } catch (e) {
      const reason = e instanceof ImportFileError ? e.message : (e as NodeJS.ErrnoException).syscall ? `cannot read (${(e as NodeJS.ErrnoException).code})` : `unexpected problem: ${(e as Error).message}`;
      failed.push({ path: name, error: reason });
    }
    done++;
    if (chunkArticles >= CHUNK_ARTICLES || Date.now() - chunkStart > CHUNK_MS) await flush();
    options.progress?.(done, sources.length, name);
  }
  await flush();

  lib
    .stmt('UPDATE batches SET finished_at = ?, imported = ?, duplicates = ?, failed = ? WHERE id = ?')
    .run(now(), imported, duplicates, failed.length, batchId);
  return { batchId, imported, duplicates, failed, articleIds };
}
