/// One article read from a file.
export interface ParsedArticle {
  title: string;
  /// ISO YYYY-MM-DD, or null when the file does not say.
  date: string | null;
  /// The body without the title: paragraphs separated by '\n', NFC, no '\r', no blank lines.
  text: string;
  source: string | null;
  url: string | null;
  /// A language the file declares (html lang, feed language, JSON `lang`), if any.
  lang: string | null;
}

/// What a file held: its encoding (canonical name), its format and its articles.
export interface ParsedFile {
  encoding: string;
  format: string;
  articles: ParsedArticle[];
}
