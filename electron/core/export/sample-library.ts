// Builds libraries for the export tests and the benchmark from the team corpus: real articles
// through the real import pipeline, then tags and passages written straight into the tables
// (quickly, and without depending on the annotation module's calls).
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRange } from '../../../shared/anchoring/describe.js';
import { openArchive, type Archive } from '../archive.js';
import type { Library } from '../db/open.js';

/// The team corpus: `<repo>/../shared/corpus`.
export const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'corpus');

/// `n` corpus files from each of the given folders, in name order.
export function corpusFiles(folders: Record<string, number>): string[] {
  const out: string[] = [];
  for (const [folder, n] of Object.entries(folders)) {
    const dir = join(CORPUS, folder);
    out.push(...readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, n).map((f) => join(dir, f)));
  }
  return out;
}

/// Open a library at `path` and import `files` through the import pipeline.
export async function importedArchive(path: string, files: string[]): Promise<Archive> {
  const archive = openArchive(path);
  const { jobId } = await archive.handlers.importPaths({ paths: files }, { transport: 'test' });
  const status = await archive.ctx.jobs.wait(jobId);
  if (status.state !== 'done') throw new Error(`import failed: ${status.error?.message}`);
  return archive;
}

export const SAMPLE_TAGS: { path: string[]; color: string; description?: string }[] = [
  { path: ['Politics'], color: '#6fa8dc', description: 'Government, parties, elections' },
  { path: ['Politics', 'Elections'], color: '#8e9fe0' },
  { path: ['Economy'], color: '#93c47d', description: 'Trade, prices, "markets" & <money>' },
  { path: ['Economy', 'Trade'], color: '#b5c95a' },
  { path: ['People'], color: '#e88c7d' },
];

/// Create the sample codebook; returns tag ids by path (`Politics/Elections`).
export function addSampleTags(lib: Library): Map<string, number> {
  const ids = new Map<string, number>();
  const now = new Date().toISOString();
  for (const t of SAMPLE_TAGS) {
    const parent = t.path.length > 1 ? ids.get(t.path.slice(0, -1).join('/'))! : null;
    const id = Number(
      lib.stmt('INSERT INTO tags (uid, name, parent_id, color, description, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), t.path.at(-1), parent, t.color, t.description ?? '', now).lastInsertRowid,
    );
    ids.set(t.path.join('/'), id);
  }
  return ids;
}

/// Mark `perArticle` passages in each article: every few words a span of one to four words,
/// tagged in turn with one or two tags, every third with a note (some with quotes, commas and
/// line breaks, which exports must carry intact). Deterministic, so tests can count.
export function addSamplePassages(lib: Library, articleIds: number[], tagIds: number[], perArticle: number): number {
  const insert = lib.stmt(
    `INSERT INTO annotations (uid, article_id, start, end, exact, prefix, suffix, note, status, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`,
  );
  const tag = lib.stmt('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
  // A statement of its own: the library's cached statements are shared, and plucking one would
  // change what it returns to every other caller.
  const textOf = lib.db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  let n = 0;
  const now = new Date().toISOString();
  lib.db.transaction(() => {
    for (const articleId of articleIds) {
      const text = textOf.get(articleId) as string;
      const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
      if (!words.length) continue;
      const step = Math.max(1, Math.floor(words.length / perArticle));
      for (let k = 0; k < perArticle && k * step < words.length; k++) {
        const first = words[k * step];
        const last = words[Math.min(words.length - 1, k * step + (k % 4))];
        const d = describeRange(text, first.index!, last.index! + last[0].length);
        const note = k % 3 === 0 ? (k % 2 ? `Line one, with "quotes"\nline two <b>&</b>` : `Note ${k}`) : '';
        const id = Number(insert.run(randomUUID(), articleId, d.start, d.end, d.exact, d.prefix, d.suffix, note, now, now).lastInsertRowid);
        tag.run(id, tagIds[(n + k) % tagIds.length]);
        if (k % 5 === 1 && tagIds.length > 1) tag.run(id, tagIds[(n + k + 1) % tagIds.length]);
        n++;
      }
    }
  })();
  return n;
}
