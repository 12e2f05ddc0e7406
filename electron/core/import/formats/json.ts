import type { ParsedArticle } from './types.js';
import { collapseSpaces, linesToText, withoutLeadingTitle } from './article-text.js';
import { parseDate } from './dates.js';
import { safeUrl } from './html.js';
import { ImportFileError } from './import-file-error.js';

type Obj = Record<string, unknown>;

function str(o: Obj, ...keys: string[]): string {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string') && v.length) return v.join('\n');
  }
  return '';
}

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/// JSON.parse with errors turned into "malformed JSON at line N: …" (line 1-based, counted
/// from `firstLine`).
function parseJson(text: string, firstLine = 1): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /at position (\d+)/.exec(msg);
    const line = pos ? lineOf(text, Number(pos[1])) : /end of JSON input/.test(msg) ? lineOf(text, text.length) : 1;
    throw new ImportFileError(`malformed JSON at line ${line + firstLine - 1}: ${msg.replace(/\s*in JSON at position \d+.*$/, '').replace(/^Unexpected/, 'unexpected')}`);
  }
}

function toArticle(o: Obj): ParsedArticle | null {
  const title = collapseSpaces(str(o, 'title', 'headline', 'name'));
  const text = withoutLeadingTitle(linesToText(str(o, 'text', 'body', 'content', 'description').replace(/\r\n?/g, '\n')), title);
  if (!title && !text) return null;
  const date = parseDate(str(o, 'date', 'published', 'pubDate', 'datePublished', 'created'));
  const lang = str(o, 'lang', 'language').trim() || null;
  const source = collapseSpaces(str(o, 'source', 'site', 'publisher')) || null;
  return { title: title.normalize('NFC'), date, text, source: source?.normalize('NFC') ?? null, url: safeUrl(str(o, 'url', 'link')), lang };
}

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function collect(values: unknown[], where: (i: number) => string): ParsedArticle[] {
  const out: ParsedArticle[] = [];
  values.forEach((v, i) => {
    if (!isObject(v)) throw new ImportFileError(`${where(i)} is not an object`);
    const a = toArticle(v);
    if (a) out.push(a);
  });
  if (out.length === 0) throw new ImportFileError('no articles in this JSON (objects need a title and a text, body or content field)');
  return out;
}

/// JSON: one article object, an array of them, or an object holding them under
/// articles / items / entries / data / posts.
export function parseJsonArticles(text: string): ParsedArticle[] {
  const doc = parseJson(text);
  if (Array.isArray(doc)) return collect(doc, (i) => `item ${i + 1} of the JSON array`);
  if (!isObject(doc)) throw new ImportFileError('JSON holds neither an object nor an array of objects');
  for (const key of ['articles', 'items', 'entries', 'data', 'posts']) {
    if (Array.isArray(doc[key])) return collect(doc[key] as unknown[], (i) => `item ${i + 1} of "${key}"`);
  }
  return collect([doc], () => 'the JSON value');
}

/// NDJSON / JSON Lines: one article object per line (blank lines allowed).
export function parseNdjson(text: string): ParsedArticle[] {
  const values: unknown[] = [];
  const lines: number[] = [];
  const rows = text.split('\n');
  rows.forEach((row, i) => {
    if (!row.trim()) return;
    values.push(parseJson(row, i + 1));
    lines.push(i + 1);
  });
  return collect(values, (i) => `line ${lines[i]}`);
}

/// True when the text looks like NDJSON: two or more non-blank lines, each starting with '{'.
export function looksLikeNdjson(text: string): boolean {
  let count = 0;
  for (const row of text.slice(0, 65536).split('\n')) {
    const t = row.trim();
    if (!t) continue;
    if (!t.startsWith('{') || !t.endsWith('}')) return false;
    count++;
  }
  return count >= 2;
}
