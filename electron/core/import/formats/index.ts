// Placeholder until the format readers land: UTF-8 seed files only.
export interface ParsedArticle {
  title: string;
  /// ISO YYYY-MM-DD, or null when the file does not say.
  date: string | null;
  /// Paragraphs separated by '\n', NFC, no '\r'.
  text: string;
  source: string | null;
  url: string | null;
  /// A language the file declares (html lang, JSON `lang`), if any.
  lang: string | null;
}

export interface ParsedFile {
  encoding: string;
  format: string;
  articles: ParsedArticle[];
}

/// A file that cannot be imported, with a reason a person can act on.
export class ImportFileError extends Error {}

export function parseFile(bytes: Uint8Array, name: string): ParsedFile {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const m = /^ ?date (\d{4}-\d{2}-\d{2}) (.*)$/.exec(lines[0] ?? '');
  if (!m) throw new ImportFileError(`${name}: not a recognised format`);
  return {
    encoding: 'utf-8',
    format: 'seed',
    articles: [{ title: m[2].trim(), date: m[1], text: lines.slice(1).filter((l) => l.trim()).join('\n'), source: null, url: null, lang: null }],
  };
}
