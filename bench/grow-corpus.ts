// Grow the team corpus to N articles by recombining its real paragraphs, so benchmarks run on
// text with the scripts, mixed-script words and lengths of real news (issue 2 asks for 100,000).
// Each new article takes its paragraphs from articles of one language folder, in the seed format.
//   tsx bench/grow-corpus.ts [--articles 100000] [--from ../shared/corpus] [--out bench/data/corpus-100k]
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    from: { type: 'string', default: join(import.meta.dirname, '..', '..', 'shared', 'corpus') },
    out: { type: 'string', default: join(import.meta.dirname, 'data', 'corpus-100k') },
    seed: { type: 'string', default: '20251110' },
  },
});

/// A small deterministic generator (mulberry32): the same corpus on every machine.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FOLDERS = ['uz-cyrl', 'uz-latn', 'uz-latn-new', 'kk', 'ru', 'en'];
// Shares of the grown corpus: Uzbek in its scripts, Kazakh, Russian and English beside it.
const WEIGHTS = [0.2, 0.2, 0.05, 0.15, 0.25, 0.15];

export function loadParagraphs(corpusDir: string): Map<string, { paragraphs: string[]; dates: string[] }> {
  const pools = new Map<string, { paragraphs: string[]; dates: string[] }>();
  for (const folder of FOLDERS) {
    const pool = { paragraphs: [] as string[], dates: [] as string[] };
    for (const name of readdirSync(join(corpusDir, folder)).sort()) {
      const lines = readFileSync(join(corpusDir, folder, name), 'utf8').split('\n');
      const head = /^ ?date (\d{4}-\d{2}-\d{2}) /.exec(lines[0] ?? '');
      if (head) pool.dates.push(head[1]);
      for (const l of lines.slice(1)) if (l.trim().length > 20) pool.paragraphs.push(l.trim());
    }
    pools.set(folder, pool);
  }
  return pools;
}

export function growCorpus(corpusDir: string, out: string, count: number, seed: number): number {
  const random = rng(seed);
  const pools = loadParagraphs(corpusDir);
  rmSync(out, { recursive: true, force: true });
  let written = 0;
  const made = new Set<string>();
  for (let i = 0; i < count; i++) {
    let r = random();
    let f = 0;
    while (f < WEIGHTS.length - 1 && r > WEIGHTS[f]) r -= WEIGHTS[f++];
    const folder = FOLDERS[f];
    const pool = pools.get(folder)!;
    // Real articles here run from one sentence (Kazakh items) to dozens of paragraphs.
    const n = folder === 'kk' ? 1 + Math.floor(random() * 3) : 2 + Math.floor(random() * 8);
    const paragraphs = Array.from({ length: n }, () => pool.paragraphs[Math.floor(random() * pool.paragraphs.length)]);
    const title = paragraphs[0].split(/\s+/).slice(0, 8).join(' ').replace(/[.,:;]$/, '');
    const date = pool.dates[Math.floor(random() * pool.dates.length)] ?? '2020-01-01';
    const sub = join(out, folder, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (!made.has(sub)) mkdirSync(sub, { recursive: true });
    made.add(sub);
    writeFileSync(join(sub, `g${String(i).padStart(6, '0')}.txt`), ` date ${date} ${title}\n${paragraphs.join('\n')}\n`);
    written++;
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = growCorpus(values.from!, values.out!, Number(values.articles), Number(values.seed));
  console.log(`wrote ${n} articles to ${values.out}`);
}
