import type { WriteCounts } from './library-writer.js';

/// The most problems a report lists one by one; the count is always complete.
export const MAX_LISTED = 200;

/// What an import back did, and what it could not do and why: nothing is dropped silently.
export interface ImportReport {
  format: 'w3c' | 'qdpx' | 'bagit';
  path: string;
  counts: WriteCounts;
  /// Annotations (or selections) read from the file.
  annotationsRead: number;
  /// How many could not be placed on any article.
  unanchored: number;
  /// What could not be imported, one line each (the first MAX_LISTED).
  problems: { item: string; reason: string }[];
  problemCount: number;
}

export class Problems {
  readonly list: { item: string; reason: string }[] = [];
  count = 0;
  add(item: string, reason: string): void {
    this.count++;
    if (this.list.length < MAX_LISTED) this.list.push({ item, reason });
  }
}
