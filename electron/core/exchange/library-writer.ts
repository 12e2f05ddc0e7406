// Writes what an import back brings into the library: articles, tags and annotations.
// Articles go through the same insert as the import pipeline (same normal form, identity and
// index entries); an imported project carries texts, not files the pipeline could read.
import { randomUUID } from 'node:crypto';
import { anchor } from '../../../shared/anchoring/anchor.js';
import { describeRange } from '../../../shared/anchoring/describe.js';
import type { AnchorStatus, TextSelectors } from '../../../shared/model.js';
import { insertArticle, type NewArticle as StoredArticle } from '../articles/store.js';
import type { Library } from '../db/open.js';
import { nextTagColor } from '../tags/palette.js';

/// An article as a project made elsewhere describes it; the batch and time are this import's.
export type NewArticle = Omit<StoredArticle, 'batchId' | 'importedAt'>;

/// A passage found in an article's stored text (UTF-16 offsets), ready to be written.
export interface FoundPassage extends TextSelectors {
  articleId: number;
  status: AnchorStatus;
}

/// Tallies of one import back, for its report.
export interface WriteCounts {
  articlesCreated: number;
  articlesExisting: number;
  tagsCreated: number;
  annotationsCreated: number;
  annotationsExisting: number;
}

/// Adds articles, tags and annotations; the caller owns the transaction.
export class LibraryWriter {
  readonly counts: WriteCounts = { articlesCreated: 0, articlesExisting: 0, tagsCreated: 0, annotationsCreated: 0, annotationsExisting: 0 };
  private batchId: number | null = null;
  private readonly now = new Date().toISOString();
  private readonly texts = new Map<number, string>();

  constructor(
    private readonly lib: Library,
    private readonly label: string,
  ) {}

  // The batch is recorded with the first article: an import that only adds annotations, or
  // adds nothing at all, leaves no empty batch behind.
  private batch(): number {
    this.batchId ??= Number(this.lib.stmt('INSERT INTO batches (started_at, label) VALUES (?, ?)').run(this.now, this.label).lastInsertRowid);
    return this.batchId;
  }

  /// The article with this text, added when the library does not have it yet. Returns its id.
  article(a: NewArticle): number {
    const r = insertArticle(this.lib, { ...a, batchId: this.batch(), importedAt: this.now });
    if (r.duplicate) this.counts.articlesExisting++;
    else this.counts.articlesCreated++;
    return r.id;
  }

  /// Keep the original file an article came from, so the library can hand it on again.
  original(sha256: string, name: string, bytes: Uint8Array, compressed: Uint8Array): void {
    this.lib.stmt('INSERT OR IGNORE INTO originals (sha256, size, name, compressed) VALUES (?, ?, ?, ?)').run(sha256, bytes.length, name, compressed);
  }

  /// The tag at `path` (names from the root), creating the missing levels. An existing tag keeps
  /// its colour; a new one takes the given colour or the palette's next.
  tagPath(path: string[], leaf: { uid?: string; color?: string; description?: string } = {}): number {
    let parent: number | null = null;
    path.forEach((raw, i) => {
      // Composed, like every text in the library, so a tag written decomposed elsewhere is
      // the same tag as the one typed here.
      const name = raw.normalize('NFC').replace(/\//g, '∕').trim() || '(unnamed)';
      const found = this.lib
        .stmt('SELECT id FROM tags WHERE COALESCE(parent_id, 0) = ? AND name = ? COLLATE NOCASE')
        .pluck()
        .get(parent ?? 0, name) as number | undefined;
      if (found !== undefined) {
        parent = found;
        return;
      }
      const last = i === path.length - 1;
      const uid = last && leaf.uid && this.lib.stmt('SELECT 1 FROM tags WHERE uid = ?').get(leaf.uid) === undefined ? leaf.uid : randomUUID();
      const color = last && leaf.color && /^#[0-9a-f]{6}$/i.test(leaf.color) ? leaf.color.toLowerCase() : nextTagColor(this.lib);
      parent = Number(
        this.lib
          .stmt('INSERT INTO tags (uid, name, parent_id, color, description, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(uid, name, parent, color, (last && leaf.description) || '', this.now).lastInsertRowid,
      );
      this.counts.tagsCreated++;
    });
    return parent!;
  }

  /// Whether an annotation with this identifier is already in the library (an import run twice
  /// adds nothing the second time).
  hasAnnotation(uid: string): boolean {
    return this.lib.stmt('SELECT 1 FROM annotations WHERE uid = ?').get(uid) !== undefined;
  }

  /// An article's stored text (read once per import).
  articleText(articleId: number): string {
    let text = this.texts.get(articleId);
    if (text === undefined) {
      text = this.lib.stmt('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string;
      this.texts.set(articleId, text);
    }
    return text;
  }

  /// Find a passage in an article by its selectors: a position in UTF-16 units of the stored text
  /// (the caller maps foreign offsets first) and a quote in its normal form. Returns null when the
  /// passage cannot be found, so the caller can report it before writing anything for it.
  find(articleId: number, sel: { exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }): FoundPassage | null {
    const text = this.articleText(articleId);
    let start = -1;
    let end = -1;
    if (sel.start !== undefined && sel.end !== undefined && sel.start >= 0 && sel.end <= text.length && sel.end > sel.start) {
      start = sel.start;
      end = sel.end;
    }
    let exact = sel.exact;
    if (exact === undefined) {
      if (start < 0) return null;
      exact = text.slice(start, end);
    }
    const found = anchor(text, { start: Math.max(start, 0), end: Math.max(end, 0), exact, prefix: sel.prefix ?? '', suffix: sel.suffix ?? '' });
    if (found.status === 'orphaned' || found.end <= found.start) return null;
    return { articleId, status: found.status, ...describeRange(text, found.start, found.end) };
  }

  /// Add a passage found by `find`, with its note and tags. Returns its id.
  annotation(p: FoundPassage, data: { uid?: string; note?: string; tagIds: number[]; createdAt?: string; modifiedAt?: string }): number {
    const uid = data.uid ?? randomUUID();
    const created = data.createdAt && !Number.isNaN(Date.parse(data.createdAt)) ? data.createdAt : this.now;
    const id = Number(
      this.lib
        .stmt(
          `INSERT INTO annotations (uid, article_id, start, end, exact, prefix, suffix, note, status, created_at, modified_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(uid, p.articleId, p.start, p.end, p.exact, p.prefix, p.suffix, (data.note ?? '').normalize('NFC'), p.status, created,
          data.modifiedAt && !Number.isNaN(Date.parse(data.modifiedAt)) ? data.modifiedAt : created).lastInsertRowid,
    );
    const tag = this.lib.stmt('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const t of new Set(data.tagIds)) tag.run(id, t);
    this.counts.annotationsCreated++;
    return id;
  }

  finish(): void {
    if (this.batchId === null) return;
    this.lib
      .stmt('UPDATE batches SET finished_at = ?, imported = ? WHERE id = ?')
      .run(new Date().toISOString(), this.counts.articlesCreated, this.batchId);
  }
}
