import Database from 'better-sqlite3';
import type { Database as DB, Statement } from 'better-sqlite3';
import { inflateRawSync, inflateSync } from 'node:zlib';
import type { Library } from '../db/open.js';

/// An article as an export needs it: text, description and provenance.
export interface ExportArticle {
  id: number;
  uid: string;
  title: string;
  date: string | null;
  source: string | null;
  url: string | null;
  lang: string;
  script: string;
  text: string;
  origPath: string | null;
  origSha256: string | null;
  encoding: string | null;
  format: string | null;
  importedAt: string;
}

/// An annotation with its tags; offsets are UTF-16 code units, as stored.
export interface ExportAnnotation {
  id: number;
  uid: string;
  articleId: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  status: string;
  createdAt: string;
  modifiedAt: string;
  tagIds: number[];
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
/// that carry one of them (or one of their descendants).
export interface ExportScope {
  articleIds: number[] | null;
  tagIds: number[] | null;
  label: string;
}

/// A consistent view of the library for one export. It reads through a connection of its own
/// inside one read transaction: the export sees one snapshot even while the user keeps working,
/// and the long loop never holds the connection the rest of the app answers on.
export class ExportSource {
  readonly db: DB;
  private readonly ownConnection: boolean;
  readonly codebook: CodebookTag[];
  readonly tagsById: Map<number, CodebookTag>;
  /// Tags whose passages are exported (null: all).
  readonly tagFilter: Set<number> | null;
  private readonly tagRank: Map<number, number>;
  /// Articles that had at least one exported passage so far (counted by the writers' reads).
  annotatedArticles = 0;
  private readonly articleStmt: Statement;
  private readonly annotationStmt: Statement;

