// lang:, source: and date: as one SQL condition on `articles a`, written so that SQLite can
// answer it from the indexes on lang, source and date (no per-article row reads, which at
// 100,000 articles cost more than the full-text search itself). Values always travel as
// parameters.

import type { Filter } from '../../../shared/query/index.js';
import type { Library } from '../db/open.js';

export interface SqlCondition {
  sql: string;
  params: (string | number)[];
}

/// A language tag in the case it is stored in (BCP 47: `uz`, `uz-Cyrl`, `pt-BR`).
export function canonicalLang(tag: string): string {
  return tag
    .split('-')
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 4 ? part[0].toUpperCase() + part.slice(1).toLowerCase() : part.length === 2 ? part.toUpperCase() : part.toLowerCase()))
    .join('-');
}

function condition(lib: Library, f: Filter): SqlCondition {
  switch (f.kind) {
    case 'lang': {
      const tag = canonicalLang(f.value);
      // lang:uz is every Uzbek article, whatever its script: uz, uz-Cyrl, uz-Latn (an index range).
      return { sql: `(a.lang = ? OR (a.lang >= ? AND a.lang < ?))`, params: [tag, `${tag}-`, `${tag}.`] };
    }
    case 'source': {
      // A source's name, or its beginning (source:kun finds kun.uz), in any case. The library
      // has few sources: pick them here, and let the index find their articles.
      const wanted = f.value.toLowerCase();
      const sources = (lib.stmt('SELECT DISTINCT source FROM articles WHERE source IS NOT NULL').pluck().all() as string[]).filter((s) =>
        s.toLowerCase().startsWith(wanted),
      );
      if (sources.length === 0) return { sql: '0', params: [] };
      return { sql: `a.source IN (${sources.map(() => '?').join(', ')})`, params: sources };
    }
    case 'date': {
      const parts: string[] = ['a.date IS NOT NULL'];
      const params: string[] = [];
      if (f.from) parts.push('a.date >= ?'), params.push(f.from);
      if (f.to) parts.push('a.date <= ?'), params.push(f.to);
      return { sql: `(${parts.join(' AND ')})`, params };
    }
  }
}

/// The filters as conditions on `articles a`: `include` (alternatives within a kind, every kind
/// required) and one `exclude` condition per negated filter, each in a form the indexes answer.
export interface FilterConditions {
  include: SqlCondition | null;
  exclude: SqlCondition[];
}

export function filterConditions(lib: Library, filters: readonly Filter[]): FilterConditions | null {
  if (filters.length === 0) return null;
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const exclude: SqlCondition[] = [];
  for (const kind of ['lang', 'source', 'date'] as const) {
    const positive = filters.filter((f) => f.kind === kind && !f.negated).map((f) => condition(lib, f));
    if (positive.length > 0) {
      parts.push(positive.length === 1 ? positive[0].sql : `(${positive.map((c) => c.sql).join(' OR ')})`);
      for (const c of positive) params.push(...c.params);
    }
    for (const f of filters.filter((g) => g.kind === kind && g.negated)) exclude.push(condition(lib, f));
  }
  return { include: parts.length > 0 ? { sql: parts.join(' AND '), params } : null, exclude };
}

/// All the filters as one condition on the row `a` (for reading articles one by one).
export function rowCondition(f: FilterConditions): SqlCondition {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (f.include) parts.push(f.include.sql), params.push(...f.include.params);
  for (const c of f.exclude) parts.push(`NOT coalesce(${c.sql}, 0)`), params.push(...c.params);
  return { sql: parts.join(' AND '), params };
}
