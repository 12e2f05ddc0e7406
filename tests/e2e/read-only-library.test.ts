import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/db/open.js';
import { corpusCopies, insertArticles, readCorpus } from './bulk-library.js';
import { launchChromium } from './chromium.js';
import { appStarted } from './page-checks.js';
import { startServe, type ServeProcess } from './serve-process.js';

// A library in a folder the user may only read (read-only media, a shared folder), opened in
// browser mode: it is served for reading, says so, and refuses a change with a message that
// says why, leaving every byte of it as it was.
describe('a library open for reading only', () => {
  let dir: string;
  let folder: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const bytes = () => Object.fromEntries(readdirSync(folder).map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]));
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-read-only-'));
    chmodSync(dir, 0o755);
    folder = join(dir, 'shared');
    mkdirSync(folder);
    const db = join(folder, 'library.sqlite');
    const lib = openLibrary(db);
    try {
      insertArticles(lib, corpusCopies(readCorpus({ langs: ['uz', 'en'], limit: 20 }), 20));
    } finally {
      lib.close();
    }
    chmodSync(db, 0o444);
    chmodSync(folder, 0o555);
    before = bytes();
    [serve, browser] = await Promise.all([startServe(db, {}, { asUser: 65534 }), launchChromium()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    chmodSync(folder, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the library, says it is open for reading only, and refuses a change with the reason', async () => {
    await page.goto(`${serve.url}#/library`);
    await appStarted(page);
    await page.locator('.shell [data-index] a').first().waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'open for reading only' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Import…' }).isDisabled()).toBe(true);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
    await page.getByRole('heading', { name: 'Tags', level: 1 }).waitFor();
    const r = await page.evaluate(async (token) => {
      const res = await fetch('/api/createTag', { method: 'POST', headers: { 'content-type': 'application/json', 'x-qalam-token': token }, body: JSON.stringify({ name: 'Places' }) });
      return res.json();
    }, serve.token);
    expect(r).toEqual({ ok: false, error: { code: 'read_only', message: expect.stringMatching(/^This library is open for reading only: .*Nothing was changed\.$/) } });
    expect(bytes()).toEqual(before);
  });
});
