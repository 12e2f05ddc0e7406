import { CodePointIndex, splitsSurrogatePair } from '../../../shared/anchoring/codepoints.js';
import type { Pacer } from './pacer.js';
import type { Sink } from './sink.js';
import type { ExportSource } from './source.js';

/// Characters of context on each side of a passage in the CSV and the HTML report.
export const CONTEXT_CHARS = 80;

export const CSV_COLUMNS = [
  'annotation_id',
  'article_id',
  'title',
  'date',
  'language',
  'url',
  'tags',
  'quote',
  'before',
  'after',
  'note',
  'start',
  'end',
  'created',
] as const;

/// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes are doubled.
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: (string | number | null)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/// The text around a passage, never cutting a surrogate pair in two.
export function contextAround(text: string, start: number, end: number, chars = CONTEXT_CHARS): { before: string; after: string } {
  let from = Math.max(0, start - chars);
  if (splitsSurrogatePair(text, from)) from--;
  let to = Math.min(text.length, end + chars);
  if (splitsSurrogatePair(text, to)) to++;
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

/// One row per passage, in article order: UTF-8, CRLF line ends and quoting as RFC 4180 says;
/// `excel` adds the byte order mark without which Excel reads UTF-8 as the local code page.
/// Several tags of one passage share its row, their paths joined by `; `. Positions are code points.
export async function writeCsv(src: ExportSource, sink: Sink, pacer: Pacer, options: { excel?: boolean } = {}): Promise<number> {
  pacer.total = src.annotationCount();
  if (options.excel) sink.write('\uFEFF');
  sink.write(csvRow([...CSV_COLUMNS]));
  let written = 0;
  for (const id of src.articleIds()) {
    const annotations = src.annotations(id);
    if (!annotations.length) continue;
    src.annotatedArticles++;
    const article = src.article(id)!;
    const cps = new CodePointIndex(article.text);
    let rows = '';
    for (const a of annotations) {
      const { before, after } = contextAround(article.text, a.start, a.end);
      rows += csvRow([
        a.uid,
        article.uid,
        article.title,
        article.date,
        article.lang,
        article.url,
        src.tagPaths(a).map((p) => p.join(' / ')).join('; '),
        a.exact,
        before,
        after,
        a.note,
        cps.toCodePoint(a.start),
        cps.toCodePoint(a.end),
        a.createdAt,
      ]);
      written++;
    }
    sink.write(rows);
    await pacer.step(annotations.length);
  }
  return written;
}
