// A parsed query with a pattern for every term: evaluated on an article's tokens for the
// strict-script check, and used to mark what matched.

import { tokenize, type Token } from '../text/index.js';
import type { ParsedQuery, QueryNode, TermNode } from './ast.js';
import { parseQuery } from './parse.js';
import { findTerm, termPattern, type TermPattern } from './patterns.js';

export type CompiledNode =
  | { type: 'term'; term: TermNode; pattern: TermPattern }
  | { type: 'and' | 'or'; children: CompiledNode[] }
  | { type: 'not'; child: CompiledNode };

export interface CompiledQuery {
  parsed: ParsedQuery;
  root: CompiledNode | null;
  /// The terms that find articles (not the excluded ones): what to mark in a hit.
  positive: TermPattern[];
  /// The same terms written back in the query language, one per term, for the reader to mark.
  terms: string[];
}

/// An article's words, for evaluating a query on it.
export interface ArticleTokens {
  title: readonly Token[];
  body: readonly Token[];
}

function compileNode(node: QueryNode, negated: boolean, positive: TermPattern[], terms: string[]): CompiledNode {
  switch (node.type) {
    case 'term': {
      const pattern = termPattern(node);
      if (!negated) {
        positive.push(pattern);
        terms.push(termText(node));
      }
      return { type: 'term', term: node, pattern };
    }
    case 'not':
      return { type: 'not', child: compileNode(node.child, !negated, positive, terms) };
    default:
      return { type: node.type, children: node.children.map((c) => compileNode(c, negated, positive, terms)) };
  }
}

/// A term in the query language (without its field): `word`, `"a phrase"`, `pre*`.
export function termText(node: TermNode): string {
  if (node.quoted) return `"${node.text}"`;
  return node.prefix ? `${node.text}*` : node.text;
}

export function compileQuery(parsed: ParsedQuery): CompiledQuery {
  const positive: TermPattern[] = [];
  const terms: string[] = [];
  const root = parsed.text ? compileNode(parsed.text, false, positive, terms) : null;
  return { parsed, root, positive, terms };
}

/// Whether an article satisfies the text part of a query; with `strict`, words match only in
/// the script they were typed in.
export function evaluate(node: CompiledNode, article: ArticleTokens, strict: boolean): boolean {
  switch (node.type) {
    case 'term': {
      const { pattern } = node;
      if (findTerm(pattern, article.title, strict).length > 0) return true;
      return pattern.field === null && findTerm(pattern, article.body, strict).length > 0;
    }
    case 'and':
      return node.children.every((c) => evaluate(c, article, strict));
    case 'or':
      return node.children.some((c) => evaluate(c, article, strict));
    case 'not':
      return !evaluate(node.child, article, strict);
  }
}

/// A stretch of text to mark, in UTF-16 offsets.
export interface MatchRange {
  start: number;
  end: number;
}

/// The stretches of `tokens` that the terms match, in text order, as offsets into their text.
export function matchRanges(patterns: readonly TermPattern[], tokens: readonly Token[], strict: boolean, inTitle = false): MatchRange[] {
  const marked = new Uint8Array(tokens.length);
  for (const p of patterns) {
    if (p.field === 'title' && !inTitle) continue;
    for (const [a, b] of findTerm(p, tokens, strict)) for (let i = a; i <= b; i++) marked[i] = 1;
  }
  const out: MatchRange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!marked[i]) continue;
    let j = i;
    // A phrase is marked as one stretch, spaces included.
    while (j + 1 < tokens.length && marked[j + 1] && samePhrase(patterns, tokens, i, j + 1)) j++;
    out.push({ start: tokens[i].start, end: tokens[j].end });
    i = j;
  }
  return out;
}

function samePhrase(patterns: readonly TermPattern[], tokens: readonly Token[], from: number, to: number): boolean {
  // Only join neighbours that one multi-word term matched together.
  for (const p of patterns) {
    if (p.words.length < 2) continue;
    for (const [a, b] of findTerm(p, tokens.slice(from, to + 1), false)) if (a === 0 && b === to - from) return true;
  }
  return false;
}

/// Mark the terms of a search (its `terms`) in a text: the reader's highlights when it is
/// opened from a search. Terms that do not parse are skipped.
export function highlightTerms(text: string, terms: readonly string[], options: { strict?: boolean; inTitle?: boolean } = {}): MatchRange[] {
  const patterns: TermPattern[] = [];
  for (const t of terms) {
    const r = parseQuery(t);
    if (r.ok) patterns.push(...compileQuery(r.query).positive);
  }
  return matchRanges(patterns, tokenize(text), options.strict ?? false, options.inTitle ?? false);
}
