// Evaluation of cross-script search over ../shared/corpus (`npm run eval:search [-- --json]`).
//
// The library is built through the real import. The expected hits of every query are computed
// here without the search code: from the Cyrillic original of the parallel Uzbek texts (the
// folders uz-cyrl, uz-latn, uz-latn-new hold the same texts under the same file names, so a
// text that has the word in Cyrillic is expected in all three scripts), and by plain regular
// expressions over the Kazakh, Russian and mixed-script texts. Queries are typed in another
// script than the one the expectation is read from, with a transliteration written here from
// the corpus's own letter table (translit/uz-cyrl-latn.tsv) and the 2021 Kazakh Latin alphabet.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../electron/core/archive.js';
import { searchArticles } from '../electron/core/search/search.js';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const json = process.argv.includes('--json');
const log = (...a: unknown[]) => {
  if (!json) console.log(...a);
};

// ---- the texts -------------------------------------------------------------------------------

const FOLDERS = ['uz-cyrl', 'uz-latn', 'uz-latn-new', 'kk', 'ru', 'en'];
const files = new Map<string, string>(); // "folder/file" → text
for (const folder of FOLDERS)
  for (const f of readdirSync(join(corpus, folder)).sort()) files.set(`${folder}/${f}`, readFileSync(join(corpus, folder, f), 'utf8'));
const parallel = readdirSync(join(corpus, 'uz-cyrl')).sort();
const parallelSet = new Set(parallel.flatMap((f) => ['uz-cyrl', 'uz-latn', 'uz-latn-new'].map((d) => `${d}/${f}`)));

// ---- transliteration, from translit/uz-cyrl-latn.tsv -----------------------------------------

const table = new Map<string, [string, string]>(); // lower-case Cyrillic → [1995 Latin, new Latin]
for (const line of readFileSync(join(corpus, 'translit/uz-cyrl-latn.tsv'), 'utf8').split('\n').slice(1)) {
  const [cyr, latin, neo] = line.split('\t');
  if (!cyr || cyr.includes('«')) continue;
  const lowerOf = (cell: string) => (cell.split(' ').length >= 2 ? cell.split(' ')[1] : cell).split('/')[0].trim();
  table.set(lowerOf(cyr), [lowerOf(latin ?? ''), lowerOf(neo ?? '')]);
}
const UZ_VOWELS = new Set('аеёиоуэюяўъь'.split(''));

/// A lower-case Uzbek Cyrillic word in 1995 Latin (with the given oʻ/gʻ apostrophe) or new Latin.
function transliterate(word: string, variant: 'latin' | 'new', apostrophe = 'ʻ'): string {
  let out = '';
  const chars = [...word];
  chars.forEach((ch, i) => {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (ch === 'е') out += !prev || UZ_VOWELS.has(prev) ? 'ye' : 'e';
    else if (ch === 'ц') out += prev && next && UZ_VOWELS.has(prev) && UZ_VOWELS.has(next) ? 'ts' : 's';
    else if (ch === 'ъ') out += variant === 'new' ? '’' : 'ʼ';
    else {
      const t = table.get(ch);
      out += t ? (variant === 'new' ? t[1] : t[0]).replace('ʻ', apostrophe) : ch;
    }
  });
  return out;
}

const KAZAKH_2021: Record<string, string> = {
  а: 'a', ә: 'ä', б: 'b', в: 'v', г: 'g', ғ: 'ğ', д: 'd', е: 'e', ё: 'io', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k',
  қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'ñ', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'ū', ү: 'ü',
  ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'ş', щ: 'şş', ъ: '', ы: 'y', і: 'ı', ь: '', э: 'e', ю: 'iu', я: 'ia',
};
const kazakhLatin = (word: string) => [...word].map((c) => KAZAKH_2021[c] ?? c).join('');

// ---- expectations ------------------------------------------------------------------------------

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/// The word at a word start, followed by any letters (its forms), case-insensitive.
const wordForms = (w: string) => new RegExp(`(?<![\\p{L}\\p{M}])${w}[\\p{L}\\p{M}ʼʻ’‘']*`, 'iu');
const exactPhrase = (words: string[]) => new RegExp(`(?<![\\p{L}\\p{M}])${words.map(esc).join('\\s+')}(?![\\p{L}\\p{M}])`, 'iu');

