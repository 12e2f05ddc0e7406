import { collectionArticleIds } from '../collections/model.js';
import { searchAllFor } from '../collections/search-all.js';
import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { facets, getArticle, listArticles } from './queries.js';

export function articleHandlers(ctx: ArchiveContext): Pick<ArchiveHandlers, 'listArticles' | 'getArticle' | 'facets'> {
  return {
    listArticles: async ({ collectionId, ...args }) => {
      // A collection's members may follow a saved search, so they are worked out here, not in SQL.
      const articleIds = collectionId ? await collectionArticleIds(ctx.lib, collectionId, searchAllFor(ctx)) : undefined;
      return listArticles(ctx.lib, { ...args, articleIds });
    },
    getArticle: ({ id }) => getArticle(ctx.lib, id),
    facets: () => facets(ctx.lib),
  };
}
