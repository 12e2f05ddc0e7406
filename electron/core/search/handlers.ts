import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { searchArticles } from './search.js';

export type SearchHandlersNames = 'search';

/// The search call of the contract, on the archive's library.
export function searchHandlers(ctx: ArchiveContext): Pick<ArchiveHandlers, SearchHandlersNames> {
  return {
    search: (args) => searchArticles(ctx.lib, args),
  };
}
