// Where a fresh page's time to the library's first rows goes, apart from scripts: a static copy of
// the first screen (the DOM the entry module draws, scripts removed, the stylesheet written in),
// with parts of its markup or its stylesheet taken out one group at a time, each painted cold
// beside the bare page of rows (page-timing.ts) by the same server, in turns.
//
//   npx tsx bench/first-screen-bisect.ts [--runs N] [--keep] [variant…]
//
// Without variant names, all of them. `--keep` leaves the pages in dist/renderer (to open or trace
// them; `--runs 0 --keep` only writes them). Each prints the median of its first-rows time and the median
// of its paired difference with the bare page of the same round: what that part of the first
// screen costs is the difference between the full copy's figure and the variant's. The pages are
// written into dist/renderer for the run and removed after, as bench/ui.ts does with the bare page.
// Needs the library of bench/ui.ts (bench/data/ui-100k.qalam.sqlite: run `npm run bench:ui` once).
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/e2e/chromium.js';
import { repoRoot, startServe } from '../tests/e2e/serve-process.js';
import { bareRowsPage, coldPageTiming, ELEMENT_TIMING_OBSERVER, pageTiming, type PageTiming } from './page-timing.js';

/// A change to the static copy, as JavaScript run in it (a scratch page): `sheet` is its one
/// stylesheet, `strip(test)` removes every declaration whose property passes `test`,
/// `drop(selector)` removes matching elements.
const PRELUDE = `
  const sheet = document.querySelector('style').sheet;
  const styleRules = (rules) => [...rules].flatMap((r) => (r.cssRules && !r.style ? styleRules(r.cssRules) : r.style ? [r] : []));
  const strip = (test) => { for (const r of styleRules(sheet.cssRules)) for (const p of [...r.style]) if (test(p, r.style.getPropertyValue(p), r.selectorText)) r.style.removeProperty(p); };
  const set = (prop, value) => { for (const r of styleRules(sheet.cssRules)) if (r.style.getPropertyValue(prop)) r.style.setProperty(prop, value); };
  const drop = (selector) => document.querySelectorAll(selector).forEach((e) => e.remove());
`;

