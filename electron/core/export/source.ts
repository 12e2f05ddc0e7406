import type { Database as DB, Statement } from 'better-sqlite3';
import { passageSelection, tagsWithin, type PassageFilter } from '../annotations/passages.js';
import { originalBytes } from '../articles/originals.js';
import { byPath } from '../../../shared/text/sort-key.js';
import type { Annotation, ArticleSummary } from '../../../shared/model.js';
import type { Library } from '../db/open.js';

/// An article as an export needs it: text, description and provenance. `text` is empty when the
/// caller asked for the articles without their texts.
export type ExportArticle = Pick<ArticleSummary, 'id' | 'uid' | 'title' | 'date' | 'source' | 'url' | 'lang' | 'script'> & {
  text: string;
  origPath: string | null;
  origSha256: string | null;
  /// Name of the stored original file, when the library holds it.
  origName: string | null;
  encoding: string | null;
  format: string | null;
  importedAt: string;
};

/// An annotation with its tags; offsets are UTF-16 code units, as stored.
export type ExportAnnotation = Omit<Annotation, 'status'>;

/// One article with its exported passages, in text order.
export interface AnnotatedArticle {
  article: ExportArticle;
  annotations: ExportAnnotation[];
}

/// One entry of the codebook, with its path from the root.
export interface CodebookTag {
  id: number;
  uid: string;
  name: string;
  parentId: number | null;
  color: string;
  description: string;
  path: string[];
}

/// What to export: the articles (null: all of them), and when tags were named, only the passages
/// that carry one of them (or one of their descendants). With a passage filter, only the passages
/// the `passages` call lists for it, and only the articles that hold them.
export interface ExportScope {
  articleIds: number[] | null;
  tagIds: number[] | null;
  passages: PassageFilter | null;
  label: string;
}

const ARTICLE_COLUMNS = `ar.id, ar.uid, ar.title, ar.date, ar.source, ar.url, ar.lang, ar.script, ar.orig_path, ar.orig_sha256,
  (SELECT o.name FROM originals o WHERE o.sha256 = ar.orig_sha256), ar.encoding, ar.format, ar.imported_at`;

/// A consistent view of the library for one export. It reads through a connection of its own
/// inside one read transaction: the export sees one snapshot even while the user keeps working,
/// and the long loop never holds the connection the rest of the app answers on.
///
/// Articles and passages stream from two ordered queries read side by side (the articles in
/// export order, the passages of all of them joined to that order), so an export of any size
/// holds one article and its passages at a time, and costs two queries instead of two per article.
export class ExportSource {
  readonly db: DB;
  private readonly ownConnection: boolean;
  readonly codebook: CodebookTag[];
  readonly tagsById: Map<number, CodebookTag>;
  /// Tags whose passages are exported (null: all).
  readonly tagFilter: Set<number> | null;
  /// Whether only the passages listed in `temp.export_passages` are exported.
  private readonly passageFilter: boolean;
  private readonly tagRank: Map<number, number>;
  /// Articles that had at least one exported passage so far (counted by the writers' reads).
  annotatedArticles = 0;
  private readonly articlesWithText: Statement;
  private readonly articlesWithoutText: Statement;
  private readonly annotatedWithText: Statement;
  private readonly annotatedWithoutText: Statement;
  private readonly annotationRows: Statement;
  private count: number | undefined;

