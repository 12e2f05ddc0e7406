import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { notYet } from '../errors.js';

export type ExportHandlersNames = 'startExport' | 'importAnnotations';

export function exportHandlers(_ctx: ArchiveContext): Pick<ArchiveHandlers, ExportHandlersNames> {
  const missing = () => { throw notYet('export'); };
  return Object.fromEntries((['startExport' , 'importAnnotations'] as const).map((n) => [n, missing])) as unknown as Pick<ArchiveHandlers, ExportHandlersNames>;
}
