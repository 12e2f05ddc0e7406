// Reading one file into articles: decode the bytes, recognise the format by content (then by
// extension), and hand the text to that format's reader.

import { decodeBytes, normaliseDecoded } from '../decode/index.js';
import { isFeedRoot, parseFeed, xmlRoot } from './feed.js';
import { looksLikeHtml, parseHtml } from './html.js';
import { ImportFileError } from './import-file-error.js';
import { looksLikeNdjson, parseJsonArticles, parseNdjson } from './json.js';
import { looksLikeMarkdown, parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';
import { isSeed, parseSeed } from './seed.js';
import { isSubtitles, parseSubtitles } from './subtitles.js';
import type { ParsedArticle, ParsedFile } from './types.js';

export type { ParsedArticle, ParsedFile } from './types.js';
export { ImportFileError } from './import-file-error.js';

/// Files larger than this are refused (the pipeline checks the size before reading).
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

/// The formats parseFile recognises, as reported in ParsedFile.format.
export type FileFormat = 'seed' | 'text' | 'markdown' | 'html' | 'feed' | 'json' | 'ndjson' | 'subtitles';

/// Which format a decoded text is in: content first (feed and HTML markup, JSON brackets,
/// the seed header, subtitle cues, Markdown headings), the file name's extension second.
export function detectFormat(text: string, name: string): FileFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const head = text.trimStart();
  const first = head[0];
  if (first === '<') {
    const root = xmlRoot(head);
    if (isFeedRoot(root)) return 'feed';
    if (looksLikeHtml(head) || root?.toLowerCase() === 'html') return 'html';
  }
  if (first === '{' || first === '[') {
    if (ext === 'ndjson' || ext === 'jsonl' || (first === '{' && looksLikeNdjson(head))) return 'ndjson';
    return 'json';
  }
  if (isSeed(text)) return 'seed';
  if (isSubtitles(head)) return 'subtitles';
  switch (ext) {
    case 'html': case 'htm': case 'xhtml': return 'html';
    case 'rss': case 'atom': case 'xml': return 'feed';
    case 'json': return 'json';
    case 'ndjson': case 'jsonl': return 'ndjson';
    case 'srt': case 'vtt': return 'subtitles';
    case 'md': case 'markdown': return 'markdown';
  }
  if (looksLikeMarkdown(head)) return 'markdown';
  return 'text';
}

/// Read one file's bytes into articles. `name` (a file name or path) only helps recognise the
/// format and titles subtitles. Throws ImportFileError with a reason a person can act on:
/// too large, empty, binary, truncated or invalid text, malformed JSON or XML, no articles.
export function parseFile(bytes: Uint8Array, name: string): ParsedFile {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new ImportFileError(`file too large (${(bytes.length / 1048576).toFixed(1)} MiB; the limit is ${MAX_IMPORT_FILE_BYTES / 1048576} MiB)`);
  }
  const { text: raw, encoding } = decodeBytes(bytes);
  const text = normaliseDecoded(raw);
  if (!text.trim()) throw new ImportFileError('empty file (only whitespace)');
  const format = detectFormat(text, name);
  let articles: ParsedArticle[];
  switch (format) {
    case 'seed': articles = [parseSeed(text)]; break;
    case 'feed': articles = parseFeed(text); break;
    case 'html': articles = [parseHtml(text)]; break;
    case 'json': articles = parseJsonArticles(text); break;
    case 'ndjson': articles = parseNdjson(text); break;
    case 'subtitles': articles = [parseSubtitles(text, name)]; break;
    case 'markdown': articles = [parseMarkdown(text)]; break;
    default: articles = [parsePlainText(text)];
  }
  if (format !== 'feed' && format !== 'json' && format !== 'ndjson') {
    const a = articles[0];
    if (!a.title && !a.text) throw new ImportFileError(`no readable text in this ${format === 'html' ? 'HTML page' : 'file'}`);
  }
  return { encoding, format, articles };
}
