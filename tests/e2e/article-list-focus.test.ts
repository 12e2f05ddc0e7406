// The list of articles keeps the keyboard focus when what had it goes, in Chromium
// (component-page.ts): an article removed from a collection hands the focus to the same control of
// the next row (the row before when it was the last, the list when none is left), and "Try again"
// hands it to the rows it brought back.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model.js';
import type { CollectionScenario } from './component-collection-library.js';
import { fixtureArticle } from './component-fixtures.js';
import { componentPages } from './component-page.js';

const ROW_HEIGHT = 60;

/// The Collections view showing collection 1, which holds `members` articles, in a main area of
/// the window's height with the styles the app has loaded by then, so the list scrolls inside it.
function collectionMount(scenario: CollectionScenario): string {
  return `
    window.collectionScenario = ${JSON.stringify(scenario)};
    import '../../tests/e2e/component-collection-library.ts';
    import './styles/shell.css';
    import './features/library/library.css';
    import { navigate, useRoute } from './app/useRoute.js';
    import { CollectionsView } from './features/collections/CollectionsView.js';
    navigate({ view: 'collections', collectionId: 1 }, { replace: true });
    render(function Routed() {
      return createElement('main', { className: 'main', style: { height: '100vh' } }, createElement(CollectionsView, { route: useRoute() }));
    }, {});
  `;
}

/// The list on its own in a column of fixed height, as in the Library view, its library failing
/// from the start when `failing`.
function listMount(failing: boolean): string {
  return `
    ${failing ? `window.qalamFailing = ['listArticles'];` : ''}
    import './features/library/library.css';
    import { ArticleList } from './features/library/ArticleList.js';
    const Column = () => createElement('div', { style: { display: 'flex', flexDirection: 'column', height: '600px' } },
      createElement(ArticleList, { query: { sort: 'date', order: 'desc' }, label: 'Articles' }));
    render(Column, {});
  `;
}

function article(id: number): Article {
  return { ...fixtureArticle(`Article ${id}.`, { title: `Article ${id}`, lang: 'en', script: 'Latn' }), id, uid: `article-${id}` };
}

/// What has the focus: a row's control by its accessible name or link, or else its class.
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.getAttribute('href') ?? el?.className ?? null;
  });
}

const removeLabel = (id: number) => `Remove “Article ${id}” from the collection`;

describe('the keyboard focus in a list of articles', () => {
  const pages = componentPages();
  const open = (mount: string, articles: Article[] = []) => pages.open(mount, { articles });
  const close = pages.close;

  async function remove(page: Page, id: number): Promise<void> {
    await page.getByRole('button', { name: removeLabel(id) }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: removeLabel(id) }).waitFor({ state: 'detached' });
  }

  it('moves to the next row’s Remove once an article is removed, and to the row before at the end', async () => {
    const page = await open(collectionMount({ members: 3 }));
    await remove(page, 2);
    await expect.poll(() => focused(page)).toBe(removeLabel(3));
    // Article 3 is now the last row.
    await remove(page, 3);
    await expect.poll(() => focused(page)).toBe(removeLabel(1));
    await close(page);
  });

  it('leaves the focus on the list once the last article is removed', async () => {
    const page = await open(collectionMount({ members: 1 }));
    await remove(page, 1);
    await page.getByText('Nothing here yet.').waitFor();
    await expect.poll(() => focused(page)).toBe('article-list');
    await close(page);
  });

  it('stays where it was in a long collection', async () => {
    const page = await open(collectionMount({ members: 400 }));
    const list = page.locator('.article-list');
    await page.getByRole('button', { name: removeLabel(1) }).waitFor();
    await list.evaluate((el, top) => el.scrollTo({ top }), 250 * ROW_HEIGHT);
    await remove(page, 251);
    await expect.poll(() => focused(page)).toBe(removeLabel(252));
    expect(await list.evaluate((el) => el.scrollTop)).toBe(250 * ROW_HEIGHT);
    await close(page);
  });

  it('moves to the rows that came back on "Try again" after a page failed to load', async () => {
    const page = await open(listMount(false), Array.from({ length: 3000 }, (_, n) => article(n + 1)));
    await page.locator('a[href="#/article/1"]').waitFor();
    await page.evaluate(() => (window.qalamFailing = ['listArticles']));
    await page.locator('.article-list').evaluate((el, top) => el.scrollTo({ top }), 1500 * ROW_HEIGHT);
    const retry = page.getByRole('alert').getByRole('button', { name: 'Try again' });
    await retry.focus();
    await page.evaluate(() => (window.qalamFailing = []));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('#/article/1501');
    await close(page);
  });

  it('moves to the first row on "Try again" when the first page failed to load', async () => {
    const page = await open(listMount(true), Array.from({ length: 50 }, (_, n) => article(n + 1)));
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.focus();
    await page.evaluate(() => (window.qalamFailing = []));
    await page.keyboard.press('Enter');
    await retry.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('#/article/1');
    await close(page);
  });

  it('draws the rows scrolled to after "Try again" brought the list back', async () => {
    const page = await open(listMount(true), Array.from({ length: 3000 }, (_, n) => article(n + 1)));
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    await page.evaluate(() => (window.qalamFailing = []));
    await retry.click();
    await page.locator('a[href="#/article/1"]').waitFor();
    await page.locator('.article-list').evaluate((el, top) => el.scrollTo({ top }), 2000 * ROW_HEIGHT);
    await page.locator('a[href="#/article/2001"]').waitFor({ timeout: 5_000 });
    await close(page);
  });
});