  constructor(
    lib: Library,
    readonly scope: ExportScope,
  ) {
    this.ownConnection = lib.path !== ':memory:';
    this.db = this.ownConnection ? lib.openReader() : lib.db;
    this.db.exec(
      `DROP TABLE IF EXISTS temp.export_scope; CREATE TEMP TABLE export_scope (id INTEGER PRIMARY KEY);
       DROP TABLE IF EXISTS temp.export_order; CREATE TEMP TABLE export_order (pos INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE)`,
    );
    const insert = this.db.prepare('INSERT OR IGNORE INTO temp.export_scope (id) VALUES (?)');
    this.db.transaction(() => {
      if (scope.articleIds) for (const id of scope.articleIds) insert.run(id);
      else this.db.exec('INSERT INTO temp.export_scope (id) SELECT id FROM main.articles');
    })();
    if (this.ownConnection) this.db.exec('BEGIN');
    // The passages a filter lists are chosen once, in the export's snapshot, by the very query the
    // `passages` call pages through; only the articles holding them are exported.
    this.passageFilter = scope.passages !== null;
    this.db.exec('DROP TABLE IF EXISTS temp.export_passages');
    if (scope.passages) {
      const { sql, params } = passageSelection(scope.passages);
      this.db.exec('CREATE TEMP TABLE export_passages (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL)');
      this.db.prepare(`INSERT INTO temp.export_passages (id, article_id) ${sql}`).run(params);
    }
    // The export order (date, then id) is fixed once; every later query walks `pos` in order.
    this.db.exec(
      `INSERT INTO temp.export_order (id) SELECT a.id FROM temp.export_scope s JOIN main.articles a ON a.id = s.id
        ${this.passageFilter ? 'WHERE a.id IN (SELECT article_id FROM temp.export_passages)' : ''}
        ORDER BY a.date IS NULL, a.date, a.id`,
    );
    const all = (
      this.db
        .prepare('SELECT id, uid, name, parent_id AS parentId, color, description FROM tags ORDER BY title_sort_key(name), name, id')
        .all() as Omit<CodebookTag, 'path'>[]
    ).map((t) => ({ ...t, path: [] as string[] }));
    const byId = new Map(all.map((t) => [t.id, t]));
    const pathOf = (t: CodebookTag, seen = new Set<number>()): string[] => {
      if (t.path.length) return t.path;
      const parent = t.parentId !== null && !seen.has(t.parentId) ? byId.get(t.parentId) : undefined;
      seen.add(t.id);
      t.path = parent ? [...pathOf(parent, seen), t.name] : [t.name];
      return t.path;
    };
    for (const t of all) pathOf(t);
    // Passages listed by a filter carry its tags: those tags make the codebook, as named tags do.
    const chosenTags = scope.tagIds ?? scope.passages?.tagIds ?? null;
    if (chosenTags) {
      const wanted = tagsWithin(this.db, chosenTags);
      this.tagFilter = wanted;
      // The codebook keeps the chosen tags, their descendants and the ancestors that give them a path.
      const keep = new Set(wanted);
      for (const id of wanted) for (let p = byId.get(id)?.parentId ?? null; p !== null; p = byId.get(p)?.parentId ?? null) keep.add(p);
      this.codebook = all.filter((t) => keep.has(t.id));
    } else {
      this.tagFilter = null;
      this.codebook = all;
    }
    this.tagsById = new Map(this.codebook.map((t) => [t.id, t]));
    // Tags of a passage are listed in codebook order (by path); rank once, not per passage.
    const ranked = byPath(this.codebook, (t) => t.path);
    this.tagRank = new Map(ranked.map((t, i) => [t.id, i]));
    // Raw rows (arrays) cost less to build than objects keyed by column name.
    const articles = (text: boolean, annotatedOnly: boolean) =>
      this.db
        .prepare(
          `SELECT ${ARTICLE_COLUMNS}, ${text ? 'ar.text' : "''"} FROM temp.export_order x JOIN main.articles ar ON ar.id = x.id
           ${annotatedOnly ? 'WHERE EXISTS (SELECT 1 FROM main.annotations a WHERE a.article_id = x.id)' : ''} ORDER BY x.pos`,
        )
        .raw();
    this.articlesWithText = articles(true, false);
    this.articlesWithoutText = articles(false, false);
    this.annotatedWithText = articles(true, true);
    this.annotatedWithoutText = articles(false, true);
    // CROSS JOIN keeps the export order as the outer loop and the index on (article_id, start)
    // the inner one: the passages come out grouped by article and by start with no sort in
    // SQLite; the rare ties of start are settled in JavaScript, one article at a time.
    this.annotationRows = this.db
      .prepare(
        `SELECT a.id, a.uid, a.article_id, a.start, a.end, a.exact, a.prefix, a.suffix, a.note, a.created_at, a.modified_at,
                (SELECT group_concat(t.tag_id) FROM main.annotation_tags t WHERE t.annotation_id = a.id)
           FROM temp.export_order x CROSS JOIN main.annotations a ON a.article_id = x.id
          WHERE ${this.passageIn('a.id')}
          ORDER BY x.pos, a.start`,
      )
      .raw();
  }

