import { articleHandlers } from './articles/handlers.js';
import { annotationHandlers } from './annotations/handlers.js';
import { collectionHandlers } from './collections/handlers.js';
import type { ArchiveContext } from './context.js';
import { openLibrary, type OpenOptions } from './db/open.js';
import { exportHandlers } from './export/handlers.js';
import type { ArchiveHandlers } from './handlers.js';
import { JobRegistry } from './jobs.js';
import { libraryHandlers } from './library/handlers.js';
import { searchHandlers } from './search/handlers.js';
import { tagHandlers } from './tags/handlers.js';
import { appVersion, defaultExportDir, samplesDir } from './app-info.js';

export interface Archive {
  ctx: ArchiveContext;
  handlers: ArchiveHandlers;
  close(): void;
}

/// The archive behind the contract: one object per open library, whose handlers every
/// transport (IPC, HTTP, the CLI) calls after validating the input.
export function createArchive(ctx: ArchiveContext): Archive {
  const handlers: ArchiveHandlers = {
    ...libraryHandlers(ctx),
    ...articleHandlers(ctx),
    ...searchHandlers(ctx),
    ...annotationHandlers(ctx),
    ...tagHandlers(ctx),
    ...collectionHandlers(ctx),
    ...exportHandlers(ctx),
  };
  return { ctx, handlers, close: () => ctx.lib.close() };
}

/// Open the library at `path` (creating it when missing; `open` may ask for a read-only
/// connection instead) and build its archive.
export function openArchive(path: string, options: Partial<Omit<ArchiveContext, 'lib' | 'jobs'>> = {}, open: OpenOptions = {}): Archive {
  const lib = openLibrary(path, open);
  return createArchive({
    lib,
    jobs: new JobRegistry(),
    appVersion: options.appVersion ?? appVersion(),
    samplesDir: options.samplesDir ?? samplesDir(),
    exportDir: options.exportDir ?? defaultExportDir(path),
  });
}