/// Files expected for a regex read on the Cyrillic Uzbek texts: the three versions of each.
function uzExpected(re: RegExp): Set<string> {
  const out = new Set<string>();
  for (const f of parallel)
    if (re.test(files.get(`uz-cyrl/${f}`)!)) for (const d of ['uz-cyrl', 'uz-latn', 'uz-latn-new']) out.add(`${d}/${f}`);
  return out;
}
function folderExpected(folders: string[], re: RegExp): Set<string> {
  const out = new Set<string>();
  for (const [k, t] of files) if (folders.includes(k.split('/')[0]) && re.test(t)) out.add(k);
  return out;
}

interface Case {
  category: string;
  query: string;
  expected: Set<string>;
  /// Which hits are judged: the others (e.g. kun.uz articles outside the parallel set) are not counted.
  judged: (file: string) => boolean;
  crossScript: boolean;
}
const cases: Case[] = [];
const inParallel = (f: string) => parallelSet.has(f);
const inFolders = (folders: string[]) => (f: string) => folders.includes(f.split('/')[0]);

// Words of the Cyrillic Uzbek texts (a plain regex, not the tokenizer), by how many texts hold them.
const wordDocs = new Map<string, Set<string>>();
for (const f of parallel)
  for (const m of files.get(`uz-cyrl/${f}`)!.toLowerCase().matchAll(/(?<![\p{L}\p{M}])[а-яёўқғҳ]+(?![\p{L}\p{M}])/gu)) {
    const w = m[0];
    if (w.length < 5) continue;
    if (!wordDocs.has(w)) wordDocs.set(w, new Set());
    wordDocs.get(w)!.add(f);
  }
const candidates = [...wordDocs]
  .filter(([, docs]) => docs.size >= 2 && docs.size <= 20)
  .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
  .map(([w]) => w);
const every = <T>(list: T[], n: number, offset: number) => list.filter((_, i) => i % Math.floor(list.length / n) === offset).slice(0, n);

every(candidates, 20, 0).forEach((w) =>
  cases.push({ category: 'uz word, typed in Cyrillic', query: w, expected: uzExpected(wordForms(w)), judged: inParallel, crossScript: true }),
);
const apostrophes = ["'", 'ʻ', '‘', '’'];
every(candidates, 20, 1).forEach((w, i) =>
  cases.push({
    category: 'uz word, typed in Latin',
    query: transliterate(w, 'latin', apostrophes[i % 4]),
    expected: uzExpected(wordForms(w)),
    judged: inParallel,
    crossScript: true,
  }),
);
every(candidates, 10, 2).forEach((w) =>
  cases.push({ category: 'uz word, typed in new Latin', query: transliterate(w, 'new'), expected: uzExpected(wordForms(w)), judged: inParallel, crossScript: true }),
);

// Stems that some texts hold only with suffixes: finding those texts needs the suffix rules.
const suffixedOnly = candidates.filter((w) => {
  const re = wordForms(w);
  const bare = new RegExp(`(?<![\\p{L}\\p{M}])${w}(?![\\p{L}\\p{M}])`, 'iu');
  let onlySuffixed = 0;
  for (const f of parallel) {
    const t = files.get(`uz-cyrl/${f}`)!;
    if (re.test(t) && !bare.test(t)) onlySuffixed++;
  }
  return onlySuffixed >= 2 && w.length >= 6;
});
every(suffixedOnly, 10, 0).forEach((w, i) =>
  cases.push({
    category: 'uz stem with suffixed forms, typed in Latin',
    query: transliterate(w, 'latin', apostrophes[i % 4]),
    expected: uzExpected(wordForms(w)),
    judged: inParallel,
    crossScript: true,
  }),
);

// Two-word phrases, quoted, typed in Latin.
const pairDocs = new Map<string, Set<string>>();
for (const f of parallel)
  for (const m of files.get(`uz-cyrl/${f}`)!.toLowerCase().matchAll(/(?<![\p{L}\p{M}])([а-яёўқғҳ]{4,}) ([а-яёўқғҳ]{4,})(?![\p{L}\p{M}])/gu)) {
    const k = `${m[1]} ${m[2]}`;
    if (!pairDocs.has(k)) pairDocs.set(k, new Set());
    pairDocs.get(k)!.add(f);
  }
const pairs = [...pairDocs].filter(([, d]) => d.size >= 2).sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).map(([p]) => p);
every(pairs, 8, 0).forEach((p) =>
  cases.push({
    category: 'uz "phrase", typed in Latin',
    query: `"${p.split(' ').map((w) => transliterate(w, 'latin')).join(' ')}"`,
    expected: uzExpected(exactPhrase(p.split(' '))),
    judged: inParallel,
    crossScript: true,
  }),
);

