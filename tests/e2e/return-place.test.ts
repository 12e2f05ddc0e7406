import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticle } from '../../electron/core/articles/store.js';
import { openLibrary } from '../../electron/core/db/open.js';
import { corpusCopies, insertArticles, readCorpus } from './bulk-library.js';
import { launchChromium } from './chromium.js';
import { appStarted, watchProblems } from './page-checks.js';
import { startServe, type ServeProcess } from './serve-process.js';

// Coming back to a list, as a browser does it: the list is scrolled where it was left and, from
// an article opened in it, the link of the article just read has the keyboard focus, with the row
// where it was. Opening a list afresh still starts at its top.
describe('coming back to a list', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-return-'));
    const db = join(dir, 'library.sqlite');
    const lib = openLibrary(db);
    try {
      // About 3,000 articles for the library; the Kazakh ones that name Қазақстан go through the
      // full-text index, so the search has several pages of hits.
      insertArticles(lib, corpusCopies(readCorpus({ langs: ['en', 'ru'], limit: 2_800 }), 2_800));
      const importedAt = new Date().toISOString();
      lib.db.transaction(() => {
        for (const a of readCorpus({ langs: ['kk'] }).filter((k) => k.paragraphs.join('\n').includes('Қазақстан'))) {
          insertArticle(lib, { title: a.title, text: a.paragraphs.join('\n'), date: a.date, lang: a.lang, script: a.script, source: a.source, format: 'text', batchId: null, importedAt });
        }
      })();
    } finally {
      lib.close();
    }
    [serve, browser] = await Promise.all([startServe(db), launchChromium()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    problems = watchProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const list = () => page.locator('.article-list');
  const articleOpen = () => page.getByRole('document', { name: 'Article text' }).waitFor();
  const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.tagName ?? null);
  const listTop = () => list().evaluate((el) => el.scrollTop);
  const mainTop = () => page.locator('main').evaluate((el) => el.scrollTop);
  const linkTop = (href: string) => page.locator(`a[href="${href}"]`).evaluate((a) => Math.round(a.getBoundingClientRect().top));

  /// Scroll the library list down by `rows` rows and pick the link of a row in the middle of the window.
  async function scrollLibrary(rows: number): Promise<{ href: string; top: number; linkAt: number }> {
    await list().evaluate((el, by) => el.scrollBy({ top: by }), rows * 60);
    const top = await listTop();
    const index = Math.floor(top / 60) + 4;
    const link = page.locator(`[data-index="${index}"] a.article-row__link`);
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    return { href, top, linkAt: await linkTop(href) };
  }

  /// Wait until the link `href` has the focus; the list's position and the link's place then.
  async function waitForFocusOn(href: string) {
    await page.waitForFunction((h) => document.activeElement?.getAttribute('href') === h, href, { timeout: 10_000 }).catch(() => undefined);
    return focusedHref();
  }

  it('puts the library back where it was after the Back button, with focus on the article opened', async () => {
    await page.goto(`${serve.url}#/library`);
    await appStarted(page);
    await page.locator('.shell:not([data-first-screen]) [data-index] a').first().waitFor();
    const left = await scrollLibrary(1_200);
    expect(left.top).toBeGreaterThan(60_000);
    await page.locator(`a[href="${left.href}"]`).click();
    await articleOpen();
    await page.getByRole('button', { name: '← Back' }).click();

    expect(await waitForFocusOn(left.href)).toBe(left.href);
    expect(await listTop()).toBe(left.top);
    // The focused row stays where it was seen: focus did not scroll it.
    expect(await linkTop(left.href)).toBe(left.linkAt);
  });

  it('does the same when the browser goes back', async () => {
    const left = await scrollLibrary(37);
    await page.locator(`a[href="${left.href}"]`).click();
    await articleOpen();
    await page.goBack();

    expect(await waitForFocusOn(left.href)).toBe(left.href);
    expect(await listTop()).toBe(left.top);
    expect(await linkTop(left.href)).toBe(left.linkAt);
  });

  it('opens the library at its top from the navigation and after a new sort', async () => {
    const left = await scrollLibrary(25);
    await page.locator(`a[href="${left.href}"]`).click();
    await articleOpen();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await page.locator('.shell [data-index] a').first().waitFor();
    // Give a restore, were there one, the time to happen.
    await page.waitForTimeout(500);
    expect(await listTop()).toBe(0);
    expect(await focusedHref()).toBe('MAIN');

    // Back to the article, then back to the scrolled list, then a new order: the top again.
    await page.goBack();
    await articleOpen();
    await page.goBack();
    expect(await waitForFocusOn(left.href)).toBe(left.href);
    expect(await listTop()).toBe(left.top);
    await page.getByLabel('Sort').selectOption('Title A–Z');
    await page.waitForFunction(() => document.querySelector('.article-list')!.scrollTop === 0, undefined, { timeout: 5_000 }).catch(() => undefined);
    expect(await listTop()).toBe(0);
  });

  it('puts the library back where it was when it was left for another view', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await page.locator('.shell [data-index] a').first().waitFor();
    const left = await scrollLibrary(300);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
    await page.getByRole('heading', { name: 'Tags', level: 1 }).waitFor();
    await page.goBack();
    await page.waitForFunction((top) => document.querySelector('.article-list')?.scrollTop === top, left.top, { timeout: 10_000 }).catch(() => undefined);
    expect(await listTop()).toBe(left.top);
    // No article was opened from it: the focus is where a change of view puts it.
    expect(await focusedHref()).toBe('MAIN');
  });

  it('puts search results back where they were, on the same page', async () => {
    await page.goto(`${serve.url}#/search?q=${encodeURIComponent('Қазақстан')}`);
    await page.locator('#search-results a').first().waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('start') === '51' && !document.querySelector('.results--stale'));
    const eleventh = page.locator('#search-results > li').nth(10).locator('a');
    const href = (await eleventh.getAttribute('href'))!;
    // Scroll so that the 11th result sits near the top of the main area.
    await eleventh.evaluate((a) => {
      const main = a.closest('main')!;
      main.scrollTop += a.getBoundingClientRect().top - main.getBoundingClientRect().top - 120;
    });
    const top = await mainTop();
    expect(top).toBeGreaterThan(300);
    const linkAt = await linkTop(href);
    await eleventh.click();
    await articleOpen();
    await page.getByRole('button', { name: '← Back' }).click();

    expect(await waitForFocusOn(href)).toBe(href);
    expect(new URL(page.url()).hash).toContain('page=2');
    expect(await mainTop()).toBe(top);
    expect(await linkTop(href)).toBe(linkAt);
    expect(problems).toEqual([]);
  });

  it('puts search results back where they were when they were left for another view', async () => {
    await page.goto(`${serve.url}#/search?q=${encodeURIComponent('Қазақстан')}`);
    await page.locator('#search-results a').first().waitFor();
    await page.locator('main').evaluate((main) => main.scrollBy({ top: 900 }));
    const top = await mainTop();
    expect(top).toBeGreaterThan(300);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Passages' }).click();
    await page.getByRole('heading', { name: 'Passages', level: 1 }).waitFor();
    await page.goBack();
    await page.locator('#search-results a').first().waitFor();
    await page.waitForFunction((t) => document.querySelector('main')?.scrollTop === t, top, { timeout: 10_000 }).catch(() => undefined);
    expect(await mainTop()).toBe(top);
    expect(problems).toEqual([]);
  });
});
