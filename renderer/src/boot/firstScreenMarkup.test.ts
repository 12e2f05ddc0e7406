import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/model.js';
import { defaultLibrary, parseHash, type LibraryQuery } from '../app/route.js';
import { libraryListQuery, pageInput, ROW_HEIGHT } from '../features/library/listQuery.js';
import { libraryFirstScreen, type FirstPage } from './firstRows.js';
import { prefetchKey } from './prefetch.js';
import { firstScreen, OPENING_LIBRARY_HASH, SERVED_ROWS } from './servedFirstScreen.js';
import { SERVED_PAGE_ID, takeServedPage } from './servedPage.js';

const library = defaultLibrary as { view: 'library' } & LibraryQuery;

function article(id: number, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    uid: `urn:uuid:${id}`,
    title: `Мақола ${id}`,
    date: '2025-11-10',
    source: 'Kun.uz',
    url: null,
    lang: 'uz-Cyrl',
    script: 'Cyrl',
    length: 1000,
    annotationCount: 0,
    ...over,
  };
}

const hostile = '</script><img src=x onerror="alert(1)"><!-- & \' "';
const page: FirstPage = {
  total: 100_000,
  items: [
    article(1, { title: hostile, source: '<b>src</b>', lang: 'en" onmouseover="alert(2)', annotationCount: 3 }),
    ...Array.from({ length: 59 }, (_, i) => article(i + 2)),
  ],
};

/// The markup as a browser would read it, in a document of its own.
function parse(markup: string) {
  return parseHTML(`<!doctype html><html><head></head><body><div id="root">${markup}</div></body></html>`).document;
}

describe("the library's first screen as markup", () => {
  it('draws the rows asked for, with the count, in their places', () => {
    const doc = parse(libraryFirstScreen(library, page, 12)!);
    const rows = [...doc.querySelectorAll('[role="listitem"]')];
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.getAttribute('data-index'))).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    expect(rows[5]!.getAttribute('style')).toBe(`transform: translateY(${5 * ROW_HEIGHT}px); height: ${ROW_HEIGHT}px`);
    expect(rows[5]!.getAttribute('aria-posinset')).toBe('6');
    expect(rows[5]!.getAttribute('aria-setsize')).toBe('100000');
    expect(doc.querySelector('.view-head__count')!.textContent).toBe('100,000 articles');
    expect(doc.querySelector('[role="list"]')!.getAttribute('style')).toBe(`height: ${100_000 * ROW_HEIGHT}px`);
    expect(doc.querySelector('[role="list"]')!.hasAttribute('aria-busy')).toBe(false);
    expect(doc.querySelector('[data-first-screen]')).not.toBeNull();
    // Every control waits for the app.
    for (const c of doc.querySelectorAll('input, select, button')) expect(c.hasAttribute('disabled')).toBe(true);
  });

  it('keeps hostile titles, sources and language tags as text', () => {
    const doc = parse(libraryFirstScreen(library, page, 3)!);
    expect(doc.querySelectorAll('img, b, script')).toHaveLength(0);
    expect(doc.querySelector('[data-index="0"] .article-row__title')!.textContent).toBe(hostile);
    expect(doc.querySelector('[data-index="0"] .article-row__source')!.textContent).toBe('<b>src</b>');
    const link = doc.querySelector('[data-index="0"] a')!;
    expect(link.getAttribute('lang')).toBe('en" onmouseover="alert(2)');
    expect(link.hasAttribute('onmouseover')).toBe(false);
    expect(doc.querySelector('[data-index="0"] .article-row__meta')!.textContent).toContain('3 passages');
  });

  it('says "Counting…" before the page, and draws nothing for an empty library', () => {
    const doc = parse(libraryFirstScreen(library, null, 10)!);
    expect(doc.querySelector('.view-head__count')!.textContent).toBe('Counting…');
    expect(doc.querySelectorAll('[role="listitem"]')).toHaveLength(0);
    expect(doc.querySelector('[role="list"]')!.getAttribute('aria-busy')).toBe('true');
    expect(libraryFirstScreen(library, { total: 0, items: [] }, 10)).toBeNull();
  });

  it('shows the filters of the address it draws', () => {
    const route = parseHash('#/library?sort=title&from=2025-01-01&lang=kk') as { view: 'library' } & LibraryQuery;
    const doc = parse(libraryFirstScreen(route, page, 2)!);
    expect(doc.querySelector('.view-head__count')!.textContent).toBe('100,000 articles match the filters');
    expect(doc.querySelector('select option')!.textContent).toBe('Title A–Z');
    expect(doc.querySelector('.filters__date')!.getAttribute('value')).toBe('2025-01-01');
    expect(doc.querySelector('.filters .link-button')!.textContent).toBe('Clear filters');
  });
});

