import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { notYet } from '../errors.js';

export type SearchHandlersNames = 'search';

export function searchHandlers(_ctx: ArchiveContext): Pick<ArchiveHandlers, SearchHandlersNames> {
  const missing = () => { throw notYet('search'); };
  return Object.fromEntries((['search'] as const).map((n) => [n, missing])) as unknown as Pick<ArchiveHandlers, SearchHandlersNames>;
}
