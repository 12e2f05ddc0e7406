// The Qalam query language: parse, compile to token patterns, evaluate and highlight.
export type { QueryNode, TermNode, AndNode, OrNode, NotNode, Filter, ParsedQuery, QueryError, ParseResult } from './ast.js';
export { parseQuery } from './parse.js';
export { termPattern, matchesWord, findTerm, type WordPattern, type TermPattern } from './patterns.js';
export {
  compileQuery,
  evaluate,
  matchRanges,
  highlightTerms,
  termText,
  type CompiledQuery,
  type CompiledNode,
  type ArticleTokens,
  type MatchRange,
} from './compile.js';
