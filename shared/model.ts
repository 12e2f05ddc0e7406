// The records that cross between the archive and its users (renderer, CLI, exports).
// Offsets in this file are UTF-16 code units, as JavaScript counts them; formats that
// count code points (W3C Web Annotation, REFI-QDA, the CLI) convert at their edge.

/// A language tag as Qalam stores it: BCP 47, with the script where the language is
/// written in more than one (`uz-Cyrl`, `uz-Latn`), `und` when it could not be told.
export type LanguageTag = string;

/// Where an article came from, kept so nothing about the original is lost.
export interface Provenance {
  /// The path the file was imported from (for a feed item: the feed file).
  path: string | null;
  /// Size in bytes of the original file.
  size: number | null;
  /// SHA-256 (hex) of the original file's bytes.
  sha256: string | null;
  /// The character encoding the bytes were decoded from (`utf-8`, `windows-1251`, …).
  encoding: string | null;
  /// The import format that read it (`seed`, `text`, `markdown`, `html`, `rss`, `atom`, `json`, `ndjson`, …).
  format: string | null;
  /// The import batch it arrived in.
  batchId: number | null;
  /// ISO timestamp of the import.
  importedAt: string;
}

export interface ArticleSummary {
  id: number;
  /// `urn:uuid:…`, derived from the SHA-256 of the normalised text: the same in every library.
  uid: string;
  title: string;
  /// ISO date (YYYY-MM-DD), or null when unknown.
  date: string | null;
  source: string | null;
  url: string | null;
  lang: LanguageTag;
  /// ISO 15924 code of the dominant script: `Cyrl`, `Latn`, or `Zyyy` when none dominates.
  script: string;
  /// Length of the text in UTF-16 code units.
  length: number;
  annotationCount: number;
}

export interface Article extends ArticleSummary {
  /// The text as imported: decoded, NFC, line ends `\n`, paragraphs separated by `\n`.
  text: string;
  provenance: Provenance;
}

export interface Tag {
  id: number;
  /// Stable identifier, kept across export and import.
  uid: string;
  name: string;
  parentId: number | null;
  /// Names from the root down to this tag, joined by ` / ` for display; `path` segments for machines.
  path: string[];
  /// CSS colour, `#rrggbb`.
  color: string;
  description: string;
  /// Annotations that carry this tag.
  count: number;
}

/// A passage described the W3C way: where it is, and what it says with a little context.
export interface TextSelectors {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type AnchorStatus = 'anchored' | 'moved' | 'orphaned';

export interface Annotation extends TextSelectors {
  id: number;
  uid: string;
  articleId: number;
  tagIds: number[];
  note: string;
  status: AnchorStatus;
  createdAt: string;
  modifiedAt: string;
}

/// One passage of a tag with its keyword-in-context line, for the Passages view.
export interface Passage {
  annotation: Annotation;
  articleTitle: string;
  articleDate: string | null;
  articleLang: LanguageTag;
  before: string;
  after: string;
}

export interface Collection {
  id: number;
  name: string;
  description: string;
  /// A saved search: the members are the hits of this query, kept fresh.
  query: string | null;
  /// How the query matches scripts, as the search it was saved from did (`any` without a query).
  script: 'any' | 'exact';
  count: number;
  createdAt: string;
}

export interface SearchHit {
  id: number;
  title: string;
  date: string | null;
  lang: LanguageTag;
  source: string | null;
  path: string | null;
  /// HTML-escaped text with the matched words wrapped in `<b>…</b>`.
  snippet: string;
  score: number;
}

export interface SearchResult {
  total: number;
  results: SearchHit[];
  /// The words that matched, as written in the hits' text, for highlighting in the reader.
  terms: string[];
}

/// The reason an import's summary gives for each file it was stopped before reaching: such a
/// file was not wrong, only not read, and a report counts it apart from the failures.
export const IMPORT_NOT_REACHED = 'import cancelled before this file';

export interface ImportFailure {
  path: string;
  error: string;
}

export interface ImportSummary {
  batchId: number;
  imported: number;
  duplicates: number;
  failed: ImportFailure[];
  /// Ids of the articles this import added, in import order.
  articleIds: number[];
}

export interface JobStatus {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed';
  /// Work done and total work, in the job's own units (files, annotations…); total 0 when unknown.
  done: number;
  total: number;
  message: string;
  result?: unknown;
  error?: { code: string; message: string };
}
