// npm run bench:export — passages on articles exported to every format, at two sizes (10,000 and
// 100,000 passages, ten per article) to show that memory stays flat as the count grows.
//
// Articles are built from corpus text (each made distinct, each with its original file stored as
// the import pipeline stores it) and written straight into a temporary library. Every export runs
// in a child process of its own, so its peak memory (maxRSS) is its own. The machine may be shared
// and busy: each run also times a floor (one plain SELECT … iterate() of the same passages, written
// out as tab-separated lines) in the same conditions, and the table gives medians of several runs
// and each format's time as a multiple of that floor.
//
//   npm run bench:export -- [--repeat N] [--formats w3c,csv,…] [--small N] [--large N] [--larger N]
// --larger adds a third size (say 200000): peak memory there, and flatness judged from the large
// size to it, past the runtime's warm-up.
//   (--build and --child, below, run one export by hand, e.g. under --cpu-prof)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { indexKeys } from '../shared/text/index.js';
import { articleUid, sha256Hex } from '../electron/core/articles/identity.js';
import { openArchive } from '../electron/core/archive.js';
import { openLibrary } from '../electron/core/db/open.js';
import { addSamplePassages, addSampleTags, corpusFiles } from '../electron/core/export/sample-library.js';
import { FileSink } from '../electron/core/export/sink.js';
import type { ExportResult } from '../electron/core/export/run.js';

const FORMATS = ['w3c', 'csv', 'qdpx', 'qdc', 'bagit', 'tei', 'html'] as const;
const PER_ARTICLE = 10;
/// At least this many passages a second to w3c and csv (the issue's target).
const TARGET_RATE = 50_000;
/// Peak memory counts as flat when ten times the passages add less than this beyond what they add
/// to the floor. The floor keeps nothing, yet its peak grows too: V8 sizes its young generation
/// and its next collection by the allocation rate, and a longer run reaches larger settings. That
/// growth belongs to the runtime, not to what an export holds.
const FLAT_MB = 15;

interface Measure {
  passages: number;
  ms: number;
  cpuMs: number;
  bytes: number;
  maxRssMb: number;
}

/// Child: export one format and print what it took, with this process's peak memory.
async function child(db: string, format: string, out: string): Promise<void> {
  const archive = openArchive(db);
  const cpu0 = process.cpuUsage();
  const { jobId } = await archive.handlers.startExport({ format, out, zip: format === 'bagit' } as never, { transport: 'cli' });
  const status = await archive.ctx.jobs.wait(jobId);
  if (status.state !== 'done') throw new Error(status.error?.message);
  const cpu = process.cpuUsage(cpu0);
  const r = status.result as ExportResult;
  report({ passages: r.annotations, ms: r.ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes: r.bytes ?? statSync(out).size, maxRssMb: maxRssMb() });
  archive.close();
}

/// Child: the floor. The same passages read by one plain query and written as tab-separated lines
/// through the same buffered file writer: what any export pays before it formats anything.
function floor(db: string, out: string): void {
  const conn = new Database(db, { readonly: true });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rows = conn
    .prepare('SELECT id, uid, article_id, start, end, exact, prefix, suffix, note, created_at, modified_at FROM annotations ORDER BY article_id, start')
    .raw();
  const sink = new FileSink(out);
  let passages = 0;
  for (const r of rows.iterate() as Iterable<unknown[]>) {
    sink.write(r.join('\t') + '\n');
    passages++;
  }
  sink.end();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  report({ passages, ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes: sink.bytes, maxRssMb: maxRssMb() });
  conn.close();
}