// Mixed-script words: any letter may be its look-alike from the other script.
const LOOKALIKE: Record<string, string> = { а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', х: 'x', у: 'y', і: 'i' };
const anyScript = (w: string) =>
  [...w.toLowerCase()]
    .map((c) => {
      const other = LOOKALIKE[c] ?? Object.keys(LOOKALIKE).find((k) => LOOKALIKE[k] === c);
      return other ? `[${c}${other}]` : esc(c);
    })
    .join('');
// [query, stem the expectation reads (Russian endings replace a final vowel), its Latin spelling, forms?]
for (const [query, stem, latin, forms] of [
  ['Астана', 'Астан', 'astan', true],
  ['мемлекеттік', 'мемлекеттік', 'memlekettik', true],
  ['XXI', 'XXI', 'xxi', false],
  ['XIX', 'XIX', 'xix', false],
  ['среди', 'среди', 'sredi', false],
  ['Атырау', 'Атырау', 'atyrau', true],
] as const) {
  // The word with any of its letters written as the other script's look-alike, or spelled in Latin.
  const body = `(?:${anyScript(stem)}|${latin})`;
  const re = forms ? new RegExp(`(?<![\\p{L}\\p{M}])${body}[\\p{L}\\p{M}]*`, 'iu') : new RegExp(`(?<![\\p{L}\\p{M}])${body}(?![\\p{L}\\p{M}])`, 'iu');
  cases.push({ category: 'mixed-script words', query, expected: folderExpected(['uz-cyrl', 'kk', 'ru'], re), judged: inFolders(['uz-cyrl', 'kk', 'ru']), crossScript: true });
}

// Kazakh words with a letter of their own, typed in the 2021 Latin alphabet.
const kkDocs = new Map<string, Set<string>>();
for (const [k, t] of files) {
  if (!k.startsWith('kk/')) continue;
  for (const m of t.toLowerCase().matchAll(/(?<![\p{L}\p{M}])[а-яёәғқңөұүһі]{6,}(?![\p{L}\p{M}])/gu)) {
    if (!/[әғқңөұүі]/.test(m[0])) continue;
    if (!kkDocs.has(m[0])) kkDocs.set(m[0], new Set());
    kkDocs.get(m[0])!.add(k);
  }
}
const kkWords = [...kkDocs].filter(([, d]) => d.size >= 3 && d.size <= 60).sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
every(kkWords, 10, 0).forEach((w) =>
  cases.push({ category: 'kk word, typed in 2021 Latin', query: kazakhLatin(w), expected: folderExpected(['kk'], wordForms(w)), judged: inFolders(['kk']), crossScript: true }),
);
every(kkWords, 4, 1).forEach((w) =>
  cases.push({ category: 'kk word, typed in Cyrillic', query: w, expected: folderExpected(['kk'], wordForms(w)), judged: inFolders(['kk']), crossScript: false }),
);

// Russian words typed in their common Latin spelling; expected from the Cyrillic stem (or the
// same Latin spelling, which Russian posts also use: Uzbekistan Airways, URLs).
for (const [query, stem] of [
  ['Putin', 'Путин'],
  ['Moskva', 'Москв'],
  ['Tashkent', 'Ташкент'],
  ['Samarkand', 'Самарканд'],
  ['Uzbekistan', 'Узбекистан'],
  ['Shavkat', 'Шавкат'],
  ['Sergey', 'Серге[йяюе]'],
  ['Kazakhstan', 'Казахстан'],
] as const)
  cases.push({
    category: 'ru word, typed in Latin',
    query,
    expected: folderExpected(['ru'], wordForms(`(?:${stem}|${query})`)),
    judged: inFolders(['ru']),
    crossScript: true,
  });
// Names typed in the English or Kazakh Latin spelling that differs from the index's reading of
// the Cyrillic (й as y, е after a vowel as ye, -ий as iy); expected from the name's own case
// forms in Cyrillic (patronymics and family names made from it are other words).
const nameForms = (forms: string) => new RegExp(`(?<![\\p{L}\\p{M}])(?:${forms})(?![\\p{L}\\p{M}])`, 'iu');
for (const [query, forms] of [
  ['Zelensky', 'Зеленский|Зеленского|Зеленскому|Зеленским|Зеленском|Zelensky'],
  ['Sergei', 'Сергей|Сергея|Сергею|Сергеем|Сергее|Sergei'],
  ['Andrei', 'Андрей|Андрея|Андрею|Андреем|Андрее|Andrei'],
  ['Nikolai', 'Николай|Николая|Николаю|Николаем|Николае|Nikolai'],
  ['Dmitry', 'Дмитрий|Дмитрия|Дмитрию|Дмитрием|Дмитрии|Dmitry'],
  ['Nazarbaev', 'Назарбаев\\p{L}*|Nazarbaev\\p{L}*'],
  ['Toqaev', 'Тоқаев\\p{L}*|Toqaev\\p{L}*'],
] as const)
  cases.push({
    category: 'name, typed in another transliteration',
    query,
    expected: folderExpected(['ru', 'kk'], nameForms(forms)),
    judged: inFolders(['ru', 'kk']),
    crossScript: true,
  });

for (const [query, stem] of [
  ['Ташкент', 'Ташкент|Tashkent'],
  ['президент', 'президент|prezident'],
  ['Москва', 'Москв|Moskv'],
  ['правительство', 'правительств|pravitelstv'],
] as const)
  cases.push({ category: 'ru word, typed in Cyrillic', query, expected: folderExpected(['ru'], wordForms(`(?:${stem})`)), judged: inFolders(['ru']), crossScript: false });

// ---- run ---------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'qalam-eval-'));
const archive = openArchive(join(dir, 'eval.qalam'));
try {
  const started = performance.now();
  const { jobId } = await archive.handlers.importPaths({ paths: FOLDERS.map((f) => join(corpus, f)) }, { transport: 'cli' });
  const status = await archive.ctx.jobs.wait(jobId);
  if (status.state !== 'done') throw new Error(`import failed: ${status.error?.message}`);
  log(`imported ${(status.result as { imported: number }).imported} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  interface Score {
    queries: number;
    tp: number;
    fp: number;
    fn: number;
    ms: number[];
  }
  const byCategory = new Map<string, Score>();
  const misses: string[] = [];
  const cross: Score = { queries: 0, tp: 0, fp: 0, fn: 0, ms: [] };
  for (const c of cases) {
    const t0 = performance.now();
    const r = searchArticles(archive.ctx.lib, { query: c.query, limit: 100_000, snippets: false });
    const ms = performance.now() - t0;
    const found = new Set(r.results.map((h) => `${basename(dirname(h.path!))}/${basename(h.path!)}`).filter(c.judged));
    let tp = 0;
    for (const f of found) if (c.expected.has(f)) tp++;
    const fp = found.size - tp;
    const fn = c.expected.size - tp;
    for (const s of [byCategory.get(c.category) ?? { queries: 0, tp: 0, fp: 0, fn: 0, ms: [] }, ...(c.crossScript ? [cross] : [])]) {
      s.queries++;
      s.tp += tp;
      s.fp += fp;
      s.fn += fn;
      s.ms.push(ms);
      if (s !== cross) byCategory.set(c.category, s);
    }
    if (fp + fn > 0) misses.push(`${c.category}: ${c.query} — expected ${c.expected.size}, found ${found.size}, missed ${fn}, extra ${fp}`);
  }
  const recall = (s: Score) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
  const precision = (s: Score) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
  const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))];
  const rows = [...byCategory].map(([category, s]) => ({
    category,
    queries: s.queries,
    expected: s.tp + s.fn,
    recall: +recall(s).toFixed(4),
    precision: +precision(s).toFixed(4),
    p95_ms: +p95(s.ms).toFixed(1),
  }));
  const summary = {
    queries: cases.length,
    cross_script: { queries: cross.queries, recall: +recall(cross).toFixed(4), precision: +precision(cross).toFixed(4) },
    categories: rows,
    misses,
  };
  if (json) console.log(JSON.stringify(summary, null, 2));
  else {
    console.table(rows);
    log(`cross-script: ${cross.queries} queries, recall ${recall(cross).toFixed(4)}, precision ${precision(cross).toFixed(4)} (targets 0.98 / 0.95)`);
    if (misses.length) log(`\nqueries with misses or extra hits:\n  ${misses.join('\n  ')}`);
  }
  process.exitCode = recall(cross) >= 0.98 && precision(cross) >= 0.95 ? 0 : 1;
} finally {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
}
