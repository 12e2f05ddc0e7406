// The export formats as the dialog offers them, with what each is for and the file name it
// suggests.
import type { ExportScope } from '../../state/dialogs.js';

/// A format `startExport` writes.
export type ExportFormat = 'w3c' | 'csv' | 'qdpx' | 'qdc' | 'bagit' | 'tei' | 'html';

/// A format as the dialog presents it.
export interface FormatInfo {
  id: ExportFormat;
  label: string;
  description: string;
  extension: string;
}

/// Every export format, in the order offered.
export const FORMATS: FormatInfo[] = [
  { id: 'w3c', label: 'W3C Web Annotation (JSON-LD)', description: 'Passages, tags and notes for Hypothesis-style tools and re-import.', extension: 'jsonld' },
  { id: 'csv', label: 'CSV table', description: 'One row per passage with its context, for spreadsheets and R or pandas.', extension: 'csv' },
  { id: 'qdpx', label: 'REFI-QDA project (.qdpx)', description: 'Sources, codes and coded passages for NVivo, ATLAS.ti, MAXQDA, QualCoder.', extension: 'qdpx' },
  { id: 'qdc', label: 'REFI-QDA codebook (.qdc)', description: 'The codebook alone, for another QDA tool.', extension: 'qdc' },
  { id: 'bagit', label: 'BagIt archive bag', description: 'Originals, texts, annotations and codebook with checksums, for archives.', extension: '' },
  { id: 'tei', label: 'TEI XML', description: 'Each article as a text with its passages as stand-off annotations.', extension: 'xml' },
  { id: 'html', label: 'HTML report', description: 'A readable report of the passages grouped by tag that opens offline.', extension: 'html' },
];

/// A file name that says what was exported and when: `qalam-cotton-harvest-2025-03-01.csv`.
export function defaultFileName(scope: Pick<ExportScope, 'label'>, format: ExportFormat, zip: boolean, today: Date): string {
  const stem =
    scope.label
      .normalize('NFC')
      .replace(/[“”"«»]/g, '')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60)
      .replace(/-+$/, '') || 'export';
  const date = today.toISOString().slice(0, 10);
  const info = FORMATS.find((f) => f.id === format)!;
  const ext = format === 'bagit' ? (zip ? '.zip' : '') : `.${info.extension}`;
  return `qalam-${stem}-${date}${ext}`;
}

/// Where the job says the file went: a `path`/`out` field, or the result itself when it is a string.
export function exportedPath(result: unknown): string | null {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object') {
    for (const k of ['path', 'out', 'file']) {
      const v = (result as Record<string, unknown>)[k];
      if (typeof v === 'string' && v) return v;
    }
  }
  return null;
}
