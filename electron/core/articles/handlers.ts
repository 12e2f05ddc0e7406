import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { facets, getArticle, listArticles } from './queries.js';

export function articleHandlers(ctx: ArchiveContext): Pick<ArchiveHandlers, 'listArticles' | 'getArticle' | 'facets'> {
  return {
    listArticles: (args) => listArticles(ctx.lib, args),
    getArticle: ({ id }) => getArticle(ctx.lib, id),
    facets: () => facets(ctx.lib),
  };
}
