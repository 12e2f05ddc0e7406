import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveContext } from '../context.js';
import { QalamError } from '../errors.js';
import type { ArchiveHandlers } from '../handlers.js';
import { importSources } from '../import/pipeline.js';
import { collectSources, type ImportSource } from '../import/sources.js';
import { libraryStats } from './stats.js';

type Names = 'libraryInfo' | 'stats' | 'loadSamples' | 'jobStatus' | 'cancelJob' | 'importPaths' | 'importUpload' | 'batchOf';

/// Decode base64 strictly: a truncated or corrupted upload is a clear error, not garbage text.
function decodeUpload(name: string, data: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
    throw new QalamError('bad_input', `${name}: the upload is not valid base64.`);
  }
  return Buffer.from(data, 'base64');
}

export function libraryHandlers(ctx: ArchiveContext): Pick<ArchiveHandlers, Names> {
  const { lib, jobs } = ctx;

  const startImport = (sources: ImportSource[], failed: { path: string; error: string }[], label: string) =>
    jobs.start('import', ({ progress, signal }) =>
      importSources(lib, sources, { progress: (d, t, m) => progress(d, t, m), signal, failed, label }),
    );

  return {
    libraryInfo: () => {
      const s = libraryStats(lib);
      return { path: lib.path, articles: s.articles, annotations: s.annotations, tags: s.tags, schemaVersion: lib.schemaVersion, appVersion: ctx.appVersion, readOnly: lib.readonly };
    },
    stats: () => libraryStats(lib),
    loadSamples: async () => {
      let names: string[];
      try {
        names = readdirSync(ctx.samplesDir).filter((n) => n.endsWith('.txt')).sort();
      } catch {
        throw new QalamError('not_found', `The sample articles are missing from this installation (${ctx.samplesDir}).`);
      }
      const sources = collectSources(names.map((n) => join(ctx.samplesDir, n)));
      return importSources(lib, sources.sources, { failed: sources.failed, label: 'samples' });
    },
    jobStatus: ({ id }) => jobs.status(id),
    cancelJob: ({ id }) => ({ cancelled: jobs.cancel(id) }),
    importPaths: ({ paths }) => {
      const { sources, failed } = collectSources(paths);
      return { jobId: startImport(sources, failed, paths.length === 1 ? paths[0] : `${paths.length} paths`) };
    },
    importUpload: ({ files }) => {
      const sources: ImportSource[] = files.map((f) => ({ kind: 'bytes', name: f.name, bytes: decodeUpload(f.name, f.dataBase64) }));
      return { jobId: startImport(sources, [], `${files.length} uploaded files`) };
    },
    batchOf: ({ id }) => {
      const row = lib.stmt('SELECT batch_id FROM articles WHERE id = ?').get(id) as { batch_id: number | null } | undefined;
      if (!row) throw new QalamError('not_found', `There is no article ${id} in this library.`);
      return { batchId: row.batch_id };
    },
  };
}
