import { searchAllFor } from '../collections/search-all.js';
import type { ArchiveContext } from '../context.js';
import { importExchangeFile } from '../exchange/import.js';
import type { ArchiveHandlers } from '../handlers.js';
import { runExport } from './run.js';

export type ExportHandlersNames = 'startExport' | 'importAnnotations';

/// Exports and imports back run as jobs: the call returns at once with an id to follow.
export function exportHandlers(ctx: ArchiveContext): Pick<ArchiveHandlers, ExportHandlersNames> {
  const searchAll = searchAllFor(ctx);
  return {
    startExport: (args) => ({ jobId: ctx.jobs.start(`export:${args.format}`, (job) => runExport(ctx, args, searchAll, job)) }),
    importAnnotations: ({ path }) => ({ jobId: ctx.jobs.start('import-annotations', (job) => importExchangeFile(ctx, path, job)) }),
  };
}
