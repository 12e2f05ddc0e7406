import type { AnchorStatus, TextSelectors } from '../model.js';
import { matchQuote, type MatchOptions } from './match-quote.js';

/// Where a passage stands in a (possibly changed) text.
export interface Anchor {
  /// `anchored`: where it was, as it was; `moved`: found elsewhere or slightly changed;
  /// `orphaned`: not found (start/end are then the old ones and may not fit the text).
  status: AnchorStatus;
  start: number;
  end: number;
}

/// Find a passage again from its selectors: the stored position when the quote still stands
/// there; else the best exact occurrence of the quote, judged by its context and nearness to
/// the old position; else a fuzzy match of the quote; else orphaned. Never throws.
export function anchor(text: string, selectors: TextSelectors, options: MatchOptions = {}): Anchor {
  const { start, end, exact } = selectors;
  if (exact.length > 0 && end - start === exact.length && text.slice(start, end) === exact) {
    return { status: 'anchored', start, end };
  }
  const found = exact.length > 0 ? matchQuote(text, selectors, options) : null;
  if (!found) return { status: 'orphaned', start, end };
  return { status: 'moved', start: found.start, end: found.end };
}
