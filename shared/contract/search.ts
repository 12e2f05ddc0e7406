import { z } from 'zod';
import { call } from './define.js';
import { searchResult, searchScript } from './schemas.js';

export const searchCalls = {
  search: call(
    z.object({
      query: z.string().max(2000),
      /// `any`: a word matches in every script it can be written in; `exact`: only in the script typed.
      script: searchScript.default('any'),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    searchResult,
    'Full-text search with the Qalam query language.',
  ),
};
