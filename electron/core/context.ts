import type { Library } from './db/open.js';
import type { JobRegistry } from './jobs.js';

/// What every area of the archive (articles, search, annotations…) is built on.
export interface ArchiveContext {
  lib: Library;
  jobs: JobRegistry;
  appVersion: string;
  /// Folder of sample articles offered on first run (resources/samples).
  samplesDir: string;
  /// Where exports go when the caller names no path.
  exportDir: string;
}
