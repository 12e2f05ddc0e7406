// The Search view in the app's shell, in Chromium without the app's build (component-page.ts):
// the way back to Search from another view keeps the last search's "Exact script", a new page of
// results starts at its top while a page come back to is where it was left, and a page past the
// last one shows the last one.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model.js';
import { launchChromium } from './chromium.js';
import { openComponent } from './component-page.js';

/// How many hits each query has, by script mode: Тошкент has fewer in its own script than in all.
const totals: Record<string, { any: number; exact: number }> = {
  Тошкент: { any: 62, exact: 18 },
  Москва: { any: 200, exact: 200 },
};

/// The article behind the 61st hit (the 11th of page 2), to open from the results and come back.
const text = 'Москва hit 61.';
const article: Article = {
  id: 61,
  uid: 'urn:uuid:00000000-0000-0000-0000-000000000061',
  title: 'Москва 61',
  date: '2024-03-01',
  source: null,
  url: null,
  lang: 'ru',
  script: 'Cyrl',
  length: text.length,
  annotationCount: 0,
  text,
  provenance: { path: null, size: null, sha256: null, encoding: 'utf-8', format: 'text', batchId: null, importedAt: '2024-03-01T00:00:00Z' },
};

/// Mount the whole app at `hash`. Its library answers `search` from `totals` (a page of made-up
/// hits at the offset asked for) and the calls the shell and the library view make with an empty
/// library; the stand-in (component-library.ts) answers the rest. The api module takes the bridge
/// as it loads, so the app is imported only once the bridge is in place.
function mount(hash: string): string {
  return `
import './styles/shell.css';
import './features/library/library.css';
const totals = ${JSON.stringify(totals)};
const fixed = {
  listArticles: { total: 0, items: [] },
  facets: { langs: [], sources: [], dateMin: null, dateMax: null },
  capabilities: { nativeDialogs: false, transport: 'ipc' },
  libraryInfo: { path: 'test.sqlite', articles: 0, annotations: 0, tags: 0, schemaVersion: 1, appVersion: 'test', readOnly: false },
};
function search({ query, script, offset, limit }) {
  const total = totals[query]?.[script] ?? 0;
  const results = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) {
    results.push({ id: i + 1, title: query + ' ' + (i + 1), date: '2024-03-01', lang: 'ru', source: null, path: null, snippet: 'hit <b>' + (i + 1) + '</b>', score: 1 });
  }
  return { total, results, terms: [query] };
}
const library = window.qalam;
window.qalam = new Proxy({}, {
  get: (_target, name) => {
    if (name !== 'search' && !(name in fixed)) return library[name];
    return async (input) => {
      window.qalamCalls.push({ name, input });
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { ok: true, value: name === 'search' ? search(input) : fixed[name] };
    };
  },
});
window.location.hash = ${JSON.stringify(hash)};
import('./app/App.js').then(({ App }) => render(App, {}));
`;
}

describe('the Search view in the app', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async () => {
    await page?.context().close();
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(hash: string): Promise<void> {
    problems = [];
    ({ page } = await openComponent(browser, { library: { articles: [article], annotations: [], tags: [] }, mount: mount(hash) }, problems));
  }

  const hash = () => page.evaluate(() => decodeURIComponent(window.location.hash));
  const summary = () => page.locator('.search__summary p').textContent();
  const exactBox = () => page.getByRole('checkbox', { name: 'Exact script' });
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  const mainTop = () => page.locator('main').evaluate((el) => el.scrollTop);
  /// Wait until the results drawn are those of page `n` (1-based), answered.
  const pageShown = (n: number) =>
    page.waitForFunction((start) => document.querySelector('#search-results')?.getAttribute('start') === String(start) && !document.querySelector('.results--stale') && document.querySelector('#search-results li'), (n - 1) * 50 + 1);

  it('keeps "Exact script" when Search is chosen in the navigation again', async () => {
    await open('#/search?q=Тошкент&script=exact');
    await expect.poll(summary).toBe('18 articles found');
    await nav('Library').click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await nav('Search').click();
    await expect.poll(summary).toBe('18 articles found');
    expect(await hash()).toBe('#/search?q=Тошкент&script=exact');
    expect(await exactBox().isChecked()).toBe(true);
  });

  it('keeps "Exact script" when Enter in the search box comes back to Search', async () => {
    await open('#/search?q=Тошкент&script=exact');
    await expect.poll(summary).toBe('18 articles found');
    await nav('Library').click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await expect.poll(summary).toBe('18 articles found');
    expect(await hash()).toBe('#/search?q=Тошкент&script=exact');
    expect(await exactBox().isChecked()).toBe(true);
  });

  it('opens the next page at its top, and a page come back to where it was left', async () => {
    await open('#/search?q=Москва');
    await pageShown(1);
    await page.locator('main').evaluate((main) => main.scrollBy({ top: 100_000 }));
    const bottom = await mainTop();
    expect(bottom).toBeGreaterThan(1000);

    await page.getByRole('button', { name: 'Next page' }).click();
    await pageShown(2);
    expect(await hash()).toBe('#/search?q=Москва&page=2');
    expect(await mainTop()).toBe(0);
    await page.getByRole('button', { name: 'Next page' }).click();
    await pageShown(3);
    expect(await mainTop()).toBe(0);

    // The browser's back returns to page 2, as it was left (at its top), and on to page 1, scrolled
    // to its bottom as it was left.
    await page.locator('main').evaluate((main) => main.scrollBy({ top: 700 }));
    await page.goBack();
    await pageShown(2);
    expect(await mainTop()).toBe(0);
    await page.goBack();
    await pageShown(1);
    await expect.poll(mainTop).toBe(bottom);
  });

  it('puts a page of results back where it was, with the hit opened from it focused', async () => {
    await open('#/search?q=Москва');
    await pageShown(1);
    await page.getByRole('button', { name: 'Next page' }).click();
    await pageShown(2);
    const eleventh = page.locator('#search-results > li').nth(10).locator('a');
    const href = (await eleventh.getAttribute('href'))!;
    await page.locator('main').evaluate((main) => main.scrollBy({ top: 600 }));
    const top = await mainTop();
    expect(top).toBe(600);
    await eleventh.click();
    await page.getByRole('document', { name: 'Article text' }).waitFor();
    await page.goBack();
    await pageShown(2);
    await expect.poll(mainTop).toBe(top);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href);
  });

  it('shows the last page for a page past the end, in place of the address asked for', async () => {
    await open('#/search?q=Москва&page=999');
    await pageShown(4);
    expect(await hash()).toBe('#/search?q=Москва&page=4');
    expect(await summary()).toBe('200 articles found · page 4 of 4');
    expect(await page.locator('#search-results li').count()).toBe(50);
    expect(await page.locator('#search-results li a').first().textContent()).toContain('Москва 151');
  });
});
