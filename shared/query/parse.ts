// Parser of the Qalam query language:
//
//   Тошкент Samarqand        both words (in any script, with their suffixed forms)
//   "Oʻzbekiston Respublikasi"   the exact words, in this order
//   Toshkent OR Samarqand    either (OR binds tighter than the implicit AND)
//   -Buxoro, NOT Buxoro      without it
//   toshk*                   any word starting so
//   title:Toshkent, title:"…", title:(a OR b)
//   lang:uz  source:kun.uz  date:2025-01-01..2025-12-31  date:2025  date:..2024-06  (-lang:ru)
//   ( … )                    grouping
//
// Malformed input is a QueryError with a sentence and a position, never an exception.

import { daysInMonth } from '../calendar.js';
import { tokenize } from '../text/index.js';
import type { Filter, ParseResult, ParsedQuery, QueryError, QueryNode, TermNode } from './ast.js';

type Lexeme =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'phrase'; text: string; at: number }
  | { kind: 'field'; name: string; at: number }
  | { kind: 'filter'; name: 'lang' | 'source' | 'date'; value: string; at: number }
  | { kind: 'open' | 'close' | 'or' | 'and' | 'not' | 'minus'; at: number };

class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const OPEN_QUOTES = new Set(['"', '“', '„', '«', '”']);
const CLOSE_QUOTES = new Set(['"', '”', '“', '»']);
const FIELDS = new Set(['title']);
const FILTERS = new Set(['lang', 'source', 'date']);

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\u3000';
}

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      out.push({ kind: ch === '(' ? 'open' : 'close', at: i });
      i++;
    } else if (OPEN_QUOTES.has(ch)) {
      let j = i + 1;
      while (j < n && !CLOSE_QUOTES.has(input[j])) j++;
      if (j >= n) throw new QuerySyntaxError('A quote is not closed: add the closing " or remove the opening one.', i);
      out.push({ kind: 'phrase', text: input.slice(i + 1, j), at: i });
      i = j + 1;
    } else if (ch === '-' && (i === 0 || isSpace(input[i - 1]) || input[i - 1] === '(')) {
      if (i + 1 >= n || isSpace(input[i + 1]) || input[i + 1] === ')')
        throw new QuerySyntaxError('“-” must be followed directly by the word to leave out (-word).', i);
      out.push({ kind: 'minus', at: i });
      i++;
    } else {
      let j = i;
      while (j < n && !isSpace(input[j]) && input[j] !== '(' && input[j] !== ')' && !OPEN_QUOTES.has(input[j])) j++;
      const chunk = input.slice(i, j);
      const colon = chunk.indexOf(':');
      const name = colon > 0 ? chunk.slice(0, colon).toLowerCase() : '';
      if (chunk === 'OR' || chunk === '|') out.push({ kind: 'or', at: i });
      else if (chunk === 'AND') out.push({ kind: 'and', at: i });
      else if (chunk === 'NOT') out.push({ kind: 'not', at: i });
      else if (FIELDS.has(name)) {
        out.push({ kind: 'field', name, at: i });
        if (colon + 1 < chunk.length) out.push({ kind: 'word', text: chunk.slice(colon + 1), at: i + colon + 1 });
        else if (j >= n || isSpace(input[j])) throw new QuerySyntaxError(`${name}: needs a word, a "phrase" or (…) right after it.`, i);
      } else if (FILTERS.has(name)) {
        let value = chunk.slice(colon + 1);
        // source:"Kun uz" — a quoted filter value.
        if (value === '' && j < n && OPEN_QUOTES.has(input[j])) {
          let k = j + 1;
          while (k < n && !CLOSE_QUOTES.has(input[k])) k++;
          if (k >= n) throw new QuerySyntaxError('A quote is not closed: add the closing " or remove the opening one.', j);
          value = input.slice(j + 1, k);
          j = k + 1;
        }
        if (value.trim() === '') throw new QuerySyntaxError(`${name}: needs a value, e.g. ${FILTER_EXAMPLES[name]}.`, i);
        out.push({ kind: 'filter', name: name as 'lang' | 'source' | 'date', value: value.trim(), at: i });
      } else out.push({ kind: 'word', text: chunk, at: i });
      i = j;
    }
  }
  return out;
}

