// The windowed list of articles on its own in Chromium (component-page.ts), with a few thousand
// articles: rows whose page fails to load say so and can be asked for again, and keys that jump
// to rows not loaded yet keep the focus in the list.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model.js';
import { launchChromium } from './chromium.js';
import { openComponent, type ComponentPage } from './component-page.js';

const COUNT = 3000;
const ROW_HEIGHT = 60;

function article(n: number): Article {
  const id = n + 1;
  return {
    id,
    uid: `urn:uuid:00000000-0000-0000-0000-${String(id).padStart(12, '0')}`,
    title: `Article ${id}`,
    date: '2024-03-01',
    source: 'test',
    url: null,
    lang: 'en',
    script: 'Latn',
    length: 0,
    annotationCount: 0,
    text: '',
    provenance: { path: null, size: null, sha256: null, encoding: 'utf-8', format: 'text', batchId: null, importedAt: '2024-03-01T00:00:00Z' },
  };
}

const articles = Array.from({ length: COUNT }, (_, n) => article(n));

// The list fills a column of fixed height, as it fills the Library view, and scrolls inside it.
const mount = [
  `import './features/library/library.css';`,
  `import { ArticleList } from './features/library/ArticleList.js';`,
  `const Column = () => createElement('div', { style: { display: 'flex', flexDirection: 'column', height: '600px' } },`,
  `  createElement(ArticleList, { query: { sort: 'date', order: 'desc' }, label: 'Articles' }));`,
  `render(Column, {});`,
].join('\n');

describe('the list of articles', () => {
  let browser: Browser;
  let page: Page;
  let calls: ComponentPage['calls'];
  let problems: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    problems = [];
    ({ page, calls } = await openComponent(browser, { library: { articles, annotations: [], tags: [] }, mount }, problems));
    await link(1).waitFor();
  });

  afterEach(async () => {
    await page.context().close();
  });

  const scrollTo = (row: number) => page.locator('.article-list').evaluate((el, top) => el.scrollTo({ top }), row * ROW_HEIGHT);
  const setFailing = (names: string[]) => page.evaluate((n) => (window.qalamFailing = n), names);
  const link = (id: number) => page.locator(`a[href="#/article/${id}"]`);
  // The article whose link has the focus, or what else has it.
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.className ?? null);

  it('says when rows fail to load, and loads them on Try again', async () => {
    await setFailing(['listArticles']);
    await scrollTo(1500);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Could not load the articles: The Qalam server is not answering.');
    // The rows stay placeholders meanwhile.
    expect(await link(1501).count()).toBe(0);
    // The message takes room from the list, whose new height asks for the rows once more; let
    // that call fail too, so the message stays.
    await page.waitForTimeout(300);
    expect(await alert.isVisible()).toBe(true);

    // Try again while the library still fails asks again, and the message stays.
    const asked = async () => (await calls()).filter((c) => c.name === 'listArticles' && c.input.offset === 1400).length;
    const before = await asked();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(asked).toBe(before + 1);
    await page.waitForTimeout(300);
    expect(await alert.isVisible()).toBe(true);

    await setFailing([]);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await link(1501).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('loads rows that failed once the list is scrolled on', async () => {
    await setFailing(['listArticles']);
    await scrollTo(1500);
    await page.getByRole('alert').waitFor();

    await setFailing([]);
    await scrollTo(1530);
    await link(1531).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('gives the focus to the last row on End, and Home brings it back to the first', async () => {
    await link(1).focus();
    // Slow enough that the last row is still a placeholder for a few frames after the key.
    await page.evaluate(() => (window.qalamDelay = 400));
    await page.keyboard.press('End');
    await expect.poll(focused).toBe('#/article/3000');

    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('#/article/2999');
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe('#/article/1');
    expect(problems).toEqual([]);
  });

  it('keeps the keys working from a row whose page has not arrived yet', async () => {
    await link(1).focus();
    // End while the last page cannot load: the list keeps the focus, and Home goes back from there.
    await setFailing(['listArticles']);
    await page.keyboard.press('End');
    await page.getByRole('alert').waitFor();
    expect(await focused()).toBe('article-list');
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe('#/article/1');

    // Once the library answers again, End lands on the last row as soon as its page arrives.
    await setFailing([]);
    await page.keyboard.press('End');
    await expect.poll(focused).toBe('#/article/3000');
    expect(problems).toEqual([]);
  });
});
