// The UI benchmark (`npm run bench:ui`): the real app in Chromium, served by `qalam serve`.
//
//   library    a library of 100,000 articles, opened cold (a fresh browser context) at the
//              address `qalam serve` prints: from the start of navigation to the first rows
//              painted (Element Timing of the rows' titles; the server draws them into the page
//              it serves, so they need no script), target ≤ 300 ms; also when the page's first
//              script ran (`qalam:entry`), when the app (React) had its rows
//              (`qalam:library-first-rows`), and that from the app's first render
//              (`qalam:app-render`); and the same page served without the drawn screen (as after
//              a reload, once the secret has left the address), where the entry module draws the
//              rows when they arrive;
//   reader     an article of 100 KB of real paragraphs with 2,000 highlights: from its data
//              having arrived (`qalam:reader-data`) to the view showing it, painted with every
//              highlight (`qalam:reader-shown`), target ≤ 150 ms; also the view's own build
//              (`qalam:reader-render`) and the whole open, from the hash change to that paint;
//   highlight  a new highlight taken through the UI (mouse selection, H, a tag, Enter): the
//              reader's `qalam:highlight-added` measure, target ≤ 16 ms.
//
// The library's figure is explained step by step (page-timing.ts): the document's request and
// bytes, its parse, the paints, what it loaded before the rows were painted (with the server's
// own time for each), beside a bare page of the same rows of text served by the same server and
// opened the same way, in turns with the app's runs: on a small busy machine, most of the wait is
// a fresh browser page's own start, and the difference is what the app adds.
// `npm run bench:ui -- --library` measures the library alone.
//
// The library is written with SQL (the schema of the migrations) so it is built in seconds.
// Needs the built renderer (`npm run build:renderer`) and Chromium (`apt-get install chromium`).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openLibrary } from '../electron/core/db/open.js';
import { corpusCopies, insertArticles, insertHighlights, insertTags, longArticle, readCorpus } from '../tests/e2e/bulk-library.js';
import { launchChromium } from '../tests/e2e/chromium.js';
import { selectWithMouse } from '../tests/e2e/mouse-select.js';
import { repoRoot, startServe } from '../tests/e2e/serve-process.js';
import { bareRowsPage, coldPageTiming, ELEMENT_TIMING_OBSERVER, pageTiming, type PageTiming } from './page-timing.js';

const ARTICLES = 100_000;
const ARTICLE_BYTES = 100 * 1024;
const HIGHLIGHTS = 2_000;
const RUNS = 7;

