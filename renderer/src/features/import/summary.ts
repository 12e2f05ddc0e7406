// An import sent in several parts comes back as several summaries; the dialog shows one.
import { IMPORT_NOT_REACHED, type ImportFailure, type ImportSummary } from '../../../../shared/model.js';

/// What an import did, over all its parts.
export interface ImportTotals {
  imported: number;
  duplicates: number;
  failed: ImportFailure[];
  /// Files never read because the import was stopped first (not failures: nothing was wrong with them).
  notReached: number;
  /// The first article this import added, to open it; null when none was added.
  firstArticleId: number | null;
}


/// Add up the parts; a part without a proper summary counts as nothing rather than breaking the report.
export function mergeSummaries(parts: readonly (ImportSummary | null | undefined)[]): ImportTotals {
  const totals: ImportTotals = { imported: 0, duplicates: 0, failed: [], notReached: 0, firstArticleId: null };
  for (const p of parts) {
    if (!p || typeof p !== 'object') continue;
    totals.imported += Number(p.imported) || 0;
    totals.duplicates += Number(p.duplicates) || 0;
    for (const f of Array.isArray(p.failed) ? p.failed : []) {
      if (f?.error === IMPORT_NOT_REACHED) totals.notReached++;
      else totals.failed.push(f);
    }
    if (totals.firstArticleId === null && Array.isArray(p.articleIds) && p.articleIds.length) totals.firstArticleId = p.articleIds[0];
  }
  return totals;
}
