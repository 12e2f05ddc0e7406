import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { notYet } from '../errors.js';

export type TagHandlersNames = 'listTags' | 'createTag' | 'updateTag' | 'mergeTags' | 'deleteTag';

export function tagHandlers(_ctx: ArchiveContext): Pick<ArchiveHandlers, TagHandlersNames> {
  const missing = () => { throw notYet('tag'); };
  return Object.fromEntries((['listTags' , 'createTag' , 'updateTag' , 'mergeTags' , 'deleteTag'] as const).map((n) => [n, missing])) as unknown as Pick<ArchiveHandlers, TagHandlersNames>;
}
