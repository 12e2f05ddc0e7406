import { splitsSurrogatePair } from '../../../shared/anchoring/codepoints.js';
import type { Pacer } from './pacer.js';
import { codePointOffsets } from './positions.js';
import type { Sink } from './sink.js';
import type { AnnotatedArticle, ExportSource } from './source.js';

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

const NEEDS_QUOTES = /[",\r\n]/;

/// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes are doubled.
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/// What makes a spreadsheet read a cell as a formula when it opens the file (`=HYPERLINK(…)` in a
/// title runs as a formula, and can send data away).
const FORMULA_START = /^[=+\-@\t\r]/;

/// A field for a file meant for Excel: text that a spreadsheet would take for a formula gets a
/// leading apostrophe, which Excel shows as text and does not keep in the cell. Only with
/// `--excel`: elsewhere (R, pandas) the text is kept exactly as it is.
export function excelField(value: string | number | null): string {
  return typeof value === 'string' && FORMULA_START.test(value) ? csvField(`'${value}`) : csvField(value);
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
  const writer = new CsvWriter(src, sink, options);
  for (const item of src.annotated({ text: true })) {
    src.annotatedArticles++;
    writer.article(item);
    await pacer.step(item.annotations.length);
  }
  return writer.written;
}

/// Writes the passages CSV an article at a time (see `writeCsv`), for callers that read the
/// articles themselves.
export class CsvWriter {
  /// Each tag's column text, joined once per export rather than once per row.
  private readonly tagField: Map<number, string>;
  written = 0;
  private readonly field: (value: string | number | null) => string;

  constructor(
    src: ExportSource,
    private readonly sink: Sink,
    options: { excel?: boolean } = {},
  ) {
    if (options.excel) sink.write('\uFEFF');
    this.field = options.excel ? excelField : csvField;
    sink.write(csvRow([...CSV_COLUMNS]));
    this.tagField = new Map(src.codebook.map((t) => [t.id, t.path.join(' / ')]));
  }

  /// The rows of one article's passages, in order.
  article({ article, annotations }: AnnotatedArticle): void {
    const { text } = article;
    const cps = codePointOffsets(text);
    // The article's columns are the same on each of its rows: quote them once.
    const f = this.field;
    const articleFields = `${f(article.uid)},${f(article.title)},${f(article.date)},${f(article.lang)},${f(article.url)}`;
    let rows = '';
    for (const a of annotations) {
      const { before, after } = contextAround(text, a.start, a.end);
      let tags = '';
      for (const t of a.tagIds) tags += (tags ? '; ' : '') + this.tagField.get(t)!;
      rows +=
        `${f(a.uid)},${articleFields},${f(tags)},${f(a.exact)},${f(before)},${f(after)},` +
        `${f(a.note)},${cps.toCodePoint(a.start)},${cps.toCodePoint(a.end)},${f(a.createdAt)}\r\n`;
      this.written++;
    }
    this.sink.write(rows);
  }
}
