import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

// In browser mode the export is written on the machine running `qalam serve`, where the page
// cannot open it by its path: the finished export is handed to the browser as a download.
describe('an export in browser mode', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let tag: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-download-'));
    const db = join(dir, 'library.sqlite');
    const lib = openLibrary(db);
    try {
      const ids = insertArticles(lib, corpusCopies(readCorpus({ langs: ['uz'], limit: 3 }), 3));
      tag = Number(lib.stmt("INSERT INTO tags (uid, name, parent_id, color, description, created_at) VALUES ('tag-1', 'Сиёсат', NULL, '#2a7ab0', '', ?)").run(new Date().toISOString()).lastInsertRowid);
      addSamplePassages(lib, ids, [tag], 2);
    } finally {
      lib.close();
    }
    [serve, browser] = await Promise.all([startServe(db), launchChromium()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers the finished file as a download, holding the passages exported', async () => {
    const problems = watchProblems(page);
    await page.goto(`${serve.url}#/passages?tags=${tag}`);
    await appStarted(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /CSV table/ }).check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = dialog.getByRole('link', { name: 'Download' });
    await download.waitFor({ timeout: 20_000 });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.trim().split('\n').length).toBeGreaterThan(6);
    expect(csv).toContain('Сиёсат');
    expect(problems).toEqual([]);
  });
});
