import { IMPORT_NOT_REACHED, type ImportFailure, type ImportSummary } from '../../../shared/model.js';
import { writeOriginal } from '../articles/originals.js';
import { writeArticle } from '../articles/store.js';
import type { Library } from '../db/open.js';
import type { PreparedFile, PreparedSource } from './prepare.js';
import { openPreparer, type Preparer, type PrepareMode } from './preparer.js';
import { sourceName, sourceSize, type ImportSource } from './sources.js';

export interface ImportOptions {
  /// Called after each file with files done and files in all.
  progress?: (done: number, total: number, message: string) => void;
  signal?: AbortSignal;
  label?: string;
  /// Failures found before reading (missing paths), reported with the rest.
  failed?: ImportFailure[];
  /// Where files are prepared (see preparer.ts): `auto` unless a test needs one way, or a
  /// preparer the caller opened (and closes).
  prepare?: PrepareMode | Preparer;
}

/// How much work goes into one transaction: small enough that a crash loses little and the
/// thread answering the UI is never held long, large enough that commits do not dominate.
const CHUNK_ARTICLES = 1000;
const CHUNK_MS = 100;

/// How files go to the preparer: in small batches, and enough of them ahead that the preparer
/// keeps working while a whole transaction is written (a shallow queue leaves each side idle
/// while the other works), but never more than BYTES_AHEAD of files in flight.
const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCHES_AHEAD = 40;
const BYTES_AHEAD = 48 * 1024 * 1024;

/// Pages the write-ahead log may hold before SQLite copies them into the library file, during an
/// import (the default is 1,000). A checkpoint every 16 MB re-wrote the same index and full-text
/// pages over and over and synced the file each time: at 128 MB a large import runs about 15%
/// faster, and the log is checkpointed once at the end.
const IMPORT_WAL_PAGES = 8000;

/// Split sources into batches of at most BATCH_FILES files and (unless one file is larger) BATCH_BYTES.
function batchesOf(sources: ImportSource[]): ImportSource[][] {
  const batches: ImportSource[][] = [];
  let batch: ImportSource[] = [];
  let bytes = 0;
  for (const s of sources) {
    const size = sourceSize(s);
    if (batch.length && (batch.length >= BATCH_FILES || bytes + size > BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(s);
    bytes += size;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

/// Read every source into the library: new articles are added with their index entries and
/// provenance, exact duplicates are counted, and each unreadable file is reported with a reason
/// while the rest goes on. Files are prepared ahead (on a worker thread for large imports) while
/// this thread writes; work is committed in small transactions, so a killed import keeps what it
/// committed and simply runs again (what is already there comes back as duplicates).
export async function importSources(lib: Library, sources: ImportSource[], options: ImportOptions = {}): Promise<ImportSummary> {
  const now = () => new Date().toISOString();
  const failed: ImportFailure[] = [...(options.failed ?? [])];
  const articleIds: number[] = [];
  let imported = 0;
  let duplicates = 0;

  const batchId = Number(
    lib.stmt('INSERT INTO batches (started_at, label) VALUES (?, ?)').run(now(), options.label ?? '').lastInsertRowid,
  );

  const writeChunk = lib.db.transaction((chunk: PreparedFile[]) => {
    const importedAt = now();
    for (const file of chunk) {
      const from = { origPath: file.path, origSize: file.size, origSha256: file.sha256, encoding: file.encoding, format: file.format, batchId, importedAt };
      let storedOriginal = false;
      for (const a of file.articles) {
        const r = writeArticle(lib, a, from);
        if (r.duplicate) {
          duplicates++;
          continue;
        }
        // The original is kept with the first article it brings; a file of duplicates adds nothing.
        if (!storedOriginal) writeOriginal(lib, file.original);
        storedOriginal = true;
        articleIds.push(r.id);
        imported++;
      }
    }
  });

  let chunk: PreparedFile[] = [];
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

  const walPages = lib.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (sources.length >= 1000) lib.db.pragma(`wal_autocheckpoint = ${Math.max(walPages, IMPORT_WAL_PAGES)}`);
  const batches = batchesOf(sources);
  const given = typeof options.prepare === 'object' ? options.prepare : null;
  const preparer = given ?? openPreparer((options.prepare as PrepareMode | undefined) ?? 'auto', sources);
  const ahead: Promise<PreparedSource[]>[] = [];
  const bytesOf = (batch: ImportSource[]) => batch.reduce((n, s) => n + sourceSize(s), 0);
  let bytesAhead = 0;
  let sent = 0;
  const sendAhead = () => {
    while (ahead.length < BATCHES_AHEAD && sent < batches.length && !options.signal?.aborted && (ahead.length === 0 || bytesAhead < BYTES_AHEAD)) {
      bytesAhead += bytesOf(batches[sent]);
      ahead.push(preparer.prepare(batches[sent++]));
    }
  };
  let done = 0;
  try {
    sendAhead();
    for (let b = 0; b < batches.length; b++) {
      // A batch never sent was cancelled before it was read.
      const results: PreparedSource[] =
        b < sent ? await ahead.shift()! : batches[b].map((s) => ({ ok: false, path: sourceName(s), error: IMPORT_NOT_REACHED }));
      if (b < sent) bytesAhead -= bytesOf(batches[b]);
      sendAhead();
      for (const r of results) {
        if (options.signal?.aborted) {
          failed.push({ path: r.path, error: IMPORT_NOT_REACHED });
        } else if (!r.ok) {
          failed.push({ path: r.path, error: r.error });
        } else {
          chunk.push(r);
          chunkArticles += r.articles.length;
        }
        done++;
        if (chunkArticles >= CHUNK_ARTICLES || Date.now() - chunkStart > CHUNK_MS) await flush();
        options.progress?.(done, sources.length, r.path);
      }
    }
    await flush();
  } finally {
    if (!given) await preparer.close();
    lib.db.pragma(`wal_autocheckpoint = ${walPages}`);
  }
  // Copy what the import wrote into the library file now (never waiting for readers), so the
  // log is short again before anything else writes.
  lib.db.pragma('wal_checkpoint(PASSIVE)');

  lib
    .stmt('UPDATE batches SET finished_at = ?, imported = ?, duplicates = ?, failed = ? WHERE id = ?')
    .run(now(), imported, duplicates, failed.length, batchId);
  return { batchId, imported, duplicates, failed, articleIds };
}
