import type { ArchiveContext } from '../context.js';
import { searchHandlers } from '../search/handlers.js';
import type { SearchAll } from './model.js';

/// The most hits one query may bring into a collection or an export.
export const MAX_HITS = 100_000;
const PAGE = 200;

/// Every hit of a query, through the search module's own call (the same parsing, the same
/// matching of scripts, the same errors for a bad query), page by page.
export function searchAllFor(ctx: ArchiveContext): SearchAll {
  const { search } = searchHandlers(ctx);
  return async (query, script) => {
    const ids: number[] = [];
    for (let offset = 0; offset < MAX_HITS; offset += PAGE) {
      const r = await search({ query, script, offset, limit: PAGE }, { transport: 'cli' });
      for (const hit of r.results) ids.push(hit.id);
      if (r.results.length < PAGE || ids.length >= r.total) break;
    }
    return ids;
  };
}