  /// An SQL condition that the annotation whose id is @column is among the passages a filter
  /// listed (always true without a filter), for writers that read passages with queries of their own.
  passageIn(column: string): string {
    return this.passageFilter ? `${column} IN (SELECT id FROM temp.export_passages)` : '1';
  }

  /// How many articles are in scope.
  articleCount(): number {
    return this.db.prepare('SELECT count(*) FROM temp.export_order').pluck().get() as number;
  }

  /// The articles in scope, in export order (date, then id), one at a time; `text: false` leaves
  /// the texts in the database when a writer needs only the metadata.
  *articles(options: { text: boolean }): Generator<ExportArticle> {
    const rows = (options.text ? this.articlesWithText : this.articlesWithoutText).iterate() as IterableIterator<unknown[]>;
    try {
      for (const r of rows) yield articleOf(r);
    } finally {
      rows.return?.();
    }
  }

  /// The articles that have exported passages, each with its passages in text order (tags outside
  /// the filter left off them), in export order. Only the current article is held in memory.
  *annotated(options: { text: boolean }): Generator<AnnotatedArticle> {
    const articles = (options.text ? this.annotatedWithText : this.annotatedWithoutText).iterate() as IterableIterator<unknown[]>;
    const rows = this.annotationRows.iterate() as IterableIterator<unknown[]>;
    const { tagsById, tagFilter, tagRank } = this;
    try {
      let article: ExportArticle | undefined;
      let annotations: ExportAnnotation[] = [];
      for (const r of rows) {
        const articleId = r[2] as number;
        if (article?.id !== articleId) {
          if (article && annotations.length) yield { article, annotations: inTextOrder(annotations) };
          annotations = [];
          // Both queries walk the same order; articles without passages are skipped on the way.
          do {
            const next = articles.next();
            if (next.done) throw new Error(`article ${articleId} is missing from the export order`);
            article = articleOf(next.value);
          } while (article.id !== articleId);
        }
        const tagList = r[11] as string | null;
        let tagIds: number[] = [];
        if (tagList) {
          for (const t of tagList.split(',')) {
            const id = Number(t);
            if (tagsById.has(id)) tagIds.push(id);
          }
          if (tagIds.length > 1) tagIds = tagIds.sort((a, b) => tagRank.get(a)! - tagRank.get(b)!);
        }
        if (tagFilter && !tagIds.some((t) => tagFilter.has(t))) continue;
        annotations.push({
          id: r[0] as number,
          uid: r[1] as string,
          articleId,
          start: r[3] as number,
          end: r[4] as number,
          exact: r[5] as string,
          prefix: r[6] as string,
          suffix: r[7] as string,
          note: r[8] as string,
          createdAt: r[9] as string,
          modifiedAt: r[10] as string,
          tagIds,
        });
      }
      if (article && annotations.length) yield { article, annotations: inTextOrder(annotations) };
    } finally {
      rows.return?.();
      articles.return?.();
    }
  }

