// `npm run bench -- CORPUS_DIR [--json] [--runs N]`
// Imports a corpus into a fresh library through Qalam's real pipeline and runs a query set,
// then does the same with a bare baseline in the same process (plain better-sqlite3, one FTS5
// table over the raw text, one transaction, no parsing), and prints both and their ratio.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../electron/core/archive.js';
import { importSources } from '../electron/core/import/pipeline.js';
import { collectSources } from '../electron/core/import/sources.js';
import { plainQueries, crossScriptQueries } from './queries.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean' } },
});
const corpusDir = positionals[0];
if (!corpusDir) {
  console.error('usage: npm run bench -- CORPUS_DIR [--json] [--runs N]   (grow one with: npm run bench:corpus)');
  process.exit(2);
}

const say = (s: string) => {
  if (!values.json) console.log(s);
};

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

function timings(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: percentile(s, 50), p95: percentile(s, 95) };
}

function fileBytes(path: string): number {
  let n = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      n += statSync(path + suffix).size;
    } catch {
      /* absent */
    }
  }
  return n;
}

const work = mkdtempSync(join(tmpdir(), 'qalam-bench-'));
const runs = Number(values.runs);

const { sources, failed: missing } = collectSources([corpusDir]);
const files = sources.filter((s) => s.kind === 'file' && /\.(txt|md|html?|xml|json|ndjson|srt)$/i.test(s.path));
const texts = files.map((f) => readFileSync((f as { path: string }).path));
const textBytes = texts.reduce((n, b) => n + b.length, 0);
say(`corpus: ${files.length} files, ${(textBytes / 1048576).toFixed(1)} MB (${corpusDir})`);

// --- Qalam: the real import pipeline (decode, detect, fold, index, provenance, originals).
const qalamPath = join(work, 'qalam.sqlite');
const archive = openArchive(qalamPath);
let t0 = performance.now();
const summary = await importSources(archive.ctx.lib, files, { failed: missing });
const qalamImportS = (performance.now() - t0) / 1000;
archive.ctx.lib.db.pragma('wal_checkpoint(TRUNCATE)');
const qalamSize = fileBytes(qalamPath);
const articles = summary.imported;
say(`qalam: imported ${articles}, duplicates ${summary.duplicates}, failed ${summary.failed.length} in ${qalamImportS.toFixed(1)} s`);

async function timeQueries(queries: string[], run: (q: string) => unknown): Promise<number[]> {
  for (const q of queries) await run(q); // warm the page cache and statement cache once
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const q of queries) {
      const t = performance.now();
      await run(q);
      samples.push(performance.now() - t);
    }
  }
  return samples;
}

const hitsOf = new Map<string, number>();
const qalamPlain = await timeQueries(plainQueries, async (q) => {
  const r = await archive.handlers.search({ query: q, script: 'any', offset: 0, limit: 50 }, { transport: 'test' });
  hitsOf.set(q, r.total);
});
const qalamCross = await timeQueries(crossScriptQueries, async (q) => {
  const r = await archive.handlers.search({ query: q, script: 'any', offset: 0, limit: 50 }, { transport: 'test' });
  hitsOf.set(q, r.total);
});
archive.close();

// --- Baseline: one FTS5 table over the raw text, one transaction, no parsing at all.
const basePath = join(work, 'baseline.sqlite');
const base = new Database(basePath);
base.pragma('journal_mode = WAL');
base.pragma('synchronous = NORMAL');
base.exec("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')");
t0 = performance.now();
const insert = base.prepare('INSERT INTO docs (title, body) VALUES (?, ?)');
base.transaction(() => {
  for (const f of files) {
    const text = readFileSync((f as { path: string }).path, 'utf8');
    const nl = text.indexOf('\n');
    insert.run(text.slice(0, nl), text.slice(nl + 1));
  }
})();
const baseImportS = (performance.now() - t0) / 1000;
base.pragma('wal_checkpoint(TRUNCATE)');
const baseSize = fileBytes(basePath);
const baseTop = base.prepare(
  "SELECT rowid, snippet(docs, 1, '<b>', '</b>', '…', 16) AS s FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 5.0, 1.0) LIMIT 50",
);
const baseCount = base.prepare('SELECT count(*) FROM docs WHERE docs MATCH ?').pluck();
// The same work a search page does: the total, and the top 50 with snippets.
const baseQuery = { all: (m: string) => [baseCount.get(m), baseTop.all(m)] };
const quote = (q: string) => q.split(/\s+/).map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
const basePlain = await timeQueries(plainQueries, (q) => baseQuery.all(quote(q)));
const baseCross = await timeQueries(crossScriptQueries, (q) => baseQuery.all(quote(q)));
base.close();
if (!values.keep) rmSync(work, { recursive: true, force: true });

const qp = timings(qalamPlain);
const qc = timings(qalamCross);
const qAll = timings([...qalamPlain, ...qalamCross]);
const bp = timings([...basePlain, ...baseCross]);
const result = {
  articles,
  files: files.length,
  text_mb: textBytes / 1048576,
  import_articles_per_s: articles / qalamImportS,
  import_mb_per_s: textBytes / 1048576 / qalamImportS,
  baseline_articles_per_s: files.length / baseImportS,
  baseline_mb_per_s: textBytes / 1048576 / baseImportS,
  import_ratio: articles / qalamImportS / (files.length / baseImportS),
  size_ratio: qalamSize / textBytes,
  baseline_size_ratio: baseSize / textBytes,
  query_median_ms: qAll.median,
  query_p95_ms: qAll.p95,
  plain_query_median_ms: qp.median,
  plain_query_p95_ms: qp.p95,
  cross_script_query_median_ms: qc.median,
  cross_script_query_p95_ms: qc.p95,
  cross_vs_plain_p95: qc.p95 / qp.p95,
  baseline_query_median_ms: bp.median,
  baseline_query_p95_ms: bp.p95,
  queries: plainQueries.length + crossScriptQueries.length,
  runs,
  failed: summary.failed.length,
};

if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log('');
  console.log('                       qalam      baseline   ratio');
  console.log(`import articles/s   ${f(result.import_articles_per_s, 0).padStart(9)}  ${f(result.baseline_articles_per_s, 0).padStart(9)}   ${f(result.import_ratio, 2)}   (target ≥ 0.6)`);
  console.log(`import MB/s         ${f(result.import_mb_per_s, 2).padStart(9)}  ${f(result.baseline_mb_per_s, 2).padStart(9)}`);
  console.log(`size / text         ${f(result.size_ratio, 2).padStart(9)}  ${f(result.baseline_size_ratio, 2).padStart(9)}          (target ≤ 2.2)`);
  console.log(`query median ms     ${f(qAll.median, 2).padStart(9)}  ${f(bp.median, 2).padStart(9)}   ${f(qAll.median / bp.median, 2)}   (target ≤ 20)`);
  console.log(`query p95 ms        ${f(qAll.p95, 2).padStart(9)}  ${f(bp.p95, 2).padStart(9)}   ${f(qAll.p95 / bp.p95, 2)}   (target ≤ 60)`);
  console.log(`plain p95 ms        ${f(qp.p95, 2).padStart(9)}`);
  console.log(`cross-script p95 ms ${f(qc.p95, 2).padStart(9)}              ${f(result.cross_vs_plain_p95, 2)}   (cross/plain, target ≤ 1.3)`);
  console.log(`\n${result.queries} queries × ${runs} runs, top 50 with snippets; hits: ${[...hitsOf].slice(0, 6).map(([q, n]) => `${q}=${n}`).join(', ')} …`);
}
