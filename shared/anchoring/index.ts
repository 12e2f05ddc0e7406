export { anchor, type Anchor } from './anchor.js';
export { searchApprox, editDistance, type ApproxMatch } from './approx-match.js';
export { clusterBoundaryAtOrAfter, clusterBoundaryAtOrBefore, isClusterBoundary } from './clusters.js';
export { CodePointIndex, codePointLength, codePointToUtf16, splitsSurrogatePair, utf16ToCodePoint } from './codepoints.js';
export { CONTEXT_LENGTH, checkRange, describeRange } from './describe.js';
export { exactOccurrences, matchExact, matchFuzzy, matchQuote, type MatchOptions, type QuoteMatch } from './match-quote.js';
