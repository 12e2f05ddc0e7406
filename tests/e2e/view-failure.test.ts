import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/db/open.js';
import { corpusCopies, insertArticles, readCorpus } from './bulk-library.js';
import { launchChromium } from './chromium.js';
import { appStarted } from './page-checks.js';
import { startServe, type ServeProcess } from './serve-process.js';

// Views and dialogs download their code on first use. When that download fails (the server has
// stopped, or the app was updated and the old files are gone), the part that failed says so in
// its place, and the rest of the window goes on working; once the files can be had again, "Try
// again" brings the part up without a reload.
describe('a part of the app that cannot be loaded', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  /// Code files whose download fails, by a part of their name.
  const failing = new Set<string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-failure-'));
    const db = join(dir, 'library.sqlite');
    const lib = openLibrary(db);
    try {
      insertArticles(lib, corpusCopies(readCorpus({ langs: ['uz', 'en'], limit: 30 }), 30));
    } finally {
      lib.close();
    }
    [serve, browser] = await Promise.all([startServe(db), launchChromium()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await page.route(/\/assets\/[^/]+\.js$/, (route) => {
      const name = new URL(route.request().url()).pathname;
      return [...failing].some((f) => name.includes(f)) ? route.abort('connectionrefused') : route.continue();
    });
    await page.goto(`${serve.url}#/library`);
    await appStarted(page);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

  it('says so in place of the view, and the navigation and other views keep working', async () => {
    failing.add('TagsView');
    await nav('Tags').click();
    const alert = page.getByRole('main').getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toMatch(/^This view could not be loaded: the connection to the library may have been lost/);
    // The shell is all there, and another view opens.
    await expect.poll(() => page.getByRole('button', { name: 'Import…' }).isVisible()).toBe(true);
    await nav('Library').click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    expect(await page.getByRole('main').getByRole('alert').count()).toBe(0);

    // Back at the failed view, with the files to be had again: Try again brings it up.
    await nav('Tags').click();
    await alert.waitFor();
    failing.delete('TagsView');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Tags', level: 1 }).waitFor();
    expect(await page.getByRole('main').getByRole('alert').count()).toBe(0);
  });

  it('says so for a dialog, which can then be closed, leaving the view as it was', async () => {
    failing.add('ImportDialog');
    await page.getByRole('button', { name: 'Import…' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The import dialog could not be loaded' });
    await alert.waitFor({ timeout: 10_000 });
    await page.getByRole('heading', { name: 'Tags', level: 1 }).waitFor();
    await alert.getByRole('button', { name: 'Close' }).click();
    expect(await alert.count()).toBe(0);
    failing.delete('ImportDialog');
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('dialog').waitFor();
  });
});
