// The search call: parse the query, look the folded words up in the index (forms expanded
// through its vocabulary), filter, rank by bm25 with titles weighing more, cut snippets.

import type { CallArgs, CallOutput } from '../../../shared/contract/index.js';
import { compileQuery, parseQuery } from '../../../shared/query/index.js';
import type { Library } from '../db/open.js';
import { QalamError } from '../errors.js';
import { filterConditions, rowCondition, type FilterConditions, type SqlCondition } from './filters.js';
import { splitTop } from './fts-expression.js';
import { makeSnippet } from './snippet.js';
import { strictChecker } from './strict.js';

export type SearchArgs = CallArgs<'search'>;
export type SearchResult = CallOutput<'search'>;

/// bm25 weights of the index's columns (title, body).
const TITLE_WEIGHT = 3;
const BODY_WEIGHT = 1;
const RANK = `bm25(articles_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT})`;

interface ArticleRow {
  id: number;
  title: string;
  date: string | null;
  lang: string;
  source: string | null;
  path: string | null;
  text: string;
}

/// The FROM clause (and its parameters) of the hits of `match` that pass the filters. When few
/// articles match, each hit's row is read and tested; when many do, the ids the filters pick are
/// gathered once from the indexes and each hit is looked up among them (reading a row per hit
/// would be most of the query's time at 100,000 articles). The unary + keeps SQLite from
/// handing that IN to FTS5, which would run the full-text query once per id.
function filteredHits(lib: Library, match: string, filters: FilterConditions): { from: string; params: (string | number)[] } {
  const hits = lib.stmt('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(match) as number;
  const size = (c: SqlCondition) => lib.stmt(`SELECT count(*) FROM articles a WHERE ${c.sql}`).pluck().get(...c.params) as number;
  const sets = [filters.include, ...filters.exclude].filter((c): c is SqlCondition => c !== null);
  const setCost = sets.reduce((n, c) => n + size(c), 0);
  if (hits * ROW_READ_COST < setCost) {
    const row = rowCondition(filters);
    return { from: `FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND ${row.sql}`, params: [match, ...row.params] };
  }
  let from = 'FROM articles_fts WHERE articles_fts MATCH ?';
  const params: (string | number)[] = [match];
  if (filters.include) (from += ` AND +articles_fts.rowid IN (SELECT a.id FROM articles a WHERE ${filters.include.sql})`), params.push(...filters.include.params);
  for (const c of filters.exclude) (from += ` AND +articles_fts.rowid NOT IN (SELECT a.id FROM articles a WHERE ${c.sql})`), params.push(...c.params);
  return { from, params };
}

/// How many ids gathered from an index cost as much as reading one article row (measured).
const ROW_READ_COST = 10;

interface Ranked {
  id: number;
  rank: number;
}

/// What the search call takes, plus what only in-process callers (evaluation, exports) ask for.
export interface SearchOptions extends Partial<SearchArgs> {
  query: string;
  /// Leave snippets empty (callers that want ids only, over many hits).
  snippets?: boolean;
}

/// Search the library. Throws QalamError('bad_query') with a sentence for a malformed query.
export function searchArticles(lib: Library, input: SearchOptions): SearchResult {
  const { snippets = true, ...rest } = input;
  const args: SearchArgs = { script: 'any', offset: 0, limit: 50, ...rest };
  const parsed = parseQuery(args.query);
  if (!parsed.ok) throw new QalamError('bad_query', parsed.error.message);
  const compiled = compileQuery(parsed.query);
  const strict = args.script === 'exact';
  const filters = filterConditions(lib, parsed.query.filters);
  const filter = filters ? rowCondition(filters) : null;

  const top = compiled.root ? splitTop(lib, compiled.root) : { positive: null, negative: null };
  let total: number;
  let page: Ranked[];

  if (top.positive !== null) {
    const { from, params } = filters ? filteredHits(lib, top.positive, filters) : { from: 'FROM articles_fts WHERE articles_fts MATCH ?', params: [top.positive] };
    if (strict) {
      const check = strictChecker(compiled);
      const loadOne = lib.stmt('SELECT title, text FROM articles WHERE id = ?');
      const all = lib.stmt(`SELECT articles_fts.rowid AS id, ${RANK} AS rank ${from} ORDER BY rank`).all(...params) as Ranked[];
      const kept = all.filter((r) => {
        const row = loadOne.get(r.id) as { title: string; text: string };
        return check(row.title, row.text);
      });
      total = kept.length;
      page = kept.slice(args.offset, args.offset + args.limit);
    } else {
      total = lib.stmt(`SELECT count(*) ${from}`).pluck().get(...params) as number;
      page = lib.stmt(`SELECT articles_fts.rowid AS id, ${RANK} AS rank ${from} ORDER BY rank LIMIT ? OFFSET ?`).all(...params, args.limit, args.offset) as Ranked[];
    }
  } else {
    // Filters and exclusions only: newest first.
    const conditions: string[] = [];
    const params: (string | number)[] = [];
    if (top.negative !== null) {
      conditions.push('a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
      params.push(top.negative);
    }
    if (filter && filter.sql) (conditions.push(filter.sql), params.push(...filter.params));
    const from = `FROM articles a WHERE ${conditions.join(' AND ')}`;
    if (strict && compiled.root) {
      const check = strictChecker(compiled);
      const rows = lib.stmt(`SELECT a.id AS id, a.title AS title, a.text AS text ${from} ORDER BY a.date DESC, a.id DESC`).all(...params) as ArticleRow[];
      const kept = rows.filter((r) => check(r.title, r.text)).map((r) => ({ id: r.id, rank: 0 }));
      total = kept.length;
      page = kept.slice(args.offset, args.offset + args.limit);
    } else {
      total = lib.stmt(`SELECT count(*) ${from}`).pluck().get(...params) as number;
      page = (lib.stmt(`SELECT a.id AS id ${from} ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?`).all(...params, args.limit, args.offset) as { id: number }[]).map(
        (r) => ({ id: r.id, rank: 0 }),
      );
    }
  }

  const load = lib.stmt('SELECT id, title, date, lang, source, orig_path AS path, text FROM articles WHERE id = ?');
  const results = page.map(({ id, rank }) => {
    const a = load.get(id) as ArticleRow;
    return {
      id: a.id,
      title: a.title,
      date: a.date,
      lang: a.lang,
      source: a.source,
      path: a.path,
      snippet: snippets ? makeSnippet(a.text, compiled.positive, strict) : '',
      // bm25 is lower for better matches; the score is higher for them.
      score: rank === 0 ? 0 : Math.round(-rank * 1e4) / 1e4,
    };
  });
  return { total, results, terms: compiled.terms };
}