  /// Every article in scope with its exported passages (none for many), in export order: the
  /// articles' query and the passages' query read side by side.
  *everyArticle(options: { text: boolean }): Generator<AnnotatedArticle> {
    const annotated = this.annotated({ text: false });
    try {
      let next = annotated.next();
      for (const article of this.articles(options)) {
        if (!next.done && next.value.article.id === article.id) {
          yield { article, annotations: next.value.annotations };
          next = annotated.next();
        } else yield { article, annotations: [] };
      }
    } finally {
      annotated.return(undefined);
    }
  }

  /// How many passages the export holds (for progress and the collection's `total`).
  annotationCount(): number {
    if (this.count !== undefined) return this.count;
    if (!this.tagFilter) {
      this.count = this.db
        .prepare(`SELECT count(*) FROM main.annotations a JOIN temp.export_order x ON x.id = a.article_id WHERE ${this.passageIn('a.id')}`)
        .pluck()
        .get() as number;
      return this.count;
    }
    this.db.exec('DROP TABLE IF EXISTS temp.export_tags; CREATE TEMP TABLE export_tags (id INTEGER PRIMARY KEY)');
    const ins = this.db.prepare('INSERT INTO temp.export_tags (id) VALUES (?)');
    for (const id of this.tagFilter) ins.run(id);
    this.count = this.db
      .prepare(
        `SELECT count(DISTINCT a.id) FROM main.annotations a JOIN temp.export_order x ON x.id = a.article_id
           JOIN main.annotation_tags t ON t.annotation_id = a.id JOIN temp.export_tags g ON g.id = t.tag_id
          WHERE ${this.passageIn('a.id')}`,
      )
      .pluck()
      .get() as number;
    return this.count;
  }

  /// The stored originals of the articles in scope, each once (by SHA-256), inflated one at a time.
  *originals(): Generator<{ sha256: string; name: string; bytes: Uint8Array }> {
    const rows = this.db
      .prepare(
        `SELECT o.sha256, o.name, o.storage, o.size, o.compressed FROM originals o
          WHERE o.sha256 IN (SELECT ar.orig_sha256 FROM temp.export_order x JOIN main.articles ar ON ar.id = x.id)
          ORDER BY o.sha256`,
      )
      .raw()
      .iterate() as IterableIterator<[string, string, string, number, Buffer | null]>;
    try {
      for (const [sha256, name, storage, size, compressed] of rows) {
        yield { sha256, name, bytes: originalBytes(this.db, { sha256, storage, size, compressed }) };
      }
    } finally {
      rows.return?.();
    }
  }

  /// Tag paths of an annotation, in codebook order.
  tagPaths(a: ExportAnnotation): string[][] {
    return a.tagIds.map((t) => this.tagsById.get(t)!.path);
  }

  close(): void {
    if (this.ownConnection) {
      if (this.db.inTransaction) this.db.exec('COMMIT');
      this.db.close();
    } else {
      this.db.exec(
        'DROP TABLE IF EXISTS temp.export_scope; DROP TABLE IF EXISTS temp.export_order; DROP TABLE IF EXISTS temp.export_tags; DROP TABLE IF EXISTS temp.export_passages',
      );
    }
  }
}

/// Passages by start, end, then id. They arrive sorted by start; only when two share a start
/// (rare) is the list sorted again.
function inTextOrder(list: ExportAnnotation[]): ExportAnnotation[] {
  for (let i = 1; i < list.length; i++) {
    if (list[i].start <= list[i - 1].start) return list.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
  }
  return list;
}

function articleOf(r: unknown[]): ExportArticle {
  return {
    id: r[0] as number,
    uid: r[1] as string,
    title: r[2] as string,
    date: r[3] as string | null,
    source: r[4] as string | null,
    url: r[5] as string | null,
    lang: r[6] as string,
    script: r[7] as string,
    origPath: r[8] as string | null,
    origSha256: r[9] as string | null,
    origName: r[10] as string | null,
    encoding: r[11] as string | null,
    format: r[12] as string | null,
    importedAt: r[13] as string,
    text: r[14] as string,
  };
}
