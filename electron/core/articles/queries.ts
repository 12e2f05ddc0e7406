import type { Article, ArticleSummary } from '../../../shared/model.js';
import type { CallArgs } from '../../../shared/contract/index.js';
import type { Library } from '../db/open.js';
import { notFound } from '../errors.js';

interface Row {
  id: number;
  uid: string;
  title: string;
  date: string | null;
  source: string | null;
  url: string | null;
  lang: string;
  script: string;
  length: number;
  annotationCount: number;
}

const SUMMARY_COLUMNS = `a.id, a.uid, a.title, a.date, a.source, a.url, a.lang, a.script, a.text_length AS length,
  (SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS annotationCount`;

export type ArticleFilter = Pick<CallArgs<'listArticles'>, 'lang' | 'source' | 'dateFrom' | 'dateTo' | 'tagId'> & {
  /// The members of a collection, worked out by the caller (a saved search's follow its query).
  articleIds?: number[];
};

/// SQL conditions for the library's filters; `lang: 'uz'` takes every script of Uzbek.
export function filterSql(f: ArticleFilter): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.lang) {
    parts.push('(a.lang = ? OR a.lang LIKE ?)');
    params.push(f.lang, `${f.lang}-%`);
  }
  if (f.source) {
    parts.push('a.source = ?');
    params.push(f.source);
  }
  if (f.dateFrom) {
    parts.push('a.date >= ?');
    params.push(f.dateFrom);
  }
  if (f.dateTo) {
    parts.push('a.date <= ?');
    params.push(f.dateTo);
  }
  if (f.tagId) {
    parts.push(
      'a.id IN (SELECT n.article_id FROM annotations n JOIN annotation_tags t ON t.annotation_id = n.id WHERE t.tag_id = ?)',
    );
    params.push(f.tagId);
  }
  if (f.articleIds) {
    parts.push('a.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.articleIds));
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

// Each order is one an index serves, so the first page of 100,000 articles needs no sort.
// Undated articles come last either way (SQLite sorts NULL lowest, hence `date IS NULL` first
// when ascending, backed by the articles_date_asc index). Titles sort by their stored sort key
// (shared/text/sort-key.ts), backed by the articles_title_key index.
const ORDER: Record<string, { asc: string; desc: string }> = {
  date: { asc: 'a.date IS NULL, a.date, a.id', desc: 'a.date DESC, a.id DESC' },
  title: { asc: 'a.title_key, a.id', desc: 'a.title_key DESC, a.id DESC' },
  imported: { asc: 'a.id', desc: 'a.id DESC' },
};

// A library opened read-only from before the sort key was stored (its schema cannot be brought
// up to date without writing): the same order, with the key computed for every title as the
// page is sorted. Slower, as no index serves it, but the order is the one the key gives.
const COMPUTED_TITLE_ORDER = { asc: 'title_sort_key(a.title), a.id', desc: 'title_sort_key(a.title) DESC, a.id DESC' };

const storesTitleKey = new WeakMap<Library, boolean>();

/// Whether the library's articles carry their title's sort key.
function hasTitleKey(lib: Library): boolean {
  let has = storesTitleKey.get(lib);
  if (has === undefined) {
    has = lib.stmt("SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'title_key'").pluck().get() === 1;
    storesTitleKey.set(lib, has);
  }
  return has;
}

export function listArticles(lib: Library, args: Omit<CallArgs<'listArticles'>, 'collectionId'> & ArticleFilter): { total: number; items: ArticleSummary[] } {
  const { where, params } = filterSql(args);
  const total = lib.stmt(`SELECT count(*) FROM articles a ${where}`).pluck().get(...params) as number;
  const order = (args.sort === 'title' && !hasTitleKey(lib) ? COMPUTED_TITLE_ORDER : ORDER[args.sort])[args.order];
  // The page's ids first, from the index alone; the summary columns only for those rows.
  const items = lib
    .stmt(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a
       WHERE a.id IN (SELECT a.id FROM articles a ${where} ORDER BY ${order} LIMIT ? OFFSET ?)
       ORDER BY ${order}`,
    )
    .all(...params, args.limit, args.offset) as Row[];
  return { total, items };
}

export function getArticle(lib: Library, id: number): Article {
  const row = lib
    .stmt(
      `SELECT ${SUMMARY_COLUMNS}, a.text, a.orig_path, a.orig_size, a.orig_sha256, a.encoding, a.format, a.batch_id, a.imported_at
       FROM articles a WHERE a.id = ?`,
    )
    .get(id) as
    | (Row & {
        text: string;
        orig_path: string | null;
        orig_size: number | null;
        orig_sha256: string | null;
        encoding: string | null;
        format: string | null;
        batch_id: number | null;
        imported_at: string;
      })
    | undefined;
  if (!row) throw notFound(`There is no article ${id} in this library.`);
  const { text, orig_path, orig_size, orig_sha256, encoding, format, batch_id, imported_at, ...summary } = row;
  return {
    ...summary,
    text,
    provenance: { path: orig_path, size: orig_size, sha256: orig_sha256, encoding, format, batchId: batch_id, importedAt: imported_at },
  };
}

export function facets(lib: Library) {
  const langs = lib.stmt('SELECT lang AS value, count(*) AS count FROM articles GROUP BY lang ORDER BY count DESC').all() as {
    value: string;
    count: number;
  }[];
  const sources = lib
    .stmt('SELECT source AS value, count(*) AS count FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY count DESC LIMIT 500')
    .all() as { value: string; count: number }[];
  const range = lib.stmt('SELECT min(date) AS dateMin, max(date) AS dateMax FROM articles').get() as {
    dateMin: string | null;
    dateMax: string | null;
  };
  return { langs, sources, ...range };
}