const targets = { reader: 150, highlight: 16, library: 300 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

const tagNames = ['Security', 'Economy', 'Health', 'Diplomacy', 'Energy', 'Transport', 'Culture', 'Courts'];

/// The library of an earlier run, when it is complete (building takes a while on a busy machine).
function reuseLibrary(path: string): { articleId: number } | null {
  if (!existsSync(path)) return null;
  const lib = openLibrary(path);
  try {
    const articles = lib.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const long = lib.db.prepare("SELECT id FROM articles WHERE source = 'bench'").pluck().get() as number | undefined;
    const highlights = long ? (lib.db.prepare('SELECT count(*) FROM annotations WHERE article_id = ?').pluck().get(long) as number) : 0;
    if (articles !== ARTICLES || !long || highlights < HIGHLIGHTS) return null;
    // Highlights taken by an earlier run are removed, so every run starts from the same state.
    lib.db.prepare('DELETE FROM annotations WHERE id IN (SELECT id FROM annotations WHERE article_id = ? ORDER BY id LIMIT -1 OFFSET ?)').run(long, HIGHLIGHTS);
    lib.db.pragma('wal_checkpoint(TRUNCATE)');
    console.log(`library: reusing ${path}`);
    return { articleId: long };
  } finally {
    lib.close();
  }
}

/// Build the library: 100,000 corpus articles, then the long article with its highlights.
function buildLibrary(path: string): { articleId: number } {
  rmSync(path, { force: true });
  rmSync(path + '-wal', { force: true });
  rmSync(path + '-shm', { force: true });
  const started = performance.now();
  const corpus = readCorpus();
  const lib = openLibrary(path);
  try {
    insertArticles(lib, corpusCopies(corpus, ARTICLES - 1));
    const long = longArticle(corpus, ARTICLE_BYTES);
    const [articleId] = insertArticles(lib, [long]);
    insertHighlights(lib, articleId, long.text, HIGHLIGHTS, insertTags(lib, tagNames));
    lib.db.pragma('wal_checkpoint(TRUNCATE)');
    console.log(
      `library: ${ARTICLES.toLocaleString('en')} articles, one of ${Buffer.byteLength(long.text, 'utf8').toLocaleString('en')} bytes ` +
        `(${long.text.length.toLocaleString('en')} characters) with ${HIGHLIGHTS.toLocaleString('en')} highlights; built in ${ms(performance.now() - started)}`,
    );
    return { articleId };
  } finally {
    lib.close();
  }
}

/// The newest entry of a performance mark or measure with this name after `since`, when there is one.
async function entryAfter(page: Page, name: string, since: number, timeout = 30_000): Promise<{ startTime: number; duration: number }> {
  const handle = await page.waitForFunction(
    ({ name, since }) => {
      const e = performance.getEntriesByName(name).filter((x) => x.startTime >= since).at(-1);
      return e ? { startTime: e.startTime, duration: e.duration } : null;
    },
    { name, since },
    { timeout, polling: 'raf' },
  );
  return (await handle.jsonValue()) as { startTime: number; duration: number };
}

interface LibraryRun {
  /// Navigation start → first rows painted (drawn by the server into the page, by the entry module,
  /// or by the app if it came first).
  painted: number;
  /// Navigation start → the entry module running (the page's first script).
  entry: number;
  /// Navigation start → the app (React) rendering its first rows, working.
  appRows: number;
  /// The app's first render → its first rows.
  appRowsFromRender: number;
  /// Where the time to the first rows went (the document, what it loaded, the paints).
  timing: PageTiming;
}

/// Open the library cold (a fresh browser context, nothing cached) and time its first rows.
/// The page reports its own figures through a binding: evaluating anything in it while it starts
/// (Playwright's waitForFunction) would inject Playwright's helper script into the page's main
/// thread in the middle of the app's start and be counted as the app's time.
async function libraryRun(browser: Browser, url: string): Promise<LibraryRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let reported!: (run: Omit<LibraryRun, 'timing'>) => void;
  const run = new Promise<Omit<LibraryRun, 'timing'>>((resolve) => (reported = resolve));
  await page.exposeFunction('qalamBenchLibrary', (r: Omit<LibraryRun, 'timing'>) => reported(r));
  await page.addInitScript(ELEMENT_TIMING_OBSERVER);
  // Element Timing entries are only handed to observers: start them before the page's scripts.
  // (No named function variables inside: tsx wraps those in a helper the page does not have.)
  await page.addInitScript(() => {
    const state = {
      painted: NaN,
      done: false,
      check(): void {
        const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
        const appRows = marks['qalam:library-first-rows'];
        if (this.done || Number.isNaN(this.painted) || appRows === undefined) return;
        this.done = true;
        (window as unknown as { qalamBenchLibrary(r: unknown): void }).qalamBenchLibrary({
          painted: this.painted,
          entry: marks['qalam:entry'] ?? NaN,
          appRows,
          appRowsFromRender: appRows - (marks['qalam:app-render'] ?? NaN),
        });
      },
    };
    new PerformanceObserver((list) => {
      const rows = list.getEntries().filter((e) => (e as PerformanceEntry & { identifier: string }).identifier === 'library-row');
      if (rows.length === 0 || !Number.isNaN(state.painted)) return;
      state.painted = Math.min(...rows.map((e) => e.startTime));
      state.check();
    }).observe({ type: 'element', buffered: true });
    new PerformanceObserver(() => state.check()).observe({ type: 'mark', buffered: true });
  });
  await page.goto(url + '#/library', { waitUntil: 'commit' });
  const figures = await Promise.race([
    run,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the library showed no rows in 30 s')), 30_000).unref()),
  ]);
  const rows = await page.locator('[data-index]').count();
  if (rows === 0) throw new Error('the library shows no rows');
  const timing = await pageTiming(page);
  await context.close();
  return { ...figures, timing };
}

