import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { appStarted, screenshot, seriousViolations, watchProblems } from './page-checks.js';
import { startServe, type ServeProcess } from './serve-process.js';

// axe-core over each main view, filled with real content: the sample articles, a search with
// results, an article with overlapping highlights, the codebook, the passages of a tag.
describe('accessibility of the main views', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let articleId: number;
  let tagId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-a11y-'));
    [serve, browser] = await Promise.all([startServe(join(dir, 'library.sqlite')), launchChromium()]);
    await serve.call('loadSamples');
    const found = await serve.call<{ results: { id: number; title: string }[] }>('search', { query: 'Тоқаев' });
    articleId = found.results.find((r) => /^Қозоғистон/.test(r.title))!.id;
    const { text } = await serve.call<{ text: string }>('getArticle', { id: articleId });
    const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const first = await serve.call<{ tagIds: number[] }>('createAnnotation', { articleId, ...at('Қасим-Жомарт Тоқаев'), tagNames: ['Leaders'], note: 'Президент' });
    await serve.call('createAnnotation', { articleId, ...at('Тоқаев 11-12 ноябрь'), tagNames: ['Visits/State visits'] });
    await serve.call('createAnnotation', { articleId, ...at('«Каспийский вестник»'), tagNames: ['Media'] });
    tagId = first.tagIds[0];
    // axe's Playwright binding needs a page of an explicit context.
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    problems = watchProblems(page);
    await page.goto(serve.url);
    await appStarted(page);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function check(hash: string, ready: () => Promise<unknown>, name: string) {
    await page.evaluate((h) => (location.hash = h), hash);
    await ready();
    await screenshot(page, `a11y-${name}`);
    expect(await seriousViolations(page), name).toEqual([]);
  }

  it('Library', () => check('#/library', () => page.getByRole('link', { name: /Қозоғистон ва Россия/ }).first().waitFor(), 'library'));

  it('Search with results', () =>
    check('#/search?q=Қозоғистон', () => page.locator('mark').first().waitFor(), 'search'));

  it('Reader with overlapping highlights', () =>
    check(`#/article/${articleId}`, () => page.getByRole('document', { name: 'Article text' }).locator('[data-annotation-ids*=" "]').first().waitFor(), 'reader'));

  it('Reader with a highlight open', async () => {
    await page.getByRole('document', { name: 'Article text' }).getByText('Каспийский вестник').first().click();
    await page.getByRole('dialog', { name: 'Highlight details' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('Tags', () => check(`#/tags/${tagId}`, () => page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').first().waitFor(), 'tags'));

  it('Passages', () =>
    check(`#/passages?tags=${tagId}`, () => page.getByRole('list', { name: 'Passages' }).getByRole('listitem').first().waitFor(), 'passages'));

  it('Collections', () => check('#/collections', () => page.getByRole('heading', { level: 1 }).waitFor(), 'collections'));

  it('every main view in the dark colour scheme', async () => {
    const dark = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'dark' })).newPage();
    const darkProblems = watchProblems(dark);
    await dark.goto(serve.url);
    await appStarted(dark);
    const views: [string, string, () => Promise<unknown>][] = [
      ['library', '#/library', () => dark.getByRole('link', { name: /Қозоғистон ва Россия/ }).first().waitFor()],
      ['search', '#/search?q=Қозоғистон', () => dark.locator('mark').first().waitFor()],
      ['reader', `#/article/${articleId}?hl=Қозоғистон`, () => dark.getByRole('document', { name: 'Article text' }).locator('[data-annotation-ids*=" "]').first().waitFor()],
      ['tags', `#/tags/${tagId}`, () => dark.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').first().waitFor()],
      ['passages', `#/passages?tags=${tagId}`, () => dark.getByRole('list', { name: 'Passages' }).getByRole('listitem').first().waitFor()],
    ];
    for (const [name, hash, ready] of views) {
      await dark.evaluate((h) => (location.hash = h), hash);
      await ready();
      await screenshot(dark, `a11y-dark-${name}`);
      expect(await seriousViolations(dark), `${name}, dark`).toEqual([]);
    }
    expect(darkProblems).toEqual([]);
    await dark.context().close();
  });

  it('logged no errors', () => expect(problems).toEqual([]));
});
