// What each view exports: the scope it hands the export dialog, and what the dialog asks the
// archive for. A view's export holds what the view shows, so every setting that narrowed the
// view (a search's script mode, the Passages view's tags and filters) travels with the scope.
import type { CallInput } from '../../../../shared/contract/index.js';
import type { Tag } from '../../../../shared/model.js';
import type { ExportScope } from '../../state/dialogs.js';

type PassageFilter = NonNullable<ExportScope['passages']>;

/// The export of a search's hits, matching scripts as the search did.
export function searchExportScope(query: string, script: 'any' | 'exact'): ExportScope {
  return { query, script, label: `the search “${query}”${script === 'exact' ? ' (exact script)' : ''}` };
}

/// The export of the passages the Passages view lists for @filter; @tags are the chosen tags
/// the codebook knows, for the title.
export function passagesExportScope(filter: PassageFilter, tags: readonly Pick<Tag, 'name'>[]): ExportScope {
  const { tagIds, match, lang, dateFrom, dateTo } = filter;
  const which = tags.length === 1 ? `tag “${tags[0].name}”` : `${match === 'all' ? 'all of ' : ''}${tags.length} tags`;
  const where = [lang ? `in ${lang}` : '', dateFrom ? `from ${dateFrom}` : '', dateTo ? `to ${dateTo}` : ''].filter(Boolean).join(' ');
  return { passages: { tagIds: [...tagIds], match, lang, dateFrom, dateTo }, label: `passages of ${which}${where ? ` ${where}` : ''}` };
}

/// The fields of `startExport` that say what to export, from the dialog's scope.
export function exportScopeArgs(scope: ExportScope): Pick<CallInput<'startExport'>, 'collectionId' | 'tagIds' | 'query' | 'script' | 'passages'> {
  return { collectionId: scope.collectionId, tagIds: scope.tagIds, query: scope.query, script: scope.query === undefined ? undefined : scope.script, passages: scope.passages };
}
