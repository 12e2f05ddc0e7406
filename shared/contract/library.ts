import { z } from 'zod';
import { call } from './define.js';
import { empty, id, importSummary, jobStatus } from './schemas.js';

export const libraryCalls = {
  libraryInfo: call(
    empty,
    z.object({
      path: z.string(),
      articles: z.number(),
      annotations: z.number(),
      tags: z.number(),
      schemaVersion: z.number(),
      appVersion: z.string(),
      /// Opened for reading only (Qalam may not write to it here): every change is refused.
      readOnly: z.boolean(),
    }),
    'Where the library is and how much it holds, and whether it is open for reading only.',
  ),
  stats: call(
    empty,
    z.object({
      articles: z.number(),
      annotations: z.number(),
      tags: z.number(),
      collections: z.number(),
      textBytes: z.number(),
      sizeBytes: z.number(),
      byLang: z.array(z.object({ lang: z.string(), count: z.number() })),
      bySource: z.array(z.object({ source: z.string().nullable(), count: z.number() })),
    }),
    'Articles by language and source, and the library size.',
  ),
  loadSamples: call(empty, importSummary, 'Import the sample articles that ship with the app.'),
  jobStatus: call(z.object({ id: z.string() }), jobStatus, 'Progress of a long job (import, export).'),
  cancelJob: call(z.object({ id: z.string() }), z.object({ cancelled: z.boolean() }), 'Ask a running job to stop.'),
  importPaths: call(
    z.object({ paths: z.array(z.string().min(1)).min(1).max(10_000) }),
    z.object({ jobId: z.string() }),
    'Import files and folders (recursively) from this machine; returns a job to follow.',
  ),
  importUpload: call(
    z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(1000), dataBase64: z.string() }))
        .min(1)
        .max(1000),
    }),
    z.object({ jobId: z.string() }),
    'Import files sent as bytes (browser mode drag and drop, file picker).',
  ),
  batchOf: call(z.object({ id }), z.object({ batchId: z.number().nullable() }), 'The import batch an article came in.'),
};
