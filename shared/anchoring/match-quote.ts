// Find a quote again in a text that may have changed: its exact occurrences, and spans that
// differ from it by a few edits; each candidate is scored by how well the text around it
// agrees with the remembered prefix and suffix, and by how near it lies to the old position.
// An exact occurrence in its own context ends the search early; the fuzzy scan runs otherwise.
// The weights follow the Hypothesis client (match-quote.ts): the quote matters most, its
// context next, the position only breaks ties between otherwise equal candidates.

import type { TextSelectors } from '../model.js';
import { editDistance, searchApprox, type ApproxMatch } from './approx-match.js';
import { splitsSurrogatePair } from './codepoints.js';

/// A place in the text where the quote was found.
export interface QuoteMatch {
  start: number;
  end: number;
  /// Edits between the quote and text[start, end): 0 for an exact occurrence.
  errors: number;
  /// 0 … 1, higher is better.
  score: number;
}

/// How far a fuzzy match may stray from the quote.
export interface MatchOptions {
  /// Largest share of the quote's length that may differ in a fuzzy match (default 0.25).
  maxErrorRate?: number;
}

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL_WEIGHT = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/// Quotes shorter than this are found only with support from their context when they are
/// not found exactly: two edits in a six-letter word match half the words of a language.
const SHORT_QUOTE = 24;

/// Quotes longer than this are matched fuzzily by their head and tail only, so that a whole
/// annotated article does not cost a scan of (text length × quote length / 32) steps.
const LONG_QUOTE = 2000;
const PIECE = 128;

/// How alike the remembered context is to the text actually beside a candidate, 0 … 1.
function contextSimilarity(expected: string, actual: string): number {
  if (expected.length === 0 && actual.length === 0) return 1;
  const longest = Math.max(expected.length, actual.length);
  return 1 - editDistance(expected, actual) / longest;
}

function score(text: string, sel: TextSelectors, start: number, end: number, errors: number): number {
  const quote = sel.exact.length === 0 ? 1 : Math.max(0, 1 - errors / sel.exact.length);
  const prefix = contextSimilarity(sel.prefix, text.slice(Math.max(0, start - sel.prefix.length), start));
  const suffix = contextSimilarity(sel.suffix, text.slice(end, end + sel.suffix.length));
  const position = text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(start - sel.start) / text.length);
  return (WEIGHT.quote * quote + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.position * position) / TOTAL_WEIGHT;
}

function contextSupport(text: string, sel: TextSelectors, start: number, end: number): number {
  const prefix = contextSimilarity(sel.prefix, text.slice(Math.max(0, start - sel.prefix.length), start));
  const suffix = contextSimilarity(sel.suffix, text.slice(end, end + sel.suffix.length));
  return (prefix + suffix) / 2;
}

function best(candidates: QuoteMatch[]): QuoteMatch | null {
  let top: QuoteMatch | null = null;
  for (const c of candidates) if (!top || c.score > top.score) top = c;
  return top;
}

/// Every exact occurrence of `quote` in `text`, overlapping ones included.
export function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/// The exact occurrence of the quote that best fits its context and old position, or null.
export function matchExact(text: string, sel: TextSelectors): QuoteMatch | null {
  const len = sel.exact.length;
  return best(exactOccurrences(text, sel.exact).map((s) => ({ start: s, end: s + len, errors: 0, score: score(text, sel, s, s + len, 0) })));
}

/// Widen a span that would cut a surrogate pair, so a match never splits a character.
function whole(text: string, m: ApproxMatch): ApproxMatch {
  return {
    start: splitsSurrogatePair(text, m.start) ? m.start - 1 : m.start,
    end: splitsSurrogatePair(text, m.end) ? m.end + 1 : m.end,
    errors: m.errors,
  };
}

/// Fuzzy spans of a long quote: its first and last PIECE units found separately, paired when
/// the span between them has about the quote's length. Errors are estimated from the pieces
/// and the difference in length.
function longQuoteSpans(text: string, quote: string, rate: number): ApproxMatch[] {
  const k = Math.floor(PIECE * rate);
  const heads = searchApprox(text, quote.slice(0, PIECE), k);
  const tails = searchApprox(text, quote.slice(-PIECE), k);
  const spans: ApproxMatch[] = [];
  for (const h of heads) {
    for (const t of tails) {
      const length = t.end - h.start;
      const drift = Math.abs(length - quote.length);
      if (t.start < h.end || drift > quote.length * rate) continue;
      spans.push({ start: h.start, end: t.end, errors: h.errors + t.errors + drift });
    }
  }
  return spans;
}

/// The span that most likely holds the quote after the text changed, or null when nothing
/// is close enough (the passage is gone: the annotation is orphaned).
export function matchFuzzy(text: string, sel: TextSelectors, options: MatchOptions = {}): QuoteMatch | null {
  const rate = options.maxErrorRate ?? 0.25;
  const quote = sel.exact;
  const maxErrors = Math.floor(quote.length * rate);
  if (maxErrors === 0) return null;
  const spans = quote.length > LONG_QUOTE ? longQuoteSpans(text, quote, rate) : searchApprox(text, quote, maxErrors);
  const candidates: QuoteMatch[] = [];
  for (const span of spans) {
    const m = whole(text, span);
    if (m.errors > maxErrors) continue;
    if (quote.length < SHORT_QUOTE && contextSupport(text, sel, m.start, m.end) < 0.5) continue;
    candidates.push({ ...m, score: score(text, sel, m.start, m.end, m.errors) });
  }
  return best(candidates);
}

/// Context agreement above which an exact occurrence is taken without looking further.
const TRUSTED_CONTEXT = 0.9;

/// The best place for the quote. An exact occurrence whose context agrees is taken at once;
/// otherwise exact and fuzzy candidates compete on one score, so a passage with one letter
/// corrected, still in its own context, beats an exact repeat of the quote elsewhere.
export function matchQuote(text: string, sel: TextSelectors, options: MatchOptions = {}): QuoteMatch | null {
  const exact = matchExact(text, sel);
  if (exact && contextSupport(text, sel, exact.start, exact.end) >= TRUSTED_CONTEXT) return exact;
  return best([exact, matchFuzzy(text, sel, options)].filter((m): m is QuoteMatch => m !== null));
}
