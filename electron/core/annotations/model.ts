// Annotations: a passage of one article (described by position and quote selectors), its tags
// and a note. Functions take the library first and leave the transaction to the caller, so
// imports, exports and undo can compose them.

import { randomUUID } from 'node:crypto';
import { checkRange, describeRange } from '../../../shared/anchoring/describe.js';
import type { Annotation, AnchorStatus } from '../../../shared/model.js';
import type { Library } from '../db/open.js';
import { badInput, notFound, QalamError } from '../errors.js';
import { resolveTagRefs } from '../tags/model.js';

/// An annotations row as SQLite returns it.
export interface AnnotationRow {
  id: number;
  uid: string;
  article_id: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  status: AnchorStatus;
  created_at: string;
  modified_at: string;
}

/// The columns every annotation query selects, table alias `a`.
export const ANNOTATION_COLUMNS =
  'a.id, a.uid, a.article_id, a.start, a."end", a.exact, a.prefix, a.suffix, a.note, a.status, a.created_at, a.modified_at';

/// A row and its tag ids as the record the contract sends.
export function toAnnotation(r: AnnotationRow, tagIds: number[]): Annotation {
  return {
    id: r.id,
    uid: r.uid,
    articleId: r.article_id,
    start: r.start,
    end: r.end,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    tagIds,
    note: r.note,
    status: r.status,
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
  };
}

/// The tag ids of many annotations at once, each list in ascending order.
export function tagIdsOf(lib: Library, annotationIds: readonly number[]): Map<number, number[]> {
  const map = new Map<number, number[]>(annotationIds.map((id) => [id, []]));
  if (annotationIds.length === 0) return map;
  const rows = lib
    .stmt('SELECT annotation_id, tag_id FROM annotation_tags WHERE annotation_id IN (SELECT value FROM json_each(?)) ORDER BY annotation_id, tag_id')
    .all(JSON.stringify(annotationIds)) as { annotation_id: number; tag_id: number }[];
  for (const r of rows) map.get(r.annotation_id)?.push(r.tag_id);
  return map;
}

/// Rows to records, with their tags in one query.
export function withTags(lib: Library, rows: AnnotationRow[]): Annotation[] {
  const tags = tagIdsOf(lib, rows.map((r) => r.id));
  return rows.map((r) => toAnnotation(r, tags.get(r.id) ?? []));
}

/// The text of an article; `not_found` when there is none.
export function articleText(lib: Library, articleId: number): string {
  const r = lib.stmt('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string } | undefined;
  if (!r) throw notFound(`There is no article ${articleId} in this library.`);
  return r.text;
}

/// One annotation with its tags, or null.
export function findAnnotation(lib: Library, id: number): Annotation | null {
  const r = lib.stmt(`SELECT ${ANNOTATION_COLUMNS} FROM annotations a WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
  return r ? withTags(lib, [r])[0] : null;
}

/// One annotation with its tags; `not_found` when there is none.
export function getAnnotation(lib: Library, id: number): Annotation {
  const a = findAnnotation(lib, id);
  if (!a) throw notFound(`There is no annotation with id ${id}.`);
  return a;
}

/// An article's annotations in text order (start, then end). `not_found` for a missing article.
export function listAnnotations(lib: Library, articleId: number): Annotation[] {
  if (!lib.stmt('SELECT 1 FROM articles WHERE id = ?').get(articleId)) throw notFound(`There is no article ${articleId} in this library.`);
  const rows = lib
    .stmt(`SELECT ${ANNOTATION_COLUMNS} FROM annotations a WHERE a.article_id = ? ORDER BY a.start, a."end", a.id`)
    .all(articleId) as AnnotationRow[];
  return withTags(lib, rows);
}

/// Which annotations `queryAnnotations` lists, and which page of them.
export interface AnnotationQuery {
  articleId?: number;
  tagId?: number;
  offset?: number;
  limit?: number;
}

/// Annotations across the library, optionally of one article and/or one tag, in article then
/// text order, with the total before paging.
export function queryAnnotations(lib: Library, q: AnnotationQuery = {}): { total: number; items: Annotation[] } {
  // Only the filters given go into the query, so SQLite can use the index that fits them.
  const clauses: string[] = [];
  if (q.articleId !== undefined) clauses.push('a.article_id = @article');
  if (q.tagId !== undefined) clauses.push('EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id AND t.tag_id = @tag)');
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const params = { article: q.articleId ?? null, tag: q.tagId ?? null };
  const total = (lib.stmt(`SELECT COUNT(*) AS n FROM annotations a ${where}`).get(params) as { n: number }).n;
  const rows = lib
    .stmt(`SELECT ${ANNOTATION_COLUMNS} FROM annotations a ${where} ORDER BY a.article_id, a.start, a."end", a.id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit ?? -1, offset: q.offset ?? 0 }) as AnnotationRow[];
  return { total, items: withTags(lib, rows) };
}

