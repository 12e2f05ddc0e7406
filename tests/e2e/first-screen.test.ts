import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/db/open.js';
import { corpusCopies, insertArticles, readCorpus } from './bulk-library.js';
import { launchChromium } from './chromium.js';
import { appStarted, watchProblems } from './page-checks.js';
import { startServe, type ServeProcess } from './serve-process.js';

// The library's first rows are on screen before React and the views have started
// (renderer/src/boot): drawn by the server into the page it serves, or by the entry module as
// soon as they arrive for an address the server could not draw. Held back here, the app's code
// arrives only when the test lets it: the rows must be on screen without it, and the app must
// then draw the same rows in the same places, so nothing moves when it takes over.
/// Hold back the page's requests for scripts matching `pattern` until the returned function is called.
async function holdScripts(page: Page, pattern: RegExp): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('the first screen before the app has started', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let titles: string[];
  let byTitle: string[];
  let articleId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-first-'));
    const db = join(dir, 'library.sqlite');
    const lib = openLibrary(db);
    try {
      insertArticles(lib, corpusCopies(readCorpus({ limit: 400 }), 1_000));
      titles = lib.db.prepare('SELECT title FROM articles ORDER BY date DESC, id DESC LIMIT 3').pluck().all() as string[];
      byTitle = lib.db.prepare('SELECT title FROM articles ORDER BY title_key, id LIMIT 3').pluck().all() as string[];
      articleId = lib.db.prepare('SELECT id FROM articles ORDER BY id DESC LIMIT 1').pluck().get() as number;
    } finally {
      lib.close();
    }
    [serve, browser] = await Promise.all([startServe(db), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /// Boxes of what a reader sees first: the count, the list, the first rows' titles.
  const layout = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('.view-head__count, .article-list, [data-index] .article-row__title')].slice(0, 12).map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.classList.contains('article-list') ? 'list' : e.textContent, x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
      }),
    );

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows the first rows without the app, then the app keeps them in place (${colorScheme})`, async () => {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme })).newPage();
      const problems = watchProblems(page);
      const release = await holdScripts(page, /\/assets\/mount-[^/]*\.js$/);
      await page.goto(`${serve.url}#/library`, { waitUntil: 'commit' });
      await page.locator('[data-first-screen] [data-index]').first().waitFor();
      const before = await layout(page);
      expect(before[0]!.text).toBe('1,000 articles');
      expect(before.slice(2, 5).map((b) => b.text)).toEqual(titles);
      // Nothing of the app is there yet: its controls are disabled until it takes over.
      await expect(page.getByRole('button', { name: 'Import…' }).isDisabled()).resolves.toBe(true);

      release();
      await appStarted(page);
      await page.locator('.shell:not([data-first-screen]) [data-index]').first().waitFor();
      // The app draws a few more rows below the window (overscan); the ones seen stay put.
      expect((await layout(page)).slice(0, before.length)).toEqual(before);
      await expect(page.getByRole('button', { name: 'Import…' }).isDisabled()).resolves.toBe(false);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('paints the first rows from the page itself, with no script run, and never asks for them again', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const listCalls: string[] = [];
    page.on('request', (r) => void (r.url().endsWith('/api/listArticles') && listCalls.push(r.url())));
    // No script of the app's arrives until the rows are seen.
    const release = await holdScripts(page, /\/assets\/[^/]*\.js$/);
    await page.goto(serve.url, { waitUntil: 'commit' });
    await page.locator('[data-first-screen] [data-index]').first().waitFor();
    await expect(page.locator('[data-first-screen] .view-head__count').textContent()).resolves.toBe('1,000 articles');
    await expect(page.locator('[data-first-screen] [data-index] .article-row__title').allTextContents()).resolves.toEqual(expect.arrayContaining(titles));
    release();
    await appStarted(page);
    await page.locator('.shell:not([data-first-screen]) [data-index]').first().waitFor();
    await expect(page.locator('[data-index] .article-row__title').first().textContent()).resolves.toBe(titles[0]);
    // The app drew its rows from the page the server put beside the screen.
    expect(listCalls).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('never shows the served library where the address names another screen', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    // Element Timing reports every painted row title; it is only given to an observer.
    await page.addInitScript(() => {
      (window as unknown as { rowsPainted: number }).rowsPainted = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if ((e as PerformanceEntry & { identifier?: string }).identifier === 'library-row') (window as unknown as { rowsPainted: number }).rowsPainted++;
      }).observe({ type: 'element', buffered: true });
    });
    // The app's scripts are held back, so only the page itself (and its guard) can act.
    const release = await holdScripts(page, /\/assets\/[^/]*\.js$/);
    await page.goto(`${serve.url}#/article/${articleId}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState !== 'loading');
    // Frames after the page was read (a callback of the next animation frame runs before its
    // paint; the one after that, after it).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
    await expect(page.evaluate(() => document.getElementById('root')!.childElementCount)).resolves.toBe(0);
    release();
    await page.getByRole('document', { name: 'Article text' }).waitFor();
    await expect(page.evaluate(() => (window as unknown as { rowsPainted: number }).rowsPainted)).resolves.toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the first rows of another order itself, before the app has started', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const release = await holdScripts(page, /\/assets\/mount-[^/]*\.js$/);
    await page.goto(`${serve.url}#/library?sort=title`, { waitUntil: 'commit' });
    // Until the guard has been parsed, the page's DOM briefly holds the rows the server drew (in
    // its own order; never painted, as the test above shows): wait for the entry module's.
    await page.waitForFunction(
      (first) => document.querySelector('[data-first-screen] [data-index] .article-row__title')?.textContent === first,
      byTitle[0],
    );
    await expect(page.locator('[data-first-screen] [data-index] .article-row__title').allTextContents().then((t) => t.slice(0, 3))).resolves.toEqual(byTitle);
    await expect(page.locator('[data-first-screen] select').first().inputValue()).resolves.toBe('Title A–Z');
    release();
    await appStarted(page);
    await page.locator('.shell:not([data-first-screen]) [data-index]').first().waitFor();
    await expect(page.locator('[data-index] .article-row__title').allTextContents().then((t) => t.slice(0, 3))).resolves.toEqual(byTitle);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens an article clicked before the app had started', async () => {
    const page = await browser.newPage();
    const release = await holdScripts(page, /\/assets\/mount-[^/]*\.js$/);
    await page.goto(`${serve.url}#/library`, { waitUntil: 'commit' });
    await page.locator('[data-first-screen] [data-index] a').first().click();
    expect(new URL(page.url()).hash).toMatch(/^#\/article\/\d+$/);
    release();
    await page.getByRole('document', { name: 'Article text' }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(titles[0]);
    await page.close();
  });
});
