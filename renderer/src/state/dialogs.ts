// The app-wide dialogs (import, export) are opened from many places and drawn once by the shell.
import type { CallInput } from '../../../shared/contract/index.js';
import { createStore } from './store.js';

/// What an export covers; exactly one kind is set, with every setting that chose what its view
/// shows (a search's script mode, the Passages view's filters), so the export holds the same.
export interface ExportScope {
  collectionId?: number;
  tagIds?: number[];
  query?: string;
  /// How `query` matches scripts, as the search showed its hits.
  script?: 'any' | 'exact';
  /// The passages the Passages view lists: its tags, any/all, language and dates.
  passages?: NonNullable<CallInput<'startExport'>['passages']>;
  /// Said in the dialog's title: `collection "Cotton harvest"`, `the search "paxta"`.
  label: string;
}

/// The import dialog when open, with any files dropped on the window.
export const importDialog = createStore<{ files: File[] } | null>(null);
/// The export dialog when open, with what it exports.
export const exportDialog = createStore<ExportScope | null>(null);

/// Open the import dialog, optionally with files already dropped on the window.
export function openImport(files: File[] = []): void {
  importDialog.set({ files });
}

/// Open the export dialog for a collection, tags or a search.
export function openExport(scope: ExportScope): void {
  exportDialog.set(scope);
}
