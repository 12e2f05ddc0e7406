import { z } from 'zod';
import { call } from './define.js';
import { collection, id, searchScript } from './schemas.js';

const name = z.string().trim().min(1, 'a collection needs a name').max(200);
const query = z.string().max(2000).optional();
/// How `query` matches scripts, as in `search`; `any` when omitted.
const script = searchScript.optional();

export const collectionCalls = {
  listCollections: call(z.object({}), z.array(collection), 'Every collection with its size.'),
  createCollection: call(
    z.object({ name, description: z.string().max(10_000).optional(), query, script }),
    collection,
    'A named set of articles; with a query, a saved search whose members follow it.',
  ),
  addToCollection: call(
    z.object({ id, articleIds: z.array(id).max(100_000).optional(), query, script, tagId: id.optional() }),
    collection,
    'Add articles by hand, all hits of a search, or every article with passages of a tag.',
  ),
  removeFromCollection: call(z.object({ id, articleIds: z.array(id).min(1).max(100_000) }), collection, 'Remove articles.'),
  renameCollection: call(z.object({ id, name, description: z.string().max(10_000).optional() }), collection, 'Rename or describe.'),
  deleteCollection: call(z.object({ id }), z.object({ deleted: z.boolean() }), 'Delete a collection (its articles stay).'),
};
