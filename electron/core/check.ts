import { readOriginal } from './articles/originals.js';
import type { Library } from './db/open.js';

export interface CheckItem {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface CheckReport {
  ok: boolean;
  checks: CheckItem[];
}

/// Everything `qalam check` verifies: SQLite's own integrity, foreign keys, the full-text index
/// against the articles, and every annotation against the text it points into.
export function checkLibrary(lib: Library): CheckReport {
  const checks: CheckItem[] = [];
  const add = (name: string, problems: string[]) =>
    checks.push({ name, ok: problems.length === 0, detail: problems.length ? problems.slice(0, 10).join('; ') + (problems.length > 10 ? ` (+${problems.length - 10} more)` : '') : undefined });

  const integrity = lib.db.pragma('integrity_check') as { integrity_check: string }[];
  add('SQLite integrity', integrity.map((r) => r.integrity_check).filter((s) => s !== 'ok'));

  const fk = lib.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  add('foreign keys', fk.map((r) => `${r.table} row ${r.rowid} points to a missing ${r.parent}`));

  try {
    lib.db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run();
    add('full-text index structure', []);
  } catch (e) {
    add('full-text index structure', [(e as Error).message]);
  }

  const unindexed = lib.stmt('SELECT id FROM articles WHERE id NOT IN (SELECT id FROM articles_fts_docsize) LIMIT 100').pluck().all() as number[];
  const orphaned = lib.stmt('SELECT id FROM articles_fts_docsize WHERE id NOT IN (SELECT id FROM articles) LIMIT 100').pluck().all() as number[];
  add('every article indexed', unindexed.map((id) => `article ${id} is missing from the index`));
  add('no index entries without an article', orphaned.map((id) => `index entry ${id} has no article`));

  // Offsets are UTF-16 units and SQLite's substr counts characters, so compare in JavaScript.
  const misplaced: string[] = [];
  let currentId = -1;
  let currentText = '';
  const rows = lib
    .stmt(
      `SELECT n.id, n.article_id AS articleId, n.start, n.end, n.exact FROM annotations n
       WHERE n.status != 'orphaned' ORDER BY n.article_id`,
    )
    .iterate() as Iterable<{ id: number; articleId: number; start: number; end: number; exact: string }>;
  const textOf = lib.db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  for (const r of rows) {
    if (r.articleId !== currentId) {
      currentId = r.articleId;
      currentText = (textOf.get(r.articleId) as string | undefined) ?? '';
    }
    if (currentText.slice(r.start, r.end) !== r.exact) {
      misplaced.push(`annotation ${r.id} (${r.start}–${r.end}) does not match the text of article ${r.articleId}`);
    }
  }
  add('annotations point at their quotes', misplaced);

  const hashes = lib.stmt('SELECT count(*) FROM (SELECT text_sha256 FROM articles GROUP BY text_sha256 HAVING count(*) > 1)').pluck().get() as number;
  add('no duplicate articles', hashes ? [`${hashes} texts stored more than once`] : []);

  const unreadable: string[] = [];
  for (const sha of lib.stmt('SELECT sha256 FROM originals').pluck().iterate() as Iterable<string>) {
    try {
      readOriginal(lib, sha);
    } catch (e) {
      unreadable.push((e as Error).message);
    }
  }
  add('original files can be handed on byte for byte', unreadable);

  return { ok: checks.every((c) => c.ok), checks };
}
