import type { Database } from 'better-sqlite3';
import { titleSortKey } from '../../../shared/text/sort-key.js';

/// SQL functions a library's schema and queries rely on, given to every connection (SQLite keeps
/// none in the file): `title_sort_key(title)` is the key `articles.title_key` holds.
export function registerFunctions(db: Database): void {
  db.function('title_sort_key', { deterministic: true }, (title: unknown) => (typeof title === 'string' ? titleSortKey(title) : null));
}