const FILTER_EXAMPLES: Record<string, string> = { lang: 'lang:uz', source: 'source:kun.uz', date: 'date:2025-01-01..2025-12-31' };

const LANG = /^[a-z]{2,3}(-[a-z]{4})?(-[a-z0-9]{2,8})*$/i;
const DATE_PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/// A date, a month or a year as the first or last day it covers; null when it is no date.
function dateBound(text: string, end: boolean): string | null {
  const m = DATE_PART.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? (end ? 12 : 1) : Number(m[2]);
  if (month < 1 || month > 12) return null;
  const days = daysInMonth(year, month);
  const day = m[3] === undefined ? (end ? days : 1) : Number(m[3]);
  if (day < 1 || day > days) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseFilter(lexeme: Extract<Lexeme, { kind: 'filter' }>, negated: boolean): Filter {
  const { name, value, at } = lexeme;
  if (name === 'lang') {
    if (!LANG.test(value)) throw new QuerySyntaxError(`lang: expects a language code such as uz, uz-Cyrl, kk, ru or en, not “${value}”.`, at);
    return { kind: 'lang', value: value.toLowerCase(), negated };
  }
  if (name === 'source') return { kind: 'source', value, negated };
  const range = value.split('..');
  const bad = () =>
    new QuerySyntaxError(`date: expects YYYY-MM-DD, YYYY-MM or YYYY, or a range such as 2025-01-01..2025-12-31 (either end may be left out), not “${value}”.`, at);
  if (range.length > 2) throw bad();
  if (range.length === 1) {
    const from = dateBound(value, false);
    const to = dateBound(value, true);
    if (!from || !to) throw bad();
    return { kind: 'date', from, to, negated };
  }
  const from = range[0] === '' ? null : dateBound(range[0], false);
  const to = range[1] === '' ? null : dateBound(range[1], true);
  if ((range[0] !== '' && !from) || (range[1] !== '' && !to) || (!from && !to)) throw bad();
  if (from && to && from > to) throw new QuerySyntaxError(`date: the range ${value} ends before it starts.`, at);
  return { kind: 'date', from, to, negated };
}

/// Whether a word chunk holds anything the index could find.
function hasWords(text: string): boolean {
  return tokenize(text).length > 0;
}

class Parser {
  private pos = 0;
  readonly filters: Filter[] = [];

  constructor(
    private readonly lexemes: Lexeme[],
    private readonly input: string,
  ) {}

  private peek(): Lexeme | undefined {
    return this.lexemes[this.pos];
  }

  private get end(): number {
    return this.input.length;
  }

  parse(): QueryNode | null {
    const node = this.parseAnd(0);
    const rest = this.peek();
    if (rest) throw new QuerySyntaxError(rest.kind === 'close' ? 'A closing parenthesis has no opening one.' : 'Unexpected text.', rest.at);
    return node;
  }

  /// A sequence of OR-groups, all required. `depth` > 0 inside parentheses.
  private parseAnd(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const next = this.peek();
      if (!next || next.kind === 'close') break;
      if (next.kind === 'and') {
        this.pos++;
        const after = this.peek();
        if (children.length === 0 || !after || after.kind === 'close' || after.kind === 'or' || after.kind === 'and')
          throw new QuerySyntaxError('AND needs a word on each side.', next.at);
        continue;
      }
      if (next.kind === 'or') throw new QuerySyntaxError('OR needs a word on each side.', next.at);
      const node = this.parseOr(depth);
      if (node) children.push(node);
    }
    return group('and', children);
  }

  private parseOr(depth: number): QueryNode | null {
    const startAt = this.peek()?.at ?? this.end;
    const first = this.parseUnary(depth, false);
    const children: QueryNode[] = [];
    let sawOr = false;
    if (first) children.push(first);
    while (this.peek()?.kind === 'or') {
      const orAt = this.peek()!.at;
      this.pos++;
      sawOr = true;
      const after = this.peek();
      if ((!first && children.length === 0) || !after || after.kind === 'close' || after.kind === 'or' || after.kind === 'and')
        throw new QuerySyntaxError('OR needs a word on each side.', orAt);
      const node = this.parseUnary(depth, true);
      if (node) children.push(node);
    }
    if (sawOr && children.length < 2) throw new QuerySyntaxError('OR needs a word on each side.', startAt);
    return group('or', children);
  }

  private parseUnary(depth: number, inOr: boolean): QueryNode | null {
    const next = this.peek();
    if (!next) return null;
    if (next.kind === 'minus' || next.kind === 'not') {
      this.pos++;
      const target = this.peek();
      const what = next.kind === 'minus' ? '“-”' : 'NOT';
      if (!target || target.kind === 'close' || target.kind === 'or' || target.kind === 'and' || target.kind === 'minus' || target.kind === 'not')
        throw new QuerySyntaxError(`${what} must be followed by the word to leave out.`, next.at);
      if (target.kind === 'filter') {
        if (depth > 0 || inOr) throw this.filterPlacement(target);
        this.pos++;
        this.filters.push(parseFilter(target, true));
        return null;
      }
      const child = this.parsePrimary(depth, null);
      if (!child) throw new QuerySyntaxError(`${what} must be followed by a word to leave out.`, next.at);
      return { type: 'not', child };
    }
    if (next.kind === 'filter') {
      if (depth > 0 || inOr || this.lexemes[this.pos + 1]?.kind === 'or') throw this.filterPlacement(next);
      this.pos++;
      this.filters.push(parseFilter(next, false));
      return null;
    }
    return this.parsePrimary(depth, null);
  }

  private filterPlacement(l: Lexeme): QuerySyntaxError {
    return new QuerySyntaxError(
      'lang:, source: and date: apply to the whole query: write them outside parentheses and OR (two of one kind, e.g. lang:uz lang:kk, mean either).',
      l.at,
    );
  }

  private parsePrimary(depth: number, field: 'title' | null): QueryNode | null {
    const next = this.peek();
    if (!next) return null;
    switch (next.kind) {
      case 'open': {
        this.pos++;
        const inner = this.parseAnd(depth + 1);
        const close = this.peek();
        if (!close || close.kind !== 'close') throw new QuerySyntaxError('A parenthesis is not closed: add “)”.', next.at);
        this.pos++;
        if (!inner) throw new QuerySyntaxError('The parentheses hold no word to search for.', next.at);
        return field ? withField(inner, field) : inner;
      }
      case 'field': {
        if (field) throw new QuerySyntaxError('title: cannot be nested.', next.at);
        this.pos++;
        const target = this.peek();
        if (!target || (target.kind !== 'word' && target.kind !== 'phrase' && target.kind !== 'open'))
          throw new QuerySyntaxError('title: needs a word, a "phrase" or (…) right after it.', next.at);
        const node = this.parsePrimary(depth, 'title');
        if (!node) throw new QuerySyntaxError('title: needs a word to search for.', next.at);
        return node;
      }
      case 'phrase': {
        this.pos++;
        if (!hasWords(next.text)) throw new QuerySyntaxError('The quotes hold no word to search for.', next.at);
        return { type: 'term', text: next.text.trim(), quoted: true, prefix: false, field };
      }
      case 'word': {
        this.pos++;
        let text = next.text;
        const prefix = text.endsWith('*');
        if (prefix) text = text.replace(/\*+$/, '');
        if (text.includes('*')) throw new QuerySyntaxError('* goes at the end of a word (toshk*).', next.at);
        if (!hasWords(text)) {
          if (prefix) throw new QuerySyntaxError('* needs the start of a word before it (toshk*).', next.at);
          // Stray punctuation between words is ignored; a query of nothing else is refused below.
          return null;
        }
        if (prefix) {
          const tokens = tokenize(text);
          if (tokens.length === 1 && tokens[0].key.length < 2) throw new QuerySyntaxError('A prefix needs at least two letters before *.', next.at);
        }
        return { type: 'term', text, quoted: false, prefix, field };
      }
      default:
        throw new QuerySyntaxError('Unexpected operator.', next.at);
    }
  }
}