describe("browser mode's served first screen", () => {
  afterEach(() => {
    delete (globalThis as { document?: unknown }).document;
  });

  it('asks for the page the library opens on, as the list itself asks for it', () => {
    expect(firstScreen.call).toEqual({ name: 'listArticles', input: pageInput(libraryListQuery(library), 0) });
  });

  it('keeps its screen only where the address shows the library as it opens', () => {
    for (const hash of ['', '#', '#/', '#/library', '#/library/']) {
      expect(OPENING_LIBRARY_HASH.test(hash), hash).toBe(true);
      expect(parseHash(hash), hash).toEqual(defaultLibrary);
    }
    for (const hash of ['#/library?sort=title', '#/library?lang=ru', '#/article/3', '#/search?q=x', '#/tags', '#/passages', '#/collections/2', '#/librar']) {
      expect(OPENING_LIBRARY_HASH.test(hash), hash).toBe(false);
    }
  });

  it('has a guard that empties the root for any other address, before the first paint', () => {
    const run = (hash: string) => {
      let emptied = false;
      const document = { getElementById: (id: string) => (id === 'root' ? { replaceChildren: () => (emptied = true) } : null) };
      new Function('location', 'document', firstScreen.guard)({ hash }, document);
      return emptied;
    };
    expect(run('')).toBe(false);
    expect(run('#/library')).toBe(false);
    expect(run('#/article/12')).toBe(true);
    expect(run('#/library?sort=title')).toBe(true);
  });

  it("draws the screen and the page beside it, which the entry module takes back whole", () => {
    const drawn = firstScreen.draw(page)!;
    const { document } = parseHTML(`<!doctype html><html><body><div id="root">${drawn.root}</div><script>guard</script>${drawn.after}</body></html>`);
    expect(document.querySelectorAll('#root [role="listitem"]')).toHaveLength(SERVED_ROWS);
    // The hostile title cannot end the data block early.
    expect(document.querySelectorAll('script')).toHaveLength(2);
    (globalThis as { document?: unknown }).document = document;
    const root = document.getElementById('root') as unknown as HTMLElement;
    expect(takeServedPage(root, prefetchKey('listArticles', firstScreen.call.input))).toEqual(page);
    // Taken once: the block is gone.
    expect(document.getElementById(SERVED_PAGE_ID)).toBeNull();
    expect(takeServedPage(root, prefetchKey('listArticles', firstScreen.call.input))).toBeNull();
  });

  it('gives nothing to a list with another query, or once the guard emptied the root', () => {
    const drawn = firstScreen.draw(page)!;
    const key = prefetchKey('listArticles', firstScreen.call.input);
    let { document } = parseHTML(`<!doctype html><html><body><div id="root">${drawn.root}</div>${drawn.after}</body></html>`);
    (globalThis as { document?: unknown }).document = document;
    const other = prefetchKey('listArticles', pageInput(libraryListQuery({ ...library, sort: 'title', order: 'asc' }), 0));
    expect(takeServedPage(document.getElementById('root') as unknown as HTMLElement, other)).toBeNull();

    ({ document } = parseHTML(`<!doctype html><html><body><div id="root"></div>${drawn.after}</body></html>`));
    (globalThis as { document?: unknown }).document = document;
    expect(takeServedPage(document.getElementById('root') as unknown as HTMLElement, key)).toBeNull();
  });

  it('draws nothing for an empty library or an answer of another shape', () => {
    expect(firstScreen.draw({ total: 0, items: [] })).toBeNull();
    expect(firstScreen.draw(null)).toBeNull();
    expect(firstScreen.draw({ items: 'x' })).toBeNull();
  });
});
