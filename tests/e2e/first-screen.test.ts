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

// The library's first rows are drawn by the entry module as soon as they arrive, before React and
// the views have started (renderer/src/boot). Held back here, the app's code arrives only when
// the test lets it: the rows must be on screen without it, and the app must then draw the same
// rows in the same places, so nothing moves when it takes over.
describe('the first screen before the app has started', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let titles: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-first-'));
    const db = join(dir, 'library.sqlite');
    const lib = openLibrary(db);
    try {
      insertArticles(lib, corpusCopies(readCorpus({ limit: 400 }), 1_000));
      titles = lib.db.prepare('SELECT title FROM articles ORDER BY date DESC, id DESC LIMIT 3').pluck().all() as string[];
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
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/mount-[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
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

  it('opens an article clicked before the app had started', async () => {
    const page = await browser.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/mount-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${serve.url}#/library`, { waitUntil: 'commit' });
    await page.locator('[data-first-screen] [data-index] a').first().click();
    expect(new URL(page.url()).hash).toMatch(/^#\/article\/\d+$/);
    release();
    await page.getByRole('document', { name: 'Article text' }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(titles[0]);
    await page.close();
  });
});