function withField(node: QueryNode, field: 'title'): QueryNode {
  switch (node.type) {
    case 'term':
      return { ...node, field };
    case 'not':
      return { type: 'not', child: withField(node.child, field) };
    default:
      return { type: node.type, children: node.children.map((c) => withField(c, field)) } as QueryNode;
  }
}

/// What a node asks for: a word typed twice, or in other capitals, asks for the same thing. (Not
/// the folded key: a word in another script is another question when the search keeps to the
/// script typed.)
function nodeKey(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return `${node.field ?? ''}|${node.quoted ? 'q' : ''}${node.prefix ? '*' : ''}|${node.text.toLowerCase().split(/\s+/).join(' ')}`;
    case 'not':
      return `-(${nodeKey(node.child)})`;
    default:
      return `${node.type}(${node.children.map(nodeKey).join(',')})`;
  }
}

/// An AND or OR of these children, each asked for once: `th* th* th*` is `th*`. Repeats change
/// nothing in what matches, but each would cost the full-text index a lookup of its own.
function group(type: 'and' | 'or', children: QueryNode[]): QueryNode | null {
  const seen = new Set<string>();
  const distinct = children.filter((c) => {
    const key = nodeKey(c);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (distinct.length === 0) return null;
  return distinct.length === 1 ? distinct[0] : { type, children: distinct };
}

/// The most different words and phrases one query searches for, and of them the most prefixes
/// (`toshk*`, each a scan of every index key that starts so): beyond these, one query could keep
/// the library busy for minutes.
export const MAX_QUERY_TERMS = 64;
export const MAX_QUERY_PREFIXES = 16;

function checkSize(node: QueryNode): void {
  const terms = new Set<string>();
  const prefixes = new Set<string>();
  const visit = (n: QueryNode): void => {
    if (n.type === 'term') {
      const key = nodeKey(n);
      terms.add(key);
      if (n.prefix) prefixes.add(key);
    } else if (n.type === 'not') visit(n.child);
    else n.children.forEach(visit);
  };
  visit(node);
  if (terms.size > MAX_QUERY_TERMS) throw new QuerySyntaxError(`The query asks for ${terms.size} different words and phrases; at most ${MAX_QUERY_TERMS} can be searched at once.`, 0);
  if (prefixes.size > MAX_QUERY_PREFIXES) throw new QuerySyntaxError(`The query has ${prefixes.size} different words ending in *; at most ${MAX_QUERY_PREFIXES} can be searched at once.`, 0);
}

/// Whether a node can match anything by itself (a NOT alone cannot).
function hasPositive(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
      return true;
    case 'not':
      return false;
    case 'and':
      return node.children.some(hasPositive);
    case 'or':
      return node.children.every(hasPositive);
  }
}

function checkNegations(node: QueryNode, top: boolean): void {
  if (node.type === 'or') {
    for (const c of node.children) {
      if (!hasPositive(c)) throw new QuerySyntaxError('Every side of OR needs a word to find, not only words to leave out.', 0);
      checkNegations(c, false);
    }
  } else if (node.type === 'and') {
    if (!top && !hasPositive(node)) throw new QuerySyntaxError('A group needs a word to find, not only words to leave out.', 0);
    for (const c of node.children) checkNegations(c, false);
  } else if (node.type === 'not') {
    if (!top && node.child.type !== 'term' && !hasPositive(node.child)) throw new QuerySyntaxError('Leave out words, not groups of exclusions.', 0);
    checkNegations(node.child, false);
  }
}

/// Parse a query. Never throws: malformed input comes back as `{ok: false, error}`.
export function parseQuery(input: string): ParseResult {
  try {
    const source = input.normalize('NFC');
    if (source.trim() === '') return fail('The query is empty: type a word to search for.', 0);
    const parser = new Parser(lex(source), source);
    const text = parser.parse();
    if (!text && parser.filters.length === 0) return fail('The query has no word to search for (only punctuation or operators).', 0);
    if (text) checkNegations(text, true);
    if (text) checkSize(text);
    const query: ParsedQuery = { text, filters: parser.filters };
    return { ok: true, query };
  } catch (e) {
    if (e instanceof QuerySyntaxError) return fail(e.message, e.at);
    return fail(`The query could not be read: ${(e as Error).message}`, 0);
  }
}

function fail(message: string, at: number): { ok: false; error: QueryError } {
  return { ok: false, error: { message, at } };
}
