// Passages: every annotation carrying some tags, across the archive, in the order of the
// articles' dates. Measured on 100,000 annotations over 2,000 articles, joining each matching
// annotation to its article and sorting took 150–250 ms a page, most of it reading wide rows
// (articles keep their text inline). So a page walks the articles in date order instead
// (index articles_date), and their annotations in text order (index annotations_article),
// keeping those that carry the tags: no sort, and it stops when the page is full.
//
// Whether an annotation carries the tags is asked one of two ways. `probe`: a primary-key
// look-up in annotation_tags per annotation walked — nearly free for the first pages of a
// common tag (under 1 ms where the other way took 13–25 ms), but it walks far for a rare tag.
// `set`: the tag's annotation ids gathered first into a temporary index — a cost in
// proportion to the tag's size, then cheap checks. The walk is about (offset + limit) / density
// annotations long, so `probe` wins while that is shorter than the set.
//
// Totals are counted once and remembered until the library changes.
//
// A tag stands for itself and every tag below it in the codebook: the passages of "Places" are
// also those tagged "Places/Tashkent", as an export or a collection of a tag takes them. The rule
// is written once, as the tag_scope table below, and used by every way of listing passages.

import type { Annotation, Passage } from '../../../shared/model.js';
import type { Database } from 'better-sqlite3';
import type { Library } from '../db/open.js';
import { notFound } from '../errors.js';
import { contextAfter, contextBefore } from './context.js';
import { ANNOTATION_COLUMNS, withTags, type AnnotationRow } from './model.js';

/// Which passages the `passages` call lists: the tags they carry and their articles' language and
/// dates. An export of the Passages view selects with the same filter.
export interface PassageFilter {
  tagIds: readonly number[];
  /// `any`: passages carrying at least one of the tags; `all`: carrying every one of them. A tag
  /// is carried by a passage that carries it or any tag below it.
  match: 'any' | 'all';
  /// A language tag; `uz` also matches `uz-Cyrl` and `uz-Latn`. Case does not matter.
  lang?: string;
  dateFrom?: string;
  dateTo?: string;
}

/// The `passages` call's arguments, defaults applied.
export interface PassageQuery extends PassageFilter {
  /// Units of context on each side, cut back to whole words.
  context: number;
  offset: number;
  limit: number;
}

type PassageRow = AnnotationRow & { title: string; date: string | null; lang: string };

type Strategy = 'probe' | 'set';

/// The tags the tags in @tags stand for, as rows (chosen, id): each chosen tag with itself and
/// every tag below it. UNION, not UNION ALL, so even a damaged codebook with a cycle ends.
/// Goes before the statement's SELECT; the statement binds @tags (a JSON array of ids).
const TAG_SCOPE = `WITH RECURSIVE tag_scope(chosen, id) AS MATERIALIZED (
    SELECT value, value FROM json_each(@tags)
    UNION SELECT s.chosen, t.id FROM tags t JOIN tag_scope s ON t.parent_id = s.id)`;

/// The ids of the tags `tagIds` stand for: each with every tag below it.
export function tagsWithin(db: Pick<Database, 'prepare'>, tagIds: readonly number[]): Set<number> {
  return new Set(db.prepare(`${TAG_SCOPE} SELECT DISTINCT id FROM tag_scope`).pluck().all({ tags: JSON.stringify(tagIds) }) as number[]);
}

/// The condition that annotation `a` carries any (or all) of the tags in @tags, a tag counting
/// as carried when the annotation carries it or a tag below it. Needs TAG_SCOPE.
function carriesTags(match: 'any' | 'all', strategy: Strategy): string {
  if (strategy === 'probe') {
    return match === 'any'
      ? 'EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id AND t.tag_id IN (SELECT id FROM tag_scope))'
      : `(SELECT COUNT(DISTINCT s.chosen) FROM annotation_tags t JOIN tag_scope s ON s.id = t.tag_id WHERE t.annotation_id = a.id) = @needed`;
  }
  return `a.id IN (${tagSet(match)})`;
}

