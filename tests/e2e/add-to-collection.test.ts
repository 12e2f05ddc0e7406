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

// Adding the open article to a collection from the reader's bar: it says whether the article
// went in or was there already, and offers only collections an article can be put into by hand.
// Renaming a collection in the Collections view.
describe('collections from the reader and their view', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let article: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-add-'));
    const db = join(dir, 'library.sqlite');
    const lib = openLibrary(db);
    try {
      [article] = insertArticles(lib, corpusCopies(readCorpus({ langs: ['uz'], limit: 3 }), 3));
    } finally {
      lib.close();
    }
    [serve, browser] = await Promise.all([startServe(db), launchChromium()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await page.goto(`${serve.url}#/library`);
    await appStarted(page);
    const call = (name: string, input: unknown) =>
      page.evaluate(
        async ([n, i, token]) => (await (await fetch(`/api/${n}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-qalam-token': token as string }, body: JSON.stringify(i) })).json()) as { ok: boolean },
        [name, input, serve.token] as const,
      );
    expect((await call('createCollection', { name: 'Ўқиш' })).ok).toBe(true);
    expect((await call('createCollection', { name: 'Saved', query: 'Тошкент' })).ok).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds it once, then says it is there already; a saved search is not offered', async () => {
    await page.goto(`${serve.url}#/article/${article}`);
    await page.getByRole('document', { name: 'Article text' }).waitFor();
    const select = page.getByRole('combobox', { name: 'Collection' });
    expect(await select.locator('option').allTextContents()).toEqual(['Choose…', 'Ўқиш']);
    await select.selectOption({ label: 'Ўқиш' });
    await page.getByRole('button', { name: 'Add to collection' }).click();
    await page.getByText('Added to "Ўқиш".').waitFor();
    await page.getByRole('button', { name: 'Add to collection' }).click();
    await page.getByText('Already in "Ўқиш".').waitFor();
  });

  it('renames a collection in place, and keeps the form when the name is taken', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Collections' }).click();
    await page.getByRole('link', { name: /^Ўқиш/ }).first().click();
    await page.getByRole('button', { name: 'Rename…' }).click();
    const form = page.getByRole('form', { name: 'Rename collection Ўқиш' });
    await form.getByRole('textbox', { name: 'Name' }).fill('SAVED');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A collection named "SAVED" already exists.', { exact: false }).first().waitFor();
    expect(await form.isVisible()).toBe(true);
    await form.getByRole('textbox', { name: 'Name' }).fill('Ўқиш рўйхати');
    await form.getByRole('textbox', { name: 'Description' }).fill('Тошкент ҳақида');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Ўқиш рўйхати', level: 2 }).waitFor();
    await page.getByText('Тошкент ҳақида').first().waitFor();
  });
});