/// Rows in the DOM at the top, the middle and the end of the 100,000: a virtualised list keeps
/// the count the same wherever it is scrolled.
async function libraryDomRows(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + '#/library');
  await entryAfter(page, 'qalam:library-first-rows', 0);
  const counts: number[] = [];
  for (const fraction of [0, 0.5, 1]) {
    await page.locator('[data-index]').first().evaluate((row, fraction) => {
      let el: HTMLElement | null = row.parentElement;
      while (el && el.scrollHeight <= el.clientHeight) el = el.parentElement;
      if (el) el.scrollTop = (el.scrollHeight - el.clientHeight) * fraction;
    }, fraction);
    await page.waitForTimeout(300);
    counts.push(await page.locator('[data-index]').count());
  }
  await context.close();
  return counts;
}

interface ReaderRun {
  /// The data arrived → the view painted with every highlight (the target's figure).
  shown: number;
  /// The data arrived → the view built (ProseMirror state, decorations, DOM).
  build: number;
  /// From the hash change to the view painted: fetching, building and showing.
  open: number;
}

async function readerRun(page: Page, articleId: number): Promise<ReaderRun> {
  await page.evaluate(() => (location.hash = '#/library'));
  await page.locator('[data-index]').first().waitFor();
  const t0 = await page.evaluate((id) => {
    const t = performance.now();
    location.hash = `#/article/${id}`;
    return t;
  }, articleId);
  const shown = await entryAfter(page, 'qalam:reader-shown', t0);
  const build = await entryAfter(page, 'qalam:reader-render', t0);
  const drawn = await page.locator('[aria-label="Article text"] [data-annotation-ids]').count();
  if (drawn === 0) throw new Error('the reader drew no highlights');
  return { shown: shown.duration, build: build.duration, open: shown.startTime + shown.duration - t0 };
}

/// The library shown again inside the running app (from an open article back to the library):
/// the hash change → its first rows painted, as a researcher moving between views sees it.
async function libraryInAppRun(page: Page, articleId: number): Promise<number> {
  await page.evaluate((id) => (location.hash = `#/article/${id}`), articleId);
  await page.getByRole('document', { name: 'Article text' }).waitFor();
  // (No named function variables inside: tsx wraps those in a helper the page does not have.)
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const observer = new PerformanceObserver((list) => {
          const rows = list
            .getEntries()
            .map((e) => e as PerformanceEntry & { identifier: string; renderTime: number })
            .filter((e) => e.identifier === 'library-row' && e.renderTime > t0);
          if (rows.length) {
            observer.disconnect();
            resolve(Math.min(...rows.map((e) => e.renderTime)) - t0);
          }
        });
        observer.observe({ type: 'element' });
        location.hash = '#/library';
      }),
  );
}

/// Take a new highlight through the UI; returns the reader's measure and the time from Enter to
/// the next frame (including the call to the server).
async function highlightRun(page: Page, needle: string, tag: string): Promise<{ added: number; endToEnd: number }> {
  const text = page.getByRole('document', { name: 'Article text' });
  await selectWithMouse(page, text, needle);
  await page.keyboard.press('h');
  const field = page.getByRole('combobox', { name: 'Tags' });
  await field.fill(tag);
  await field.press('Enter');
  const t0 = await page.evaluate(() => performance.now());
  await field.press('Enter');
  const added = await entryAfter(page, 'qalam:highlight-added', t0);
  const endToEnd = await page.evaluate(
    (t0) => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)))),
    t0,
  );
  await page.getByRole('dialog', { name: 'New highlight' }).waitFor({ state: 'detached' });
  return { added: added.duration, endToEnd };
}

