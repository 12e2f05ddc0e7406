import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/db/open.js';
import { addSamplePassages } from '../../electron/core/export/sample-library.js';
import { corpusCopies, insertArticles, readCorpus } from './bulk-library.js';
import { launchChromium } from './chromium.js';
import { appStarted, watchProblems } from './page-checks.js';
import { startServe, type ServeProcess } from './serve-process.js';

// The Passages view over a few hundred passages of real articles: it comes back from an article
// as it was left (as many passages shown, scrolled the same, the link followed focused), follows
// undo made while it is shown, and leaves out a tag of its address that no longer exists.
describe('the Passages view', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let places: number;
  let water: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-passages-'));
    const db = join(dir, 'library.sqlite');
    const lib = openLibrary(db);
    try {
      const ids = insertArticles(lib, corpusCopies(readCorpus({ langs: ['uz', 'ru', 'en'], limit: 60 }), 60));
      const now = new Date().toISOString();
      const tag = (name: string, color: string) => Number(lib.stmt('INSERT INTO tags (uid, name, parent_id, color, description, created_at) VALUES (?, ?, NULL, ?, ?, ?)').run(`tag-${name}`, name, color, '', now).lastInsertRowid);
      places = tag('Places', '#2a7ab0');
      water = tag('Water', '#1f8a5b');
      // 56 articles × 5: 280 passages of Places; 4 of Water, in articles of their own.
      addSamplePassages(lib, ids.slice(4), [places], 5);
      addSamplePassages(lib, ids.slice(0, 4), [water], 1);
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

  const lines = () => page.getByRole('list', { name: 'Passages' }).locator('> li');
  const count = () => page.locator('.passages .view-head__count');
  const listTop = () => page.locator('.passages__list').evaluate((el) => el.scrollTop);
  const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.tagName ?? null);

  it('comes back from an article with as many passages shown, scrolled where it was, the link followed focused', async () => {
    await page.goto(`${serve.url}#/passages?tags=${places}`);
    await appStarted(page);
    await expect.poll(() => lines().count()).toBe(100);
    await page.getByRole('button', { name: /^Show more/ }).click();
    await expect.poll(() => lines().count()).toBe(200);
    const link = lines().nth(150).locator('a');
    await link.evaluate((a) => {
      const list = a.closest('.passages__list')!;
      list.scrollTop += a.getBoundingClientRect().top - list.getBoundingClientRect().top - 100;
    });
    const top = await listTop();
    expect(top).toBeGreaterThan(1000);
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.getByRole('document', { name: 'Article text' }).waitFor();
    await page.goBack();

    await page.waitForFunction((h) => document.activeElement?.getAttribute('href') === h, href, { timeout: 10_000 }).catch(() => undefined);
    expect(await focusedHref()).toBe(href);
    expect(await lines().count()).toBe(200);
    expect(await listTop()).toBe(top);
  });

  it('shows a passage deleted in the reader again when the deletion is undone in Passages', async () => {
    await page.goto(`${serve.url}#/passages?tags=${water}`);
    await expect.poll(() => count().textContent()).toBe('4 passages');
    const first = lines().first().locator('a');
    const id = new URLSearchParams((await first.getAttribute('href'))!.split('?')[1]).get('a');
    await first.click();
    await page.locator(`[data-annotation-ids~="${id}"]`).first().click();
    await page.getByRole('dialog', { name: 'Highlight details' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Highlight details' }).waitFor({ state: 'detached' });
    await page.goBack();
    await expect.poll(() => count().textContent()).toBe('3 passages');
    await expect.poll(() => lines().count()).toBe(3);

    await page.keyboard.press('Control+z');
    await expect.poll(() => count().textContent(), { timeout: 10_000 }).toBe('4 passages');
    await expect.poll(() => lines().count()).toBe(4);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => count().textContent(), { timeout: 10_000 }).toBe('3 passages');
  });

  it('the Library filtered by a tag follows an undo made while it is shown, where it is', async () => {
    // Water has 3 passages after the redo above, in 3 articles of their own. Within the app: a
    // new page load would start a new undo history.
    await page.evaluate((hash) => (location.hash = hash), `#/library?tag=${water}`);
    const rows = page.locator('.article-list [data-index] a.article-row__link');
    await expect.poll(() => rows.count()).toBe(3);
    await page.keyboard.press('Control+z');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
  });

  it('leaves out a tag of its address that no longer exists, says so, and lists the others', async () => {
    await page.goto(`${serve.url}#/passages?tags=${water},99999`);
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/passages?tags=${water}`);
    await expect.poll(() => count().textContent()).toBe('3 passages');
    expect(await page.getByText('A tag chosen here no longer exists (deleted or merged); it has been left out.').count()).toBe(1);
    expect(await page.locator('.passages__list [role="alert"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
