// Large libraries for the UI benchmark and the end-to-end tests, written straight into SQLite
// (the schema of electron/core/db/migrations): importing 100,000 articles through the import
// pipeline would take minutes, and what is measured here is the app, not the import.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Library } from '../../electron/core/db/open.js';
import { repoRoot } from './serve-process.js';

/// The team's corpus of real articles, beside the project.
export const corpusDir = join(repoRoot, '..', 'shared', 'corpus');

export interface CorpusArticle {
  file: string;
  lang: string;
  script: string;
  source: string;
  date: string | null;
  title: string;
  paragraphs: string[];
}

/// Corpus articles in manifest order, optionally only some languages (e.g. `uz`, `ru`, `en`).
export function readCorpus(options: { langs?: string[]; limit?: number } = {}): CorpusArticle[] {
  const rows = readFileSync(join(corpusDir, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1);
  const out: CorpusArticle[] = [];
  for (const row of rows) {
    const [file, lang, script, source] = row.split('\t');
    if (options.langs && !options.langs.includes(lang)) continue;
    const raw = readFileSync(join(corpusDir, file), 'utf8');
    const nl = raw.indexOf('\n');
    const m = /^ ?date (\d{4}-\d{2}-\d{2})(?:[ \t]+(.*))?$/.exec(nl < 0 ? raw : raw.slice(0, nl));
    if (!m) continue;
    const paragraphs = (nl < 0 ? '' : raw.slice(nl + 1))
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    out.push({ file, lang, script, source, date: m[1], title: (m[2] ?? '').trim() || file, paragraphs });
    if (options.limit && out.length >= options.limit) break;
  }
  return out;
}

export interface NewArticle {
  title: string;
  date: string | null;
  source: string | null;
  lang: string;
  script: string;
  text: string;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const urn = () => `urn:uuid:${randomUUID()}`;

/// Insert articles in one transaction; returns their ids. They are not in the full-text index.
export function insertArticles(lib: Library, articles: Iterable<NewArticle>): number[] {
  const now = new Date().toISOString();
  const batch = Number(lib.stmt("INSERT INTO batches (started_at, finished_at, label) VALUES (?, ?, 'bulk')").run(now, now).lastInsertRowid);
  const insert = lib.db.prepare(
    `INSERT INTO articles (uid, text_sha256, title, title_key, date, source, lang, script, text, text_length, format, batch_id, imported_at)
     VALUES (?, ?, ?, title_sort_key(?), ?, ?, ?, ?, ?, ?, 'seed', ?, ?)`,
  );
  const ids: number[] = [];
  // Random uids and hashes land all over their indexes: a large page cache keeps that in memory.
  lib.db.pragma('cache_size = -262144');
  lib.db.transaction(() => {
    for (const a of articles) {
      ids.push(Number(insert.run(urn(), sha256(a.text), a.title, a.title, a.date, a.source, a.lang, a.script, a.text, a.text.length, batch, now).lastInsertRowid));
    }
  })();
  return ids;
}

/// `count` articles cycling through the corpus. Texts must be distinct (the library keys
/// articles by the hash of their text), so each round after the first ends with a line naming it.
export function* corpusCopies(corpus: CorpusArticle[], count: number): Generator<NewArticle> {
  for (let i = 0; i < count; i++) {
    const a = corpus[i % corpus.length];
    const round = Math.floor(i / corpus.length);
    const text = a.paragraphs.join('\n') + (round > 0 ? `\n[copy ${round + 1}]` : '');
    yield { title: a.title, date: a.date, source: a.source, lang: a.lang, script: a.script, text };
  }
}

/// One long article of at least `bytes` bytes of UTF-8, made of whole real paragraphs from
/// several languages in turn, as a researcher's long report or transcript would be.
export function longArticle(corpus: CorpusArticle[], bytes: number): NewArticle {
  const byLang = new Map<string, string[]>();
  for (const a of corpus) for (const p of a.paragraphs) if (p.length > 80) (byLang.get(a.lang) ?? byLang.set(a.lang, []).get(a.lang)!).push(p);
  const pools = [...byLang.values()];
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const pool = pools[i % pools.length];
    const p = pool[Math.floor(i / pools.length) % pool.length];
    paragraphs.push(p);
    size += Buffer.byteLength(p, 'utf8') + 1;
  }
  return { title: 'Long report: collected paragraphs', date: '2022-10-25', source: 'bench', lang: 'ru', script: 'Cyrl', text: paragraphs.join('\n') };
}

const palette = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe'];

/// Top-level tags with the given names; returns their ids.
export function insertTags(lib: Library, names: string[]): number[] {
  const now = new Date().toISOString();
  const insert = lib.db.prepare('INSERT INTO tags (uid, name, parent_id, color, created_at) VALUES (?, ?, NULL, ?, ?)');
  return names.map((name, i) => Number(insert.run(urn(), name, palette[i % palette.length], now).lastInsertRowid));
}

/// `count` highlights spread over the article, each on whole words, one in four overlapping
/// the one before, each with one or two of the tags; selectors as the core writes them.
export function insertHighlights(lib: Library, articleId: number, text: string, count: number, tagIds: number[]): void {
  const now = new Date().toISOString();
  const insert = lib.db.prepare(
    `INSERT INTO annotations (uid, article_id, start, end, exact, prefix, suffix, note, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tag = lib.db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
  const step = text.length / count;
  const wordStart = (i: number) => {
    while (i > 0 && !/\s/.test(text[i - 1])) i--;
    return i;
  };
  const wordEnd = (i: number) => {
    while (i < text.length && !/\s/.test(text[i])) i++;
    return i;
  };
  lib.db.transaction(() => {
    for (let n = 0; n < count; n++) {
      const at = Math.floor(n * step) - (n % 4 === 3 ? Math.floor(step / 2) : 0);
      const start = wordStart(Math.max(0, at));
      const end = Math.max(start + 1, wordEnd(Math.min(text.length - 1, start + 20 + ((n * 37) % 100))));
      const id = Number(
        insert.run(urn(), articleId, start, end, text.slice(start, end), text.slice(Math.max(0, start - 32), start), text.slice(end, end + 32), n % 10 === 0 ? `Note ${n}` : '', now, now)
          .lastInsertRowid,
      );
      tag.run(id, tagIds[n % tagIds.length]);
      if (n % 5 === 0) tag.run(id, tagIds[(n + 1) % tagIds.length]);
    }
  })();
}
