// Right-to-left text in an app that is otherwise left to right, in Chromium with each component
// on its own (component-page.ts). In the reader, an Arabic article with a Hebrew and an English
// line: each paragraph, the title, and the quotes and notes of its highlights read in their own
// direction, with their punctuation at their own end, while highlights and the offsets of new ones
// are what they were. In the library, titles do the same, and the rows the app draws are the rows
// of the first screen drawn before it (boot/firstRows.ts), so nothing moves when it takes over.
// So do search snippets, and the keyword-in-context lines, titles and notes of passages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary, Tag } from '../../shared/model.js';
import { launchChromium } from './chromium.js';
import { fixtureArticle, fixtureHighlight } from './component-fixtures.js';
import { openComponent, type ComponentPage } from './component-page.js';
import { repoRoot } from './serve-process.js';

const lines = [
  'قال الوزير إن الاتفاق بشأن المياه أصبح قريبا.',
  'The minister said the agreement was close.',
  'השר אמר שההסכם קרוב.',
  'وأضاف أن الجانبين سيلتقيان مرة أخرى الأسبوع المقبل.',
];
const text = lines.join('\n');
const title = 'اتفاق المياه قريب!';

const article = fixtureArticle(text, { title, lang: 'ar', script: 'Arab' });

const quoted = 'الاتفاق بشأن المياه';
const highlighted = fixtureHighlight(text, quoted, { tagIds: [1], note: 'یادداشت دربارهٔ آب.' });

const tags: Tag[] = [{ id: 1, uid: 'tag-1', name: 'Water', parentId: null, path: ['Water'], color: '#2a7ab0', description: '', count: 1 }];

/// Whether the last character of `element`'s text is drawn to the left of its first: true for a
/// line laid out right to left, where a full stop at the end of a sentence sits at the left.
function endsAtLeft(page: Page, selector: string, index = 0): Promise<boolean> {
  return page.locator(selector).nth(index).evaluate((element) => {
    const nodes: Text[] = [];
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const first = nodes[0]!;
    const last = nodes.at(-1)!;
    const range = element.ownerDocument.createRange();
    range.setStart(first, 0);
    range.setEnd(first, 1);
    const firstBox = range.getBoundingClientRect();
    range.setStart(last, last.data.length - 1);
    range.setEnd(last, last.data.length);
    return range.getBoundingClientRect().right <= firstBox.left;
  });
}

const direction = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => getComputedStyle(e).direction));

describe('right-to-left text in the reader', () => {
  let browser: Browser;
  let component: ComponentPage;
  let page: Page;
  let problems: string[];

  const articleText = () => page.getByRole('document', { name: 'Article text' });

  beforeAll(async () => {
    browser = await launchChromium();
  });

  beforeEach(async () => {
    problems = [];
    component = await openComponent(
      browser,
      {
        library: { articles: [article], annotations: [highlighted], tags },
        mount: `import { ReaderView } from './features/reader/ReaderView.js'; render(ReaderView, { articleId: 1 });`,
      },
      problems,
    );
    page = component.page;
    await articleText().locator('[data-annotation-ids]').first().waitFor();
  });

  afterEach(async () => {
    await page?.context().close();
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lays out each paragraph in the direction of its own text, punctuation at its end', async () => {
    expect(await direction(page, '.qalam-article-text p')).toEqual(['rtl', 'ltr', 'rtl', 'rtl']);
    expect(await endsAtLeft(page, '.qalam-article-text p', 0)).toBe(true);
    expect(await endsAtLeft(page, '.qalam-article-text p', 1)).toBe(false);
    expect(await endsAtLeft(page, '.qalam-article-text p', 2)).toBe(true);
  });

  it('lays out the title, and the quote and note of a highlight, right to left', async () => {
    expect(await direction(page, '.qalam-reader__title')).toEqual(['rtl']);
    expect(await endsAtLeft(page, '.qalam-reader__title')).toBe(true);
    expect(await direction(page, '.qalam-annotation-item__quote, .qalam-annotation-item__note')).toEqual(['rtl', 'rtl']);
    // The reader's own words around them stay left to right.
    expect(await direction(page, '.qalam-annotations__title, .qalam-reader__meta')).toEqual(['ltr', 'ltr']);

    await articleText().locator('[data-annotation-ids="7"]').click();
    const details = page.getByRole('dialog', { name: 'Highlight details' });
    await details.waitFor();
    expect(await direction(page, '.qalam-popover__quote, .qalam-popover__note')).toEqual(['rtl', 'rtl']);
  });

  it('keeps highlights on their text, and new ones at the offsets of the text selected', async () => {
    expect(await articleText().locator('[data-annotation-ids="7"]').allTextContents()).toEqual([quoted]);

    // Select a word of the Hebrew line, as the browser's selection, and highlight it with a number key.
    const word = 'ההסכם';
    await articleText().focus();
    await articleText().evaluate((root, word) => {
      const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(word);
        if (at >= 0) {
          root.ownerDocument.getSelection()!.setBaseAndExtent(n, at, n, at + word.length);
          return;
        }
      }
    }, word);
    await expect.poll(() => page.getByRole('button', { name: 'Highlight', exact: true }).isEnabled()).toBe(true);
    await page.keyboard.press('1');
    await expect.poll(async () => (await component.calls()).filter((c) => c.name === 'createAnnotation')).toHaveLength(1);
    const created = (await component.calls()).find((c) => c.name === 'createAnnotation')!;
    expect({ start: created.input.start, end: created.input.end }).toEqual({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
    await expect.poll(() => articleText().locator('[data-annotation-ids]').allTextContents()).toEqual([quoted, word]);
  });
});

describe('right-to-left titles in the library', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const summary = (id: number, title: string, lang: string): ArticleSummary => ({
    id,
    uid: `urn:uuid:${id}`,
    title,
    date: '2024-03-01',
    source: 'test',
    url: null,
    lang,
    script: lang === 'en' ? 'Latn' : lang === 'he' ? 'Hebr' : 'Arab',
    length: 1000,
    annotationCount: 2,
  });
  const firstPage = { total: 3, items: [summary(3, title, 'ar'), summary(2, 'The agreement is close.', 'en'), summary(1, 'ההסכם קרוב.', 'he')] };

  it('lays out each title in its own direction, as the first screen does', async () => {
    const problems: string[] = [];
    // The list draws its first page from the answer the entry module would have fetched early, as
    // the library does (its first rows timed); the first screen's markup for that page is put
    // beside it to compare.
    const { page } = await openComponent(
      browser,
      {
        library: { articles: [], annotations: [], tags: [] },
        mount: [
          `import './features/library/library.css';`,
          `import { ArticleList } from './features/library/ArticleList.js';`,
          `import { libraryFirstScreen } from './boot/firstRows.js';`,
          `import { prefetchKey, seedPrefetch } from './boot/prefetch.js';`,
          `import { defaultLibrary } from './app/route.js';`,
          `import { libraryListQuery, pageInput } from './features/library/listQuery.js';`,
          `const page = ${JSON.stringify(firstPage)};`,
          `const query = libraryListQuery(defaultLibrary);`,
          `seedPrefetch(prefetchKey('listArticles', pageInput(query, 0)), page);`,
          `document.body.insertAdjacentHTML('beforeend', '<div id="first-screen" hidden>' + libraryFirstScreen(defaultLibrary, page, page.items.length) + '</div>');`,
          `render(ArticleList, { query, label: 'Articles', markFirstRows: true });`,
        ].join('\n'),
      },
      problems,
    );
    await page.locator('#root [data-index] .article-row__title').nth(2).waitFor();
    const titles = page.locator('#root [data-index] .article-row__title');
    expect(await titles.evaluateAll((els) => els.map((e) => getComputedStyle(e).direction))).toEqual(['rtl', 'ltr', 'rtl']);
    const rows = (within: string) => page.locator(`${within} [data-index] .article-row__link`).evaluateAll((els) => els.map((e) => e.outerHTML));
    expect(await rows('#root')).toEqual(await rows('#first-screen'));
    await page.context().close();
    expect(problems).toEqual([]);
  });
});