/// The ids of the annotations carrying any (or all) of the tags, from the tag index alone.
/// Needs TAG_SCOPE.
function tagSet(match: 'any' | 'all'): string {
  return match === 'any'
    ? 'SELECT DISTINCT annotation_id FROM annotation_tags WHERE tag_id IN (SELECT id FROM tag_scope)'
    : `SELECT t.annotation_id FROM annotation_tags t JOIN tag_scope s ON s.id = t.tag_id
       GROUP BY t.annotation_id HAVING COUNT(DISTINCT s.chosen) = @needed`;
}

type Dated = 'dated' | 'undated' | 'either';

/// The article conditions a query needs; only those given, so the date index can be ranged.
function articleFilters(q: PassageFilter, dated: Dated): string {
  const clauses: string[] = [];
  if (dated === 'dated') clauses.push('ar.date IS NOT NULL');
  if (dated === 'undated') clauses.push('ar.date IS NULL');
  if (q.dateFrom !== undefined) clauses.push('ar.date >= @dateFrom');
  if (q.dateTo !== undefined) clauses.push('ar.date <= @dateTo');
  if (q.lang !== undefined) clauses.push('(lower(ar.lang) = @lang OR substr(lower(ar.lang), 1, length(@langDash)) = @langDash)');
  return clauses.length ? clauses.join(' AND ') : '1';
}

// The join order is fixed (CROSS JOIN): articles in date order outside, their annotations
// inside, so the ORDER BY is the order the indexes already give.
function walk(q: PassageFilter, dated: Dated, strategy: Strategy): string {
  return `FROM articles ar INDEXED BY articles_date
    CROSS JOIN annotations a INDEXED BY annotations_article ON a.article_id = ar.id
    WHERE ${articleFilters(q, dated)} AND ${carriesTags(q.match, strategy)}`;
}

function params(q: PassageFilter, tagIds: number[]) {
  const lang = q.lang?.toLowerCase() ?? null;
  return {
    tags: JSON.stringify(tagIds),
    needed: tagIds.length,
    lang,
    langDash: lang === null ? null : `${lang}-`,
    dateFrom: q.dateFrom ?? null,
    dateTo: q.dateTo ?? null,
  };
}

function count(lib: Library, q: PassageFilter, dated: Dated, p: ReturnType<typeof params>): number {
  return (lib.stmt(`${TAG_SCOPE} SELECT COUNT(*) AS n ${walk(q, dated, 'set')}`).get(p) as { n: number }).n;
}

interface Totals {
  /// Passages matching the query.
  total: number;
  /// Of those, passages in undated articles (listed last).
  undated: number;
  /// Annotations carrying the tags, whatever the filters, and annotations in the library.
  tagged: number;
  annotations: number;
}

// Totals per query, valid while the library is unchanged: `data_version` moves when another
// connection writes, `total_changes()` when this one does.
const remembered = new WeakMap<Library, Map<string, Totals>>();

