import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  getCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
  type SearchAll,
} from './model.js';
import { searchAllFor } from './search-all.js';

export type CollectionHandlersNames = 'listCollections' | 'createCollection' | 'addToCollection' | 'removeFromCollection' | 'renameCollection' | 'deleteCollection';

/// Collections over the contract. `searchAll` is the search module's unless a caller supplies one.
export function collectionHandlers(ctx: ArchiveContext, searchAll: SearchAll = searchAllFor(ctx)): Pick<ArchiveHandlers, CollectionHandlersNames> {
  const { lib } = ctx;
  return {
    listCollections: () => listCollections(lib, searchAll),
    createCollection: (args) => createCollection(lib, args, searchAll),
    addToCollection: async (args) => {
      await addToCollection(lib, args, searchAll);
      return getCollection(lib, args.id, searchAll);
    },
    removeFromCollection: async (args) => {
      await removeFromCollection(lib, args);
      return getCollection(lib, args.id, searchAll);
    },
    renameCollection: (args) => {
      renameCollection(lib, args);
      return getCollection(lib, args.id, searchAll);
    },
    deleteCollection: ({ id }) => ({ deleted: deleteCollection(lib, id) }),
  };
}
