// Search terms marked in the reader. Text and terms go through the same tokenizer and folding as
// the index and the query parser (shared/text, shared/query), so a Latin query marks the
// Cyrillic word it matched, in the script it is written in, and the reader marks what search found.
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { highlightTerms } from '../../../shared/query/index.js';
import type { TextMap } from './textmap.js';

/// Class on a marked search term.
export const TERM_CLASS = 'qalam-term';

/// The words of `text` that a search for `terms` matched, by the same rules search applies
/// (folding across scripts, accepted suffixes, exact forms for quoted terms). Offsets in text order.
export function termRanges(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const usable = terms.filter((t) => t.trim().length > 0);
  return usable.length ? highlightTerms(text, usable) : [];
}

/// The decorations for the terms' matches in an article.
export function buildTermSet(doc: Node, map: TextMap, text: string, terms: readonly string[]): DecorationSet {
  const decorations = termRanges(text, terms).map((r) =>
    Decoration.inline(map.toPos(r.start), map.toPos(r.end), { class: TERM_CLASS, 'data-term': '' }),
  );
  return DecorationSet.create(doc, decorations);
}

/// Reads the term plugin's state (its decoration set).
export const termKey = new PluginKey<DecorationSet>('qalam-terms');

/// Marks `terms` in the article `text`; change them with setTerms().
export function termPlugin(map: TextMap, text: string, terms: readonly string[]): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: termKey,
    state: {
      init: (_, { doc }) => buildTermSet(doc, map, text, terms),
      apply(tr, set) {
        const next = tr.getMeta(termKey) as readonly string[] | undefined;
        if (next) return buildTermSet(tr.doc, map, text, next);
        return set.map(tr.mapping, tr.doc);
      },
    },
    props: {
      decorations: (state) => termKey.getState(state),
    },
  });
}

/// Mark other terms (an empty list clears them).
export function setTerms(tr: Transaction, terms: readonly string[]): Transaction {
  return tr.setMeta(termKey, terms);
}