const variants: Record<string, string> = {
  full: '',
  'fonts-generic': `set('font-family', 'sans-serif'); set('--font-ui', 'sans-serif');`,
  'fonts-none': `strip((p) => p === 'font-family');`,
  'no-font-weights': `strip((p) => p === 'font-weight');`,
  'no-text-tuning': `strip((p) => p === '-webkit-font-smoothing' || p === 'text-rendering');`,
  'no-color-scheme': `strip((p) => p === 'color-scheme');`,
  'no-contain-overflow': `strip((p) => p === 'contain' || p.startsWith('overflow') || p === 'text-overflow');`,
  'no-effects': `strip((p) => /^(filter|opacity|box-shadow|transform|backdrop-filter)$/.test(p));`,
  'rows-top-not-transform': `document.querySelectorAll('[data-index]').forEach((e) => { const y = /translateY\\((\\d+)px\\)/.exec(e.style.transform)[1]; e.style.transform = ''; e.style.top = y + 'px'; });`,
  'no-grid': `strip((p) => p.startsWith('grid'));`,
  'no-header': `drop('header.topbar');`,
  'no-nav': `drop('nav.sidenav');`,
  'no-filters': `drop('form.filters');`,
  'no-date-inputs': `drop('input[type=date]');`,
  'no-selects': `drop('select');`,
  'no-search-input': `drop('input[type=search]');`,
  'no-buttons': `drop('button');`,
  'no-form-controls': `drop('input, select, button');`,
  'no-meta-lines': `drop('.article-row__meta');`,
  'no-lang': `document.querySelectorAll('[lang]:not(html)').forEach((e) => e.removeAttribute('lang'));`,
  'date-as-text': `document.querySelectorAll('input[type=date]').forEach((e) => e.setAttribute('type', 'text'));`,
  'weights-400-600': `for (const r of styleRules(sheet.cssRules)) { const w = Number(r.style.fontWeight); if (w) r.style.fontWeight = w < 550 ? '400' : '600'; }`,
  'one-size': `strip((p) => p === 'font-size');`,
  combined: `document.querySelectorAll('input[type=date]').forEach((e) => e.setAttribute('type', 'text')); document.querySelectorAll('[lang]:not(html)').forEach((e) => e.removeAttribute('lang')); for (const r of styleRules(sheet.cssRules)) { const w = Number(r.style.fontWeight); if (w) r.style.fontWeight = w < 550 ? '400' : '600'; }`,
  'only-list': `drop('header.topbar, nav.sidenav, .view-head, form.filters');`,
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/// The first screen as the entry module leaves it, with the app's code held back (so React never
/// replaces it): scripts and links removed, the stylesheet written in.
async function captureFirstScreen(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route(/\/assets\/mount-[^/]*\.js$/, (route) => route.abort());
  await page.goto(url + '#/library', { waitUntil: 'commit' });
  await page.locator('[data-index]').first().waitFor();
  const html = await page.evaluate(() => {
    const css = [...document.styleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n');
    document.querySelectorAll('script, link').forEach((e) => e.remove());
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    return '<!doctype html>\n' + document.documentElement.outerHTML;
  });
  await context.close();
  return html;
}

/// A variant of the static copy: the change run in a scratch page, the result serialised.
async function makeVariant(browser: Browser, url: string, change: string): Promise<string> {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const html = await page.evaluate(`(() => {
    ${PRELUDE}
    ${change}
    const style = document.querySelector('style');
    if (style) style.textContent = [...style.sheet.cssRules].map((r) => r.cssText).join('\\n');
    return '<!doctype html>\\n' + document.documentElement.outerHTML;
  })()`);
  await context.close();
  return html as string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const keepAt = args.indexOf('--keep');
  const keep = keepAt >= 0 && args.splice(keepAt, 1).length > 0;
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 7;
  const names = args.length ? args : Object.keys(variants);
  for (const name of names) if (!(name in variants)) throw new Error(`no variant "${name}"; there are: ${Object.keys(variants).join(', ')}`);
  const db = join(repoRoot, 'bench', 'data', 'ui-100k.qalam.sqlite');
  if (!existsSync(db)) throw new Error(`${db} is missing: run "npm run bench:ui" once to build it`);
  const dist = join(repoRoot, 'dist', 'renderer');
  const file = (name: string) => join(dist, `bench-first-screen-${name}.html`);
  const [serve, browser] = await Promise.all([startServe(db), launchChromium()]);
  try {
    const full = await captureFirstScreen(browser, serve.url);
    writeFileSync(file('full'), full);
    const titles = [...full.matchAll(/<span class="article-row__title" elementtiming="library-row">([^<]*)<\/span>/g)].map((m) => m[1]!);
    writeFileSync(join(dist, 'bench-first-screen-bare.html'), bareRowsPage(titles.map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'))));
    for (const name of names) if (name !== 'full') writeFileSync(file(name), await makeVariant(browser, `${serve.origin}/bench-first-screen-full.html`, variants[name]!));
    console.log(`static copy: ${(full.length / 1024).toFixed(1)} KB, ${titles.length} rows; ${runs} rounds of ${names.length} variants and the bare page`);

    const rows: Record<string, number[]> = {};
    const paired: Record<string, number[]> = {};
    const fcp: Record<string, number[]> = {};
    for (let round = 0; round < runs; round++) {
      // The bare page before and after the round's variants, which go in a rotated order: each
      // is paired with the mean of the two, so a machine getting busier mid-round evens out.
      const before = (await coldPageTiming(browser, `${serve.origin}/bench-first-screen-bare.html`)).rows;
      const order = names.map((_, i) => names[(i + round) % names.length]!);
      const got: Record<string, PageTiming> = {};
      for (const name of order) got[name] = await coldPageTiming(browser, `${serve.origin}/bench-first-screen-${name}.html`);
      const after = (await coldPageTiming(browser, `${serve.origin}/bench-first-screen-bare.html`)).rows;
      const bare = (before + after) / 2;
      (rows.bare ??= []).push(bare);
      for (const name of names) {
        (rows[name] ??= []).push(got[name]!.rows);
        (paired[name] ??= []).push(got[name]!.rows - bare);
        (fcp[name] ??= []).push(got[name]!.firstContentfulPaint);
      }
      process.stdout.write(`round ${round + 1}/${runs}: bare ${bare.toFixed(0)} ms, full ${got.full?.rows.toFixed(0) ?? '–'} ms\n`);
    }
    if (runs === 0) return;
    console.log(`\n${'variant'.padEnd(26)} ${'rows'.padStart(9)} ${'FCP'.padStart(9)} ${'minus bare'.padStart(11)}   (median of ${runs}; paired runs)`);
    console.log(`${'bare page'.padEnd(26)} ${median(rows.bare!).toFixed(0).padStart(6)} ms`);
    for (const name of names) {
      console.log(
        `${name.padEnd(26)} ${median(rows[name]!).toFixed(0).padStart(6)} ms ${median(fcp[name]!).toFixed(0).padStart(6)} ms ${median(paired[name]!).toFixed(0).padStart(8)} ms` +
          `   (${paired[name]!.map((x) => x.toFixed(0)).join(', ')})`,
      );
    }
  } finally {
    await browser.close();
    await serve.stop();
    if (!keep) for (const f of readdirSync(dist)) if (f.startsWith('bench-first-screen-')) rmSync(join(dist, f), { force: true });
  }
}

await main();
