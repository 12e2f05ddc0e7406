// The index's own word list, to turn "this word and its suffixed forms" into the exact keys the
// index holds. Asking FTS5 for every key that starts with the stem (`toshkent*`) and checking
// the suffix of each against the grammar in shared/text gives exact counts, and a short stem
// cannot drag in every longer word that happens to start like it.

import { isFormOfStem, type Stem } from '../../../shared/text/index.js';
import type { Library } from '../db/open.js';

/// The most index keys one query word expands to; the shortest forms are kept past it.
export const MAX_FORMS_PER_WORD = 400;
/// The most vocabulary rows read for one stem, whatever the grammar makes of them.
const MAX_SCANNED = 20_000;
const VOCAB = 'temp.qalam_articles_vocab';
// Above every character a key can hold (U+10FFFF encodes as F4 8F BF BF).
const TOP = '\u{10FFFF}';

const ready = new WeakSet<Library>();

function ensureVocabulary(lib: Library): void {
  if (ready.has(lib)) return;
  // A temp table: it lives with the connection, and never changes the library file.
  lib.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${VOCAB} USING fts5vocab(main, articles_fts, row)`);
  ready.add(lib);
}

/// The keys in the index that are forms of any of `stems`, plus `keys` themselves (which may
/// not be in the index at all).
export function expandForms(lib: Library, keys: readonly string[], stems: readonly Stem[]): string[] {
  ensureVocabulary(lib);
  const found = new Set<string>(keys);
  const scan = lib.stmt(`SELECT term FROM ${VOCAB} WHERE term >= ? AND term < ? LIMIT ${MAX_SCANNED}`).pluck();
  for (const stem of stems) {
    if (stem.sets.length === 0) continue;
    for (const term of scan.iterate(stem.stem, stem.stem + TOP) as Iterable<string>) {
      if (isFormOfStem(stem, term)) found.add(term);
    }
  }
  const all = [...found];
  if (all.length <= MAX_FORMS_PER_WORD) return all;
  const rest = all.filter((k) => !keys.includes(k)).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  return [...keys, ...rest.slice(0, MAX_FORMS_PER_WORD - keys.length)];
}