/// Words of the long article to highlight: real words a few paragraphs apart.
async function pickNeedles(page: Page, count: number): Promise<string[]> {
  return page.getByRole('document', { name: 'Article text' }).evaluate((root, count) => {
    const paragraphs = [...root.querySelectorAll('p')];
    const out: string[] = [];
    for (let i = 1; out.length < count && i < paragraphs.length; i += Math.max(1, Math.floor(paragraphs.length / (count + 1)))) {
      // Not the paragraph's first word: a drag that starts at a line's very edge can take the line.
      const words = (paragraphs[i].textContent ?? '').split(/\s+/).slice(1).filter((w) => /^\p{L}{5,}$/u.test(w));
      const word = words.find((w) => (root.textContent ?? '').split(w).length === 2);
      if (word) out.push(word);
    }
    return out;
  }, count);
}

function report(name: string, figures: number[], target?: number): boolean {
  const m = median(figures);
  const verdict = target === undefined ? '' : m <= target ? `  ≤ ${target} ms: met` : `  > ${target} ms: MISSED`;
  console.log(`${name.padEnd(50)} median ${ms(m).padStart(9)}   (runs: ${figures.map((f) => f.toFixed(1)).join(', ')})${verdict}`);
  return target === undefined || m <= target;
}

/// Rows of the bare page: about what fills the app's list in the benchmark's window.
const BARE_ROWS = 20;

/// The titles the library shows first (newest first), for the bare page.
function firstTitles(path: string, n: number): string[] {
  const lib = openLibrary(path);
  try {
    return lib.db.prepare('SELECT title FROM articles ORDER BY date DESC, id DESC LIMIT ?').pluck().all(n) as string[];
  } finally {
    lib.close();
  }
}

/// Where the library's time to first rows went, step by step from navigation start, beside the
/// bare page's: what the app adds over what it takes this browser to paint rows of text at all.
function reportBreakdown(app: PageTiming[], bare: PageTiming[]): void {
  const at = (xs: number[]) => ms(median(xs)).padStart(9);
  const kb = (xs: number[]) => `${(median(xs) / 1024).toFixed(1)} KB`;
  console.log(`  where the time went (median, ms from navigation start)    ${'app'.padStart(9)} ${'bare page'.padStart(9)}`);
  const steps: [string, (t: PageTiming) => number][] = [
    ['page requested', (t) => t.htmlRequest],
    ['page\'s first byte', (t) => t.htmlFirstByte],
    ['page\'s last byte', (t) => t.htmlLastByte],
    ['page parsed (domInteractive)', (t) => t.parsed],
    ['first paint', (t) => t.firstPaint],
    ['first contentful paint', (t) => t.firstContentfulPaint],
    ['first rows painted', (t) => t.rows],
  ];
  for (const [name, of] of steps) console.log(`    ${name.padEnd(56)}${at(app.map(of))} ${at(bare.map(of))}`);
  console.log(`    ${'the server\'s own time for the page'.padEnd(56)}${at(app.map((t) => t.htmlServer))} ${at(bare.map((t) => t.htmlServer))}`);
  console.log(`    ${'the page\'s size'.padEnd(56)}${kb(app.map((t) => t.htmlBytes)).padStart(9)} ${kb(bare.map((t) => t.htmlBytes)).padStart(9)}`);
  // What the app loaded before its rows were painted, by file (or call), in the order requested.
  const names = [...new Set(app.flatMap((t) => t.loadedBefore.map((l) => l.name)))];
  console.log(`  loaded before the first rows were painted (runs that did; median):`);
  if (names.length === 0) console.log('    nothing: the rows came with the page');
  for (const name of names) {
    const loads = app.flatMap((t) => t.loadedBefore.filter((l) => l.name === name));
    const server = loads.map((l) => l.server).filter((x) => !Number.isNaN(x));
    console.log(
      `    ${name.padEnd(34)} ${String(loads.length).padStart(2)}/${app.length} runs  ${at(loads.map((l) => l.start))} → ${at(loads.map((l) => l.end)).trim()}` +
        `  ${kb(loads.map((l) => l.bytes))}  server ${server.length ? ms(median(server)) : '–'}${loads.some((l) => l.blocking) ? '  render-blocking' : ''}`,
    );
  }
  const paired = app.map((t, i) => t.rows - bare[i]!.rows);
  console.log(`  first rows: app ${ms(median(app.map((t) => t.rows)))}, bare page ${ms(median(bare.map((t) => t.rows)))}; the app's own share (median of paired runs) ${ms(median(paired))}`);
}

