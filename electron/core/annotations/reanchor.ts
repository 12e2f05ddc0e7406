import { anchor } from '../../../shared/anchoring/anchor.js';
import { describeRange } from '../../../shared/anchoring/describe.js';
import type { Library } from '../db/open.js';
import { ANNOTATION_COLUMNS, articleText, type AnnotationRow } from './model.js';

/// What re-anchoring an article's annotations found.
export interface ReanchorSummary {
  /// Still where they were, as they were.
  anchored: number;
  /// Found elsewhere or slightly changed: their selectors now describe the new text.
  moved: number;
  /// Not found: kept with their old selectors, for review.
  orphaned: number;
}

/// Find every annotation of an article again after its text changed (call it in the same
/// transaction as the change). Annotations are never dropped: one whose passage is gone is
/// marked `orphaned` and keeps its old quote. A `moved` mark stays until someone reviews it,
/// even when a later change leaves the passage in place.
export function reanchorArticle(lib: Library, articleId: number): ReanchorSummary {
  const text = articleText(lib, articleId);
  const rows = lib.stmt(`SELECT ${ANNOTATION_COLUMNS} FROM annotations a WHERE a.article_id = ?`).all(articleId) as AnnotationRow[];
  const update = lib.stmt('UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, status = ? WHERE id = ?');
  const mark = lib.stmt('UPDATE annotations SET status = ? WHERE id = ?');
  const summary: ReanchorSummary = { anchored: 0, moved: 0, orphaned: 0 };
  for (const r of rows) {
    const found = anchor(text, r);
    if (found.status === 'orphaned') {
      summary.orphaned++;
      if (r.status !== 'orphaned') mark.run('orphaned', r.id);
      continue;
    }
    const sel = describeRange(text, found.start, found.end);
    const unchanged = found.status === 'anchored' && sel.prefix === r.prefix && sel.suffix === r.suffix;
    if (unchanged && r.status !== 'orphaned') {
      summary[r.status === 'moved' ? 'moved' : 'anchored']++;
      continue;
    }
    // Back at its place (the text was restored), or found anew: refresh the context it keeps.
    const status = found.status === 'anchored' && r.status !== 'moved' ? 'anchored' : 'moved';
    summary[status]++;
    update.run(sel.start, sel.end, sel.exact, sel.prefix, sel.suffix, status, r.id);
  }
  return summary;
}