/// Child: open the library and do nothing: the memory every export starts from.
function idle(db: string): void {
  const archive = openArchive(db);
  report({ passages: 0, ms: 0, cpuMs: 0, bytes: 0, maxRssMb: maxRssMb() });
  archive.close();
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const report = (m: Measure) => process.stdout.write(JSON.stringify(m) + '\n');

/// A library of `articles` articles (corpus texts, each made distinct) with `perArticle` passages
/// each; every article has its original file stored (deflated), so bags carry originals too.
function build(path: string, articles: number, perArticle: number): void {
  const lib = openLibrary(path);
  const texts = corpusFiles({ en: 4000, ru: 2000 })
    .map((f) => readFileSync(f, 'utf8').split('\n').slice(1).filter((l) => l.trim()).join('\n'))
    .filter((t) => t.length > 400);
  const insert = lib.db.prepare(
    `INSERT INTO articles (uid, text_sha256, title, title_key, date, lang, script, text, text_length, orig_path, orig_size, orig_sha256, encoding, format, imported_at)
     VALUES (?, ?, ?, title_sort_key(?), ?, ?, 'Latn', ?, ?, ?, ?, ?, 'utf-8', 'txt', ?)`,
  );
  const original = lib.db.prepare('INSERT INTO originals (sha256, size, name, compressed) VALUES (?, ?, ?, ?)');
  const fts = lib.db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)');
  const now = new Date().toISOString();
  lib.db.transaction(() => {
    for (let i = 0; i < articles; i++) {
      const text = `${texts[i % texts.length]}\n(${i})`;
      const sha = sha256Hex(text);
      const bytes = Buffer.from(text, 'utf8');
      const name = `article-${i}.txt`;
      original.run(sha, bytes.length, name, deflateSync(bytes, { level: 1 }));
      const title = `Article ${i}`;
      const id = Number(
        insert.run(articleUid(sha), sha, title, title, `19${60 + (i % 40)}-01-01`, i % 3 ? 'en' : 'ru', text, text.length, `/corpus/${name}`, bytes.length, sha, now)
          .lastInsertRowid,
      );
      fts.run(id, indexKeys(title), indexKeys(text));
    }
  })();
  const ids = lib.db.prepare('SELECT id FROM articles').pluck().all() as number[];
  const tags = addSampleTags(lib);
  addSamplePassages(lib, ids, [...tags.values()], perArticle);
  lib.close();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2], args[3]);
  if (args[0] === '--floor') return floor(args[1], args[2]);
  if (args[0] === '--idle') return idle(args[1]);
  // Keep a library for profiling one export by hand:
  //   npx tsx bench/export.ts --build /tmp/lib.qalam 10000
  //   node --cpu-prof --import tsx bench/export.ts --child /tmp/lib.qalam w3c /tmp/out.jsonld
  if (args[0] === '--build') return build(args[1], Number(args[2]), PER_ARTICLE);
  const repeat = Math.max(1, Number(option(args, '--repeat', '3')));
  const formats = option(args, '--formats', FORMATS.join(',')).split(',') as (typeof FORMATS)[number][];
  const larger = Number(option(args, '--larger', '0'));
  const sizes = [Number(option(args, '--small', '10000')), Number(option(args, '--large', '100000')), ...(larger ? [larger] : [])];
  const dir = mkdtempSync(join(tmpdir(), 'qalam-bench-export-'));
  const self = fileURLToPath(import.meta.url);
  const run = (...childArgs: string[]): Measure => {
    const line = execFileSync(process.execPath, ['--import', 'tsx', self, ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(line.trim().split('\n').pop()!) as Measure;
  };
  try {
    // results[size][name] = the runs of one format (or the floor) at one size
    const results = new Map<number, Map<string, Measure[]>>();
    const idleRss = new Map<number, number>();
    for (const passages of sizes) {
      const articles = Math.ceil(passages / PER_ARTICLE);
      const db = join(dir, `lib-${passages}.qalam`);
      const t0 = Date.now();
      build(db, articles, PER_ARTICLE);
      process.stdout.write(`built ${articles} articles, ${passages} passages in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      idleRss.set(passages, run('--idle', db).maxRssMb);
      const bySize = new Map<string, Measure[]>();
      results.set(passages, bySize);
      // Rounds rather than one format at a time: a burst of load elsewhere hits every format alike.
      for (let round = 0; round < repeat; round++) {
        for (const name of ['floor', ...formats]) {
          const out = join(dir, `out-${passages}-${name}-${round}${name === 'bagit' ? '.zip' : ''}`);
          const m = name === 'floor' ? run('--floor', db, out) : run('--child', db, name, out);
          (bySize.get(name) ?? bySize.set(name, []).get(name)!).push(m);
          rmSync(out, { recursive: true, force: true });
          process.stdout.write(`  ${String(passages).padStart(6)} ${name.padEnd(6)} ${m.ms.toFixed(0).padStart(6)} ms  ${m.maxRssMb.toFixed(0)} MB\n`);
        }
      }
      rmSync(db, { force: true });
    }
    const [small, large] = sizes;
    const floorMs = median(results.get(large)!.get('floor')!.map((m) => m.ms));
    const floorCpu = median(results.get(large)!.get('floor')!.map((m) => m.cpuMs));
    const rssOf = (size: number, name: string) => median(results.get(size)!.get(name)!.map((m) => m.maxRssMb));
    // Flatness is judged over the last step: small → large, or large → larger when asked for.
    const [from, to] = larger ? [large, larger] : [small, large];
    const floorGrowth = rssOf(to, 'floor') - rssOf(from, 'floor');
    const head = ['format', `passages/s`, 'cpu-time /s', '× floor', 'MB written', `peak RSS ${small / 1000}k`, `peak RSS ${large / 1000}k`, ...(larger ? [`peak RSS ${larger / 1000}k`] : []), `growth ${from / 1000}k→${to / 1000}k`, 'beyond floor', 'target'];
    const rows: string[][] = [];
    let failed = false;
    for (const name of ['floor', ...formats]) {
      const big = results.get(large)!.get(name)!;
      const little = results.get(small)!.get(name)!;
      const ms = median(big.map((m) => m.ms));
      const cpu = median(big.map((m) => m.cpuMs));
      const passages = big[0].passages;
      const rate = (passages / ms) * 1000;
      const rssSmall = rssOf(small, name);
      const rssLarge = rssOf(large, name);
      const growth = rssOf(to, name) - rssOf(from, name);
      const checks: string[] = [];
      if (name === 'w3c' || name === 'csv') checks.push(rate >= TARGET_RATE ? `≥ ${TARGET_RATE / 1000}k/s ok` : `< ${TARGET_RATE / 1000}k/s FAIL`);
      if (name !== 'floor') checks.push(growth - floorGrowth < FLAT_MB ? 'flat ok' : 'memory grows FAIL');
      if (checks.some((c) => c.endsWith('FAIL'))) failed = true;
      rows.push([
        name,
        name === 'qdc' ? '(codebook)' : Math.round(rate).toLocaleString('en'),
        name === 'qdc' ? '' : Math.round((passages / cpu) * 1000).toLocaleString('en'),
        name === 'floor' ? '1.0' : (ms / floorMs).toFixed(1) + ` (cpu ${(cpu / floorCpu).toFixed(1)})`,
        (median(big.map((m) => m.bytes)) / 1e6).toFixed(1),
        `${rssSmall.toFixed(0)} MB`,
        `${rssLarge.toFixed(0)} MB`,
        ...(larger ? [`${rssOf(larger, name).toFixed(0)} MB`] : []),
        `${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB`,
        name === 'floor' ? '' : `${growth - floorGrowth >= 0 ? '+' : ''}${(growth - floorGrowth).toFixed(0)} MB`,
        checks.join(', '),
      ]);
    }
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    process.stdout.write(`\n${large.toLocaleString('en')} passages on ${(large / PER_ARTICLE).toLocaleString('en')} articles; median of ${repeat} runs; `);
    process.stdout.write(`peak RSS of a child that only opens the library: ${sizes.map((n) => `${idleRss.get(n)!.toFixed(0)} MB`).join(' / ')}\n`);
    process.stdout.write(`passages/s by wall-clock time; cpu-time /s: passages per second of the child's own CPU time (less sensitive to a busy machine)\n`);
    process.stdout.write(`memory is flat when ${from.toLocaleString('en')} → ${to.toLocaleString('en')} passages add less than ${FLAT_MB} MB beyond what they add to the floor (which keeps nothing)\n\n`);
    process.stdout.write(line(head) + '\n' + line(widths.map((w) => '-'.repeat(w))) + '\n');
    for (const r of rows) process.stdout.write(line(r) + '\n');
    process.stdout.write(failed ? '\nsome targets were missed\n' : '\nall targets met\n');
    process.exitCode = failed ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