async function main(): Promise<void> {
  // Kept in bench/data (gitignored) between runs; delete it to build afresh.
  const db = join(repoRoot, 'bench', 'data', 'ui-100k.qalam.sqlite');
  mkdirSync(dirname(db), { recursive: true });
  const { articleId } = reuseLibrary(db) ?? buildLibrary(db);
  // The bare page is served by the same server from the built renderer's folder, for this run only.
  const barePage = join(repoRoot, 'dist', 'renderer', 'bench-bare-rows.html');
  writeFileSync(barePage, bareRowsPage(firstTitles(db, BARE_ROWS)));
  const [serve, browser] = await Promise.all([startServe(db), launchChromium()]);
  let allMet = true;
  try {
    const library: LibraryRun[] = [];
    const entryDrawn: LibraryRun[] = [];
    const bare: PageTiming[] = [];
    // The same page as a file, without the screen the server draws into `/`.
    const plainPage = `${serve.origin}/index.html?token=${serve.token}`;
    // Taken in turns, so all see the same state of a busy machine.
    for (let i = 0; i < RUNS; i++) {
      library.push(await libraryRun(browser, serve.url));
      bare.push(await coldPageTiming(browser, `${serve.origin}/bench-bare-rows.html`));
      entryDrawn.push(await libraryRun(browser, plainPage));
    }
    const domRows = await libraryDomRows(browser, serve.url);
    if (process.argv.includes('--library')) {
      console.log(`\nChromium, median of ${RUNS} runs (library only):`);
      allMet = report('library, 100,000 articles: first rows painted', library.map((r) => r.painted), targets.library) && allMet;
      reportBreakdown(library.map((r) => r.timing), bare);
      report('  without the drawn screen: drawn by the entry module', entryDrawn.map((r) => r.painted));
      return;
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(serve.url + '#/library');
    await page.locator('[data-index]').first().waitFor();
    const reader: ReaderRun[] = [];
    // One warm-up open: the first also compiles the reader's code paths.
    await readerRun(page, articleId);
    for (let i = 0; i < RUNS; i++) reader.push(await readerRun(page, articleId));

    const needles = await pickNeedles(page, RUNS + 1);
    if (needles.length < RUNS + 1) throw new Error(`found only ${needles.length} words to highlight`);
    const highlight: { added: number; endToEnd: number }[] = [];
    await highlightRun(page, needles[0], tagNames[0]);
    for (let i = 1; i <= RUNS; i++) highlight.push(await highlightRun(page, needles[i], tagNames[i % tagNames.length]));
    const libraryInApp: number[] = [];
    for (let i = 0; i < RUNS; i++) libraryInApp.push(await libraryInAppRun(page, articleId));
    await context.close();

    console.log(`\nChromium, median of ${RUNS} runs (after one warm-up for the reader and the highlight):`);
    allMet = report('library, 100,000 articles: first rows painted', library.map((r) => r.painted), targets.library) && allMet;
    report('  the page\'s first script running', library.map((r) => r.entry));
    report('  the app (React) showing its rows, working', library.map((r) => r.appRows));
    report('  the app\'s rows, from its first render', library.map((r) => r.appRowsFromRender));
    reportBreakdown(library.map((r) => r.timing), bare);
    report('  without the drawn screen: drawn by the entry module', entryDrawn.map((r) => r.painted));
    console.log(`  rows in the DOM at the top, middle and end: ${domRows.join(', ')}`);
    report('  from an article back to the library, in the app', libraryInApp);
    allMet = report('reader, 100 KB + 2,000 highlights: data to shown', reader.map((r) => r.shown), targets.reader) && allMet;
    report('  of which building the view', reader.map((r) => r.build));
    report('  opening to shown, fetch included', reader.map((r) => r.open));
    allMet = report('new highlight: qalam:highlight-added', highlight.map((h) => h.added), targets.highlight) && allMet;
    report('  Enter to next frame, server call included', highlight.map((h) => h.endToEnd));
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(barePage, { force: true });
  }
  if (!allMet) process.exitCode = 1;
}

await main();
