import { indexKeys } from '../../../shared/text/index.js';
import { titleSortKey } from '../../../shared/text/sort-key.js';
import type { Library } from '../db/open.js';
import { detectLanguage } from '../import/language.js';
import { articleUid, sha256Hex } from './identity.js';
import { normalizeText } from './normalize.js';

/// An article about to enter the library, from a file, a feed item or a project made elsewhere.
export interface NewArticle {
  title: string;
  text: string;
  date?: string | null;
  /// A language the source declares; detection decides when it is missing or says too little.
  lang?: string | null;
  script?: string | null;
  source?: string | null;
  url?: string | null;
  origPath?: string | null;
  origSize?: number | null;
  origSha256?: string | null;
  encoding?: string | null;
  format: string;
  batchId: number | null;
  importedAt: string;
}

const KNOWN_LANG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?$/;

/// A declared language in Qalam's form (`uz-Cyrl`), or null when it should be detected instead.
export function declaredLang(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const [base, sub] = lang.trim().replace('_', '-').split('-');
  const canon = sub && sub.length === 4 ? `${base.toLowerCase()}-${sub[0].toUpperCase()}${sub.slice(1).toLowerCase()}` : base.toLowerCase();
  // A bare `uz` says nothing of the script: detection decides that.
  if (canon === 'uz') return null;
  return KNOWN_LANG.test(canon) ? canon : null;
}

function scriptOf(lang: string, detected: string): string {
  const sub = lang.split('-')[1];
  return sub && /^[A-Z][a-z]{3}$/.test(sub) ? sub : detected;
}

function sourceFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/// The title and text as the library stores them.
export function storedForm(a: { title: string; text: string }): { title: string; text: string } {
  const text = normalizeText(a.text);
  // A title is one line of plain text: line breaks become spaces, and control characters (a
  // bell, a terminal's escape sequence from a broken file) are dropped, not shown or printed.
  const title = normalizeText(a.title).replace(/\s*\n\s*/g, ' ').replace(/\p{Cc}/gu, '').trim();
  return { title: title || '(untitled)', text };
}

/// What an article brings into the library: its content, before any provenance.
export type ArticleContent = Pick<NewArticle, 'title' | 'text' | 'date' | 'lang' | 'script' | 'source' | 'url'>;

/// Where an article came from and in which import: known to whoever writes it.
export type ArticleProvenance = Pick<NewArticle, 'origPath' | 'origSize' | 'origSha256' | 'encoding' | 'format' | 'batchId' | 'importedAt'>;

/// An article in the form its row and index entries take: everything that costs work to compute
/// (normal form, identity, language, folded index keys, sort key) and needs no database, so
/// imports can prepare articles off the thread that writes them.
export interface PreparedArticle {
  uid: string;
  textSha256: string;
  title: string;
  text: string;
  date: string | null;
  source: string | null;
  url: string | null;
  lang: string;
  script: string;
  /// The title's place in alphabetical order (`titleSortKey`).
  titleKey: string;
  titleKeys: string;
  bodyKeys: string;
}

/// An article's stored form, identity, language and index keys.
export function prepareArticle(a: ArticleContent): PreparedArticle {
  const { title, text } = storedForm(a);
  // An item with a title and no body is identified by its title.
  const textSha256 = sha256Hex(text || title);
  const detected = detectLanguage(`${title}\n${text}`);
  const lang = declaredLang(a.lang) ?? detected.lang;
  return {
    uid: articleUid(textSha256),
    textSha256,
    title,
    text,
    date: a.date && /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : null,
    source: a.source ?? sourceFromUrl(a.url),
    url: a.url ?? null,
    lang,
    script: a.script || scriptOf(lang, detected.script),
    titleKey: titleSortKey(title),
    titleKeys: indexKeys(title),
    bodyKeys: indexKeys(text),
  };
}

/// Write a prepared article unless its text is already in the library: the one place articles
/// are written, with their row and index entries. The caller owns the transaction. Returns the
/// article's id and whether it was already there.
export function writeArticle(lib: Library, p: PreparedArticle, from: ArticleProvenance): { id: number; duplicate: boolean } {
  // Insert first and look the article up only when it was there: new articles cost one probe of
  // the uid index, not two.
  const inserted = lib
    .stmt(
      `INSERT INTO articles (uid, text_sha256, title, title_key, date, source, url, lang, script, text, text_length,
         orig_path, orig_size, orig_sha256, encoding, format, batch_id, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (uid) DO NOTHING`,
    )
    .run(
      p.uid,
      p.textSha256,
      p.title,
      p.titleKey,
      p.date,
      p.source,
      p.url,
      p.lang,
      p.script,
      p.text,
      p.text.length,
      from.origPath ?? null,
      from.origSize ?? null,
      from.origSha256 ?? null,
      from.encoding ?? null,
      from.format,
      from.batchId,
      from.importedAt,
    );
  if (inserted.changes === 0) {
    return { id: lib.stmt('SELECT id FROM articles WHERE uid = ?').pluck().get(p.uid) as number, duplicate: true };
  }
  const id = Number(inserted.lastInsertRowid);
  lib.stmt('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, p.titleKeys, p.bodyKeys);
  return { id, duplicate: false };
}

/// Add an article unless its text is already in the library (see `writeArticle`).
export function insertArticle(lib: Library, a: NewArticle): { id: number; duplicate: boolean } {
  return writeArticle(lib, prepareArticle(a), a);
}