  constructor(
    lib: Library,
    readonly scope: ExportScope,
  ) {
    this.ownConnection = lib.path !== ':memory:';
    this.db = this.ownConnection ? new Database(lib.path, { readonly: true }) : lib.db;
    this.db.exec('DROP TABLE IF EXISTS temp.export_scope; CREATE TEMP TABLE export_scope (id INTEGER PRIMARY KEY)');
    const insert = this.db.prepare('INSERT OR IGNORE INTO temp.export_scope (id) VALUES (?)');
    this.db.transaction(() => {
      if (scope.articleIds) for (const id of scope.articleIds) insert.run(id);
      else this.db.exec('INSERT INTO temp.export_scope (id) SELECT id FROM main.articles');
    })();
    if (this.ownConnection) this.db.exec('BEGIN');
    const all = (
      this.db
        .prepare('SELECT id, uid, name, parent_id AS parentId, color, description FROM tags ORDER BY name COLLATE NOCASE, id')
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
    if (scope.tagIds) {
      const wanted = new Set<number>();
      const childrenOf = new Map<number, number[]>();
      for (const t of all) if (t.parentId !== null) childrenOf.set(t.parentId, [...(childrenOf.get(t.parentId) ?? []), t.id]);
      const addTree = (id: number) => {
        if (wanted.has(id)) return;
        wanted.add(id);
        for (const c of childrenOf.get(id) ?? []) addTree(c);
      };
      for (const id of scope.tagIds) addTree(id);
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
    const ranked = [...this.codebook].sort((a, b) => comparePaths(a.path, b.path));
    this.tagRank = new Map(ranked.map((t, i) => [t.id, i]));
    this.articleStmt = this.db.prepare(
      `SELECT id, uid, title, date, source, url, lang, script, text, orig_path AS origPath, orig_sha256 AS origSha256,
              encoding, format, imported_at AS importedAt FROM articles WHERE id = ?`,
    );
    this.annotationStmt = this.db.prepare(
      `SELECT a.id, a.uid, a.article_id AS articleId, a.start, a.end, a.exact, a.prefix, a.suffix, a.note, a.status,
              a.created_at AS createdAt, a.modified_at AS modifiedAt,
              (SELECT group_concat(tag_id) FROM annotation_tags t WHERE t.annotation_id = a.id) AS tagList
         FROM annotations a WHERE a.article_id = ? ORDER BY a.start, a.end, a.id`,
    );
  }

  /// Ids of the articles in scope, in a stable order (date, then id); holds ids only, never texts.
  articleIds(): number[] {
    return (
      this.db
        .prepare('SELECT a.id FROM temp.export_scope s JOIN articles a ON a.id = s.id ORDER BY a.date IS NULL, a.date, a.id')
        .pluck()
        .all() as number[]
    );
  }

  /// Ids of the articles in scope that have at least one exported passage.
  annotatedArticleIds(): number[] {
    const ids = this.articleIds();
    if (!this.tagFilter) {
      const has = this.db.prepare('SELECT 1 FROM annotations WHERE article_id = ? LIMIT 1').pluck();
      return ids.filter((id) => has.get(id) !== undefined);
    }
    return ids.filter((id) => this.annotations(id).length > 0);
  }

  article(id: number): ExportArticle | undefined {
    return this.articleStmt.get(id) as ExportArticle | undefined;
  }

  /// The article's exported passages in text order; tags outside the filter are left off them.
  annotations(articleId: number): ExportAnnotation[] {
    const rows = this.annotationStmt.all(articleId) as (Omit<ExportAnnotation, 'tagIds'> & { tagList: string | null })[];
    const out: ExportAnnotation[] = [];
    for (const { tagList, ...row } of rows) {
      const tagIds = tagList ? tagList.split(',').map(Number).filter((t) => this.tagsById.has(t)) : [];
      if (this.tagFilter && !tagIds.some((t) => this.tagFilter!.has(t))) continue;
      if (tagIds.length > 1) tagIds.sort((a, b) => this.tagRank.get(a)! - this.tagRank.get(b)!);
      (row as ExportAnnotation).tagIds = tagIds;
      out.push(row as ExportAnnotation);
    }
    return out;
  }

  /// How many passages the export holds (for progress and the collection's `total`).
  annotationCount(): number {
    if (!this.tagFilter) {
      return this.db
        .prepare('SELECT count(*) FROM annotations a JOIN temp.export_scope s ON s.id = a.article_id')
        .pluck()
        .get() as number;
    }
    this.db.exec('DROP TABLE IF EXISTS temp.export_tags; CREATE TEMP TABLE export_tags (id INTEGER PRIMARY KEY)');
    const ins = this.db.prepare('INSERT INTO temp.export_tags (id) VALUES (?)');
    for (const id of this.tagFilter) ins.run(id);
    return this.db
      .prepare(
        `SELECT count(DISTINCT a.id) FROM annotations a JOIN temp.export_scope s ON s.id = a.article_id
           JOIN annotation_tags t ON t.annotation_id = a.id JOIN temp.export_tags x ON x.id = t.tag_id`,
      )
      .pluck()
      .get() as number;
  }

  /// The original file an article was imported from, inflated, with the name it had.
  original(sha256: string): { name: string; bytes: Uint8Array } | undefined {
    const row = this.db.prepare('SELECT name, compressed FROM originals WHERE sha256 = ?').get(sha256) as
      | { name: string; compressed: Buffer }
      | undefined;
    if (!row) return undefined;
    return { name: row.name, bytes: inflateOriginal(row.compressed) };
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
      this.db.exec('DROP TABLE IF EXISTS temp.export_scope; DROP TABLE IF EXISTS temp.export_tags');
    }
  }
}

/// Originals are stored deflated by the import pipeline; accept both zlib-wrapped and raw deflate
/// so a change of wrapping there never makes old libraries unreadable here.
export function inflateOriginal(compressed: Uint8Array): Uint8Array {
  try {
    return inflateSync(compressed);
  } catch {
    return inflateRawSync(compressed);
  }
}

function comparePaths(a: string[], b: string[]): number {
  return a.join('\u0000').localeCompare(b.join('\u0000'));
}
