// npm run bench:export — 100,000 passages on 10,000 articles exported to every format.
// Articles are built from corpus text and written straight into a temporary library; each
// export runs in a child process so its peak memory (maxRSS) is its own. Run at 10k and 100k
// passages to show memory stays flat as the count grows.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexKeys } from '../shared/text/index.js';
import { articleUid, sha256Hex } from '../electron/core/articles/identity.js';
import { openArchive } from '../electron/core/archive.js';
import { openLibrary } from '../electron/core/db/open.js';
import { addSamplePassages, addSampleTags, corpusFiles } from '../electron/core/export/sample-library.js';
import type { ExportResult } from '../electron/core/export/run.js';

const FORMATS = ['w3c', 'csv', 'qdpx', 'qdc', 'bagit', 'tei', 'html'] as const;

/// Child mode: export one format and print the result with this process's peak memory.
async function child(db: string, format: string, out: string): Promise<void> {
  const archive = openArchive(db);
  const { jobId } = await archive.handlers.startExport({ format, out, zip: format === 'bagit' } as never, { transport: 'cli' });
  const status = await archive.ctx.jobs.wait(jobId);
  if (status.state !== 'done') throw new Error(status.error?.message);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ...(status.result as ExportResult), maxRssMb }) + '\n');
  archive.close();
}

/// A library of `articles` articles (corpus texts, each made distinct) with `perArticle` passages each.
function build(path: string, articles: number, perArticle: number): void {
  const lib = openLibrary(path);
  const texts = corpusFiles({ en: 4000, ru: 2000 }).map((f) => readFileSync(f, 'utf8').split('\n').slice(1).filter((l) => l.trim()).join('\n')).filter((t) => t.length > 400);
  const insert = lib.db.prepare(
    `INSERT INTO articles (uid, text_sha256, title, date, lang, script, text, imported_at) VALUES (?, ?, ?, ?, ?, 'Latn', ?, ?)`,
  );
  const fts = lib.db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)');
  const now = new Date().toISOString();
  lib.db.transaction(() => {
    for (let i = 0; i < articles; i++) {
      const text = `${texts[i % texts.length]}\n(${i})`;
      const sha = sha256Hex(text);
      const title = `Article ${i}`;
      const id = Number(insert.run(articleUid(sha), sha, title, `19${60 + (i % 40)}-01-01`, i % 3 ? 'en' : 'ru', text, now).lastInsertRowid);
      fts.run(id, indexKeys(title), indexKeys(text));
    }
  })();
  const ids = lib.db.prepare('SELECT id FROM articles').pluck().all() as number[];
  const tags = addSampleTags(lib);
  addSamplePassages(lib, ids, [...tags.values()], perArticle);
  lib.close();
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === '--child') return child(rest[0], rest[1], rest[2]);
  const dir = mkdtempSync(join(tmpdir(), 'qalam-bench-export-'));
  const self = fileURLToPath(import.meta.url);
  try {
    const rows: Record<string, { n: number; perSec: number; mb: number; ms: number }[]> = {};
    for (const [articles, per] of [[1000, 10], [10_000, 10]] as const) {
      const db = join(dir, `lib-${articles}.qalam`);
      const t0 = Date.now();
      build(db, articles, per);
      process.stdout.write(`built ${articles} articles, ${articles * per} passages in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      for (const format of FORMATS) {
        const out = join(dir, `out-${articles}-${format}${format === 'bagit' ? '.zip' : ''}`);
        const line = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', db, format, out], { encoding: 'utf8', maxBuffer: 1 << 20 });
        const r = JSON.parse(line.trim().split('\n').pop()!) as ExportResult & { maxRssMb: number };
        (rows[format] ??= []).push({ n: r.annotations, perSec: Math.round((r.annotations / r.ms) * 1000), mb: Math.round(r.maxRssMb), ms: r.ms });
        rmSync(out, { recursive: true, force: true });
      }
    }
    process.stdout.write('\nformat   passages/s (100k)   time (100k)   peak RSS 10k → 100k passages\n');
    for (const f of FORMATS) {
      const [small, big] = rows[f];
      process.stdout.write(`${f.padEnd(8)} ${String(big.perSec).padStart(12)}   ${(big.ms / 1000).toFixed(1).padStart(9)} s   ${small.mb} MB → ${big.mb} MB\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
