import { z } from 'zod';
import { annotationCalls } from './annotations.js';
import { call } from './define.js';
import { id, searchScript } from './schemas.js';

/// The passages the `passages` call lists for some tags and filters, every page of them: the
/// same fields with the same checks, so an export can hold exactly what the Passages view shows.
export const passageFilter = annotationCalls.passages.input.pick({ tagIds: true, match: true, lang: true, dateFrom: true, dateTo: true });

export const exportFormat = z.enum(['w3c', 'csv', 'qdpx', 'qdc', 'bagit', 'tei', 'html']);

export const exportCalls = {
  startExport: call(
    z.object({
      format: exportFormat,
      /// Where to write; a file (a folder for an unzipped bag). Omitted: a file in the library's export folder.
      out: z.string().min(1).max(4000).optional(),
      collectionId: id.optional(),
      tagIds: z.array(id).max(100).optional(),
      query: z.string().max(2000).optional(),
      /// How `query` matches scripts, as in `search`; `any` when omitted.
      script: searchScript.optional(),
      /// Only these passages, and only the articles that hold them.
      passages: passageFilter.optional(),
      excel: z.boolean().optional(),
      zip: z.boolean().optional(),
    }),
    z.object({ jobId: z.string() }),
    'Export a collection, tags, a search or listed passages in a format other tools accept; returns a job to follow.',
  ),
  importAnnotations: call(
    z.object({ path: z.string().min(1).max(4000) }),
    z.object({ jobId: z.string() }),
    'Import W3C Web Annotation JSON-LD, a REFI-QDA .qdpx project or a BagIt bag made elsewhere.',
  ),
};
