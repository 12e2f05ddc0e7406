import { statSync } from 'node:fs';
import type { Library } from '../db/open.js';

function fileSize(path: string): number {
  if (path === ':memory:') return 0;
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(path + suffix).size;
    } catch {
      /* no WAL file at the moment */
    }
  }
  return total;
}

export function libraryStats(lib: Library) {
  const count = (sql: string) => lib.stmt(sql).pluck().get() as number;
  return {
    articles: count('SELECT count(*) FROM articles'),
    annotations: count('SELECT count(*) FROM annotations'),
    tags: count('SELECT count(*) FROM tags'),
    collections: count('SELECT count(*) FROM collections'),
    // Bytes of the texts as UTF-8 (what the user imported, without markup).
    textBytes: count('SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles'),
    sizeBytes: fileSize(lib.path),
    byLang: lib.stmt('SELECT lang, count(*) AS count FROM articles GROUP BY lang ORDER BY count DESC, lang').all() as {
      lang: string;
      count: number;
    }[],
    bySource: lib.stmt('SELECT source, count(*) AS count FROM articles GROUP BY source ORDER BY count DESC, source').all() as {
      source: string | null;
      count: number;
    }[],
  };
}
