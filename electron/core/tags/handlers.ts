import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { createTag, deleteTag, listTags, mergeTags, updateTag } from './model.js';

/// The contract calls this area answers.
export type TagHandlersNames = 'listTags' | 'createTag' | 'updateTag' | 'mergeTags' | 'deleteTag';

/// The codebook calls of the contract; each write runs in one transaction.
export function tagHandlers(ctx: ArchiveContext): Pick<ArchiveHandlers, TagHandlersNames> {
  const { lib } = ctx;
  const inTransaction = <T>(work: () => T): T => lib.db.transaction(work)();
  return {
    listTags: () => listTags(lib),
    createTag: (args) => inTransaction(() => createTag(lib, args)),
    updateTag: ({ id, ...changes }) => inTransaction(() => updateTag(lib, id, changes)),
    mergeTags: ({ sourceId, targetId }) => inTransaction(() => mergeTags(lib, sourceId, targetId)),
    deleteTag: ({ id, force }) => inTransaction(() => deleteTag(lib, id, force)),
  };
}