describe('right-to-left search results and passages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /// A page drawn by `mount`, whose library gives `answers` (by call name) to the calls it makes.
  async function openView(mount: string, answers: Record<string, unknown> = {}) {
    const problems: string[] = [];
    const { page } = await openComponent(
      browser,
      {
        library: { articles: [], annotations: [], tags },
        mount: [`import '${repoRoot}tests/e2e/component-answers.ts';`, `window.qalamAnswers = ${JSON.stringify(answers)};`, mount].join('\n'),
      },
      problems,
    );
    return { page, problems };
  }

  it('lays out the snippet of a right-to-left search hit right to left', async () => {
    // The snippets alone, drawn by the component the Search view draws them with.
    const snippets = ['قال الوزير إن الاتفاق بشأن <b>المياه</b> أصبح قريبا.', 'The minister said the <b>water</b> agreement was close.'];
    const { page, problems } = await openView(
      `import { Snippet } from './features/search/SnippetText.tsx';\n` +
        `render(({ html }) => html.map((h) => <p key={h}><Snippet html={h} /></p>), { html: ${JSON.stringify(snippets)} });`,
    );
    await page.locator('.snippet').nth(1).waitFor();
    expect(await direction(page, '.snippet')).toEqual(['rtl', 'ltr']);
    expect(await endsAtLeft(page, '.snippet', 0)).toBe(true);
    expect(await endsAtLeft(page, '.snippet', 1)).toBe(false);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('puts the words before a right-to-left passage on its right, and its title and note right to left', async () => {
    const passage = {
      annotation: highlighted,
      articleTitle: title,
      articleDate: '2024-03-01',
      articleLang: 'ar',
      before: 'قال الوزير إن ',
      after: ' أصبح قريبا.',
    };
    const { page, problems } = await openView(
      `import { PassagesView } from './features/passages/PassagesView.js';\n` + `render(PassagesView, { route: { view: 'passages', tagIds: [1], match: 'any' } });`,
      { passages: { total: 1, items: [passage] } },
    );
    await page.locator('.kwic__item').first().waitFor();
    expect(await direction(page, '.kwic__line, .kwic__title, .kwic__note')).toEqual(['rtl', 'rtl', 'rtl']);
    const before = await page.locator('.kwic__before').boundingBox();
    const exact = await page.locator('.kwic__exact').boundingBox();
    const after = await page.locator('.kwic__after').boundingBox();
    expect(before!.x).toBeGreaterThanOrEqual(exact!.x + exact!.width);
    expect(after!.x + after!.width).toBeLessThanOrEqual(exact!.x);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
