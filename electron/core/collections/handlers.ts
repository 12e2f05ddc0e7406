import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { notYet } from '../errors.js';

export type CollectionHandlersNames = 'listCollections' | 'createCollection' | 'addToCollection' | 'removeFromCollection' | 'renameCollection' | 'deleteCollection';

export function collectionHandlers(_ctx: ArchiveContext): Pick<ArchiveHandlers, CollectionHandlersNames> {
  const missing = () => { throw notYet('collection'); };
  return Object.fromEntries((['listCollections' , 'createCollection' , 'addToCollection' , 'removeFromCollection' , 'renameCollection' , 'deleteCollection'] as const).map((n) => [n, missing])) as unknown as Pick<ArchiveHandlers, CollectionHandlersNames>;
}