function totalsFor(lib: Library, q: PassageQuery, tagIds: number[], p: ReturnType<typeof params>): Totals {
  const version = lib.db.pragma('data_version', { simple: true }) as number;
  const changes = (lib.stmt('SELECT total_changes() AS n').get() as { n: number }).n;
  const key = JSON.stringify([version, changes, tagIds, q.match, q.lang ?? null, q.dateFrom ?? null, q.dateTo ?? null]);
  let cache = remembered.get(lib);
  if (!cache) remembered.set(lib, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const tagged = (lib.stmt(`${TAG_SCOPE} SELECT COUNT(*) AS n FROM (${tagSet(q.match)})`).get(p) as { n: number }).n;
  const annotations = (lib.stmt('SELECT COUNT(*) AS n FROM annotations').get() as { n: number }).n;
  const filtered = q.lang !== undefined || q.dateFrom !== undefined || q.dateTo !== undefined;
  const total = tagged === 0 ? 0 : filtered ? count(lib, q, 'either', p) : tagged;
  // Undated articles come last: a date filter leaves none; else count them (usually few).
  const undated = q.dateFrom !== undefined || q.dateTo !== undefined || total === 0 ? 0 : count(lib, q, 'undated', p);
  if (cache.size >= 64) cache.clear();
  const value = { total, undated, tagged, annotations };
  cache.set(key, value);
  return value;
}

function page(lib: Library, q: PassageQuery, dated: Dated, p: ReturnType<typeof params>, offset: number, limit: number, t: Totals): PassageRow[] {
  if (limit <= 0) return [];
  // The walk covers about (offset + limit) / density annotations; the set costs its size.
  const walked = ((offset + limit) * t.annotations) / Math.max(1, t.tagged);
  const strategy: Strategy = walked < t.tagged ? 'probe' : 'set';
  return lib
    .stmt(
      `${TAG_SCOPE} SELECT ${ANNOTATION_COLUMNS}, ar.title, ar.date, ar.lang ${walk(q, dated, strategy)}
       ORDER BY ar.date, ar.id, a.start, a.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...p, limit, offset }) as PassageRow[];
}

/// Every passage the filter lists, all pages of it, as SQL selecting `id` and `article_id` of each
/// annotation, with the parameters to bind: for a caller that reads through a connection of its
/// own (an export holding exactly what the Passages view lists). In no particular order.
export function passageSelection(q: PassageFilter): { sql: string; params: Record<string, unknown> } {
  const tagIds = [...new Set(q.tagIds)];
  return { sql: `${TAG_SCOPE} SELECT a.id, a.article_id ${walk(q, 'either', 'set')}`, params: params(q, tagIds) };
}

/// The annotations of one or more tags (any or all of them, by the same rule as `passages`),
/// optionally of one article, in article then text order, with their total: what
/// `qalam annotations --tag` lists. `not_found` for a tag that is not there.
export function taggedAnnotations(
  lib: Library,
  q: { tagIds: readonly number[]; match: 'any' | 'all'; articleId?: number },
): { total: number; items: Annotation[] } {
  const tagIds = [...new Set(q.tagIds)];
  requireTags(lib, tagIds);
  const where = `${carriesTags(q.match, 'set')}${q.articleId === undefined ? '' : ' AND a.article_id = @article'}`;
  const p = { tags: JSON.stringify(tagIds), needed: tagIds.length, article: q.articleId ?? null };
  const rows = lib
    .stmt(`${TAG_SCOPE} SELECT ${ANNOTATION_COLUMNS} FROM annotations a WHERE ${where} ORDER BY a.article_id, a.start, a."end", a.id`)
    .all(p) as AnnotationRow[];
  return { total: rows.length, items: withTags(lib, rows) };
}

function requireTags(lib: Library, tagIds: readonly number[]): void {
  for (const id of tagIds) {
    if (!lib.stmt('SELECT 1 FROM tags WHERE id = ?').get(id)) throw notFound(`There is no tag with id ${id}.`);
  }
}

/// Every passage carrying any (or all) of the tags (each with the tags below it), across the
/// archive, in order of article date (undated articles last), then article, then position; with
/// context and article details.
export function passages(lib: Library, q: PassageQuery): { total: number; items: Passage[] } {
  const tagIds = [...new Set(q.tagIds)];
  requireTags(lib, tagIds);
  const p = params(q, tagIds);
  const totals = totalsFor(lib, q, tagIds, p);
  const dated = totals.total - totals.undated;
  const rows = page(lib, q, 'dated', p, q.offset, Math.min(q.limit, dated - q.offset), totals);
  rows.push(...page(lib, q, 'undated', p, Math.max(0, q.offset - dated), q.limit - rows.length, totals));
  const total = totals.total;
  const annotations = withTags(lib, rows);
  // Each article's text is read once per page, however many of its passages the page holds.
  const texts = new Map<number, string>();
  const textOf = (articleId: number) => {
    let t = texts.get(articleId);
    if (t === undefined) {
      t = (lib.stmt('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string }).text;
      texts.set(articleId, t);
    }
    return t;
  };
  const items = rows.map((r, i): Passage => {
    // An orphaned passage no longer stands in the text: its remembered context is all there is.
    const text = r.status === 'orphaned' ? null : textOf(r.article_id);
    return {
      annotation: annotations[i],
      articleTitle: r.title,
      articleDate: r.date,
      articleLang: r.lang,
      before: text === null ? contextBefore(r.prefix, r.prefix.length, q.context) : contextBefore(text, r.start, q.context),
      after: text === null ? contextAfter(r.suffix, 0, q.context) : contextAfter(text, r.end, q.context),
    };
  });
  return { total, items };
}
