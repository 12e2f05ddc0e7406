import { deflateSync, inflateSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import type { Library } from '../db/open.js';
import { QalamError } from '../errors.js';
import { sha256Hex } from './identity.js';
import { storedForm } from './store.js';

/// What the article made of a file says about it, enough to rebuild a seed file.
export interface RebuildableArticle {
  title: string;
  date: string | null;
  text: string;
}

/// The bytes of a UTF-8 seed file as the article rebuilds them: ` date D Title`, then the text.
function seedBytes(a: RebuildableArticle, trailingNewline: boolean): Buffer | null {
  if (!a.date) return null;
  return Buffer.from(` date ${a.date} ${a.title}\n${a.text}${trailingNewline ? '\n' : ''}`, 'utf8');
}

/// How a file's bytes are kept: a UTF-8 seed file that its own article rebuilds exactly needs
/// nothing stored (the check is byte for byte, so nothing is lost); anything else is deflated.
export function chooseStorage(
  bytes: Uint8Array,
  format: string,
  encoding: string,
  articles: RebuildableArticle[],
): { storage: 'seed-utf8'; compressed: null } | { storage: 'deflate'; compressed: Buffer } {
  if (format === 'seed' && encoding === 'utf-8' && articles.length === 1) {
    // Compare with the article as stored, since that is what will rebuild it.
    const stored = { ...articles[0], ...storedForm(articles[0]) };
    for (const trailing of [true, false]) {
      const rebuilt = seedBytes(stored, trailing);
      if (rebuilt && rebuilt.length === bytes.length && rebuilt.equals(bytes)) return { storage: 'seed-utf8', compressed: null };
    }
  }
  // Level 1: originals are written for every import and read rarely; speed matters more.
  return { storage: 'deflate', compressed: deflateSync(bytes, { level: 1 }) };
}

/// A file's original as it will be kept: its identity, size, name and chosen storage.
export type PreparedOriginal = { sha256: string; size: number; name: string } & ReturnType<typeof chooseStorage>;

/// Keep a file's original bytes once (by SHA-256). The caller owns the transaction.
export function writeOriginal(lib: Library, file: PreparedOriginal): void {
  lib
    .stmt('INSERT OR IGNORE INTO originals (sha256, size, name, storage, compressed) VALUES (?, ?, ?, ?, ?)')
    .run(file.sha256, file.size, file.name, file.storage, file.compressed);
}

export interface OriginalRow {
  sha256: string;
  storage: string;
  size: number;
  compressed: Buffer | null;
}

/// The bytes of one row of `originals`, checked against their SHA-256. Takes the connection
/// itself, so exports reading their own snapshot can use it too.
export function originalBytes(db: Database, row: OriginalRow): Uint8Array {
  let bytes: Uint8Array | null = null;
  if (row.storage === 'deflate' && row.compressed) {
    // Output sized to the file (its size is in the row): the default 16 KiB block is allocated on
    // every call and keeps a small file's bytes alive until collected, so reading ten thousand
    // originals (a bag export) left tens of MB waiting. +1 so the last call never finds the
    // block exactly full and allocates another.
    bytes = inflateSync(row.compressed, { chunkSize: Math.max(64, row.size + 1) });
  } else if (row.storage === 'seed-utf8') {
    // The text as imported: a corrected article keeps it as revision 0.
    const a = db
      .prepare(
        `SELECT a.title, a.date, coalesce((SELECT r.text FROM article_revisions r WHERE r.article_id = a.id AND r.revision = 0), a.text) AS text
         FROM articles a WHERE a.orig_sha256 = ? ORDER BY a.id LIMIT 1`,
      )
      .get(row.sha256) as RebuildableArticle | undefined;
    for (const trailing of [true, false]) {
      const rebuilt = a && seedBytes(a, trailing);
      if (rebuilt && rebuilt.length === row.size && sha256Hex(rebuilt) === row.sha256) bytes = rebuilt;
    }
  }
  if (!bytes || sha256Hex(bytes) !== row.sha256) {
    throw new QalamError('internal', `The original file ${row.sha256.slice(0, 12)}… cannot be rebuilt exactly any more.`);
  }
  return bytes;
}

/// The original bytes of a stored file, checked against their SHA-256.
export function readOriginal(lib: Library, sha256: string): Uint8Array {
  const row = lib.stmt('SELECT sha256, storage, size, compressed FROM originals WHERE sha256 = ?').get(sha256) as OriginalRow | undefined;
  if (!row) throw new QalamError('not_found', `No original file with SHA-256 ${sha256} is kept in this library.`);
  return originalBytes(lib.db, row);
}
