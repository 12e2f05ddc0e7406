import { z } from 'zod';
import { call } from './define.js';
import { article, articleSummary, id, isoDate } from './schemas.js';

export const articleFilter = z.object({
  lang: z.string().max(40).optional(),
  source: z.string().max(500).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  tagId: id.optional(),
  collectionId: id.optional(),
});

export const articleCalls = {
  listArticles: call(
    articleFilter.extend({
      sort: z.enum(['date', 'title', 'imported']).default('date'),
      order: z.enum(['asc', 'desc']).default('desc'),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ total: z.number(), items: z.array(articleSummary) }),
    'A page of the library, sorted and filtered.',
  ),
  getArticle: call(z.object({ id }), article, 'One article with its text and provenance.'),
  facets: call(
    z.object({}),
    z.object({
      langs: z.array(z.object({ value: z.string(), count: z.number() })),
      sources: z.array(z.object({ value: z.string(), count: z.number() })),
      dateMin: z.string().nullable(),
      dateMax: z.string().nullable(),
    }),
    'Values to filter the library by.',
  ),
};