/// What `createAnnotation` needs: where the passage is, and what to attach to it.
export interface NewAnnotation {
  articleId: number;
  /// UTF-16 offsets into the article's text.
  start: number;
  end: number;
  tagIds?: readonly number[];
  /// Found by name or `Parent/Child` path; created when missing.
  tagNames?: readonly string[];
  note?: string;
  /// Kept when undo restores a deleted annotation, or an import brings one from elsewhere.
  uid?: string;
  createdAt?: string;
  modifiedAt?: string;
}

function setTags(lib: Library, annotationId: number, tagIds: readonly number[]): void {
  lib.stmt('DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId);
  const insert = lib.stmt('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
  for (const tagId of tagIds) insert.run(annotationId, tagId);
}

/// Highlight a passage. The quote and its context are taken from the article's text; a range
/// that is empty, outside the text, cuts a character in two or holds only white space is
/// `bad_input`. An annotation may carry no tag yet (a plain highlight).
export function createAnnotation(lib: Library, input: NewAnnotation): Annotation {
  const text = articleText(lib, input.articleId);
  const problem = checkRange(text, input.start, input.end);
  if (problem) throw badInput(`Cannot annotate article ${input.articleId}: ${problem}.`);
  const uid = input.uid ?? `urn:uuid:${randomUUID()}`;
  if (lib.stmt('SELECT 1 FROM annotations WHERE uid = ?').get(uid)) {
    throw new QalamError('conflict', `An annotation with uid ${uid} already exists.`);
  }
  const tagIds = resolveTagRefs(lib, input.tagIds, input.tagNames);
  const sel = describeRange(text, input.start, input.end);
  const now = new Date().toISOString();
  const info = lib
    .stmt(
      `INSERT INTO annotations (uid, article_id, start, "end", exact, prefix, suffix, note, status, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`,
    )
    .run(uid, input.articleId, sel.start, sel.end, sel.exact, sel.prefix, sel.suffix, input.note ?? '', input.createdAt ?? now, input.modifiedAt ?? now);
  const id = Number(info.lastInsertRowid);
  setTags(lib, id, tagIds);
  return getAnnotation(lib, id);
}

/// What `updateAnnotation` may change.
export interface AnnotationChanges {
  /// When either is given, the annotation's tags become exactly these.
  tagIds?: readonly number[];
  tagNames?: readonly string[];
  note?: string;
}

/// Change an annotation's tags or note; the passage itself does not change.
export function updateAnnotation(lib: Library, id: number, changes: AnnotationChanges): Annotation {
  getAnnotation(lib, id);
  if (changes.tagIds !== undefined || changes.tagNames !== undefined) {
    setTags(lib, id, resolveTagRefs(lib, changes.tagIds, changes.tagNames));
  }
  if (changes.note !== undefined) lib.stmt('UPDATE annotations SET note = ? WHERE id = ?').run(changes.note, id);
  lib.stmt('UPDATE annotations SET modified_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  return getAnnotation(lib, id);
}

/// Delete an annotation and return it as it was, so undo can create it again (same uid).
export function deleteAnnotation(lib: Library, id: number): Annotation {
  const before = getAnnotation(lib, id);
  lib.stmt('DELETE FROM annotations WHERE id = ?').run(id);
  return before;
}
