import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { selectWithMouse } from './mouse-select.js';
import { screenshot, watchProblems } from './page-checks.js';
import { startServe, type ServeProcess } from './serve-process.js';

// The researcher's day in the real app, in order: each step builds on the one before, on one
// library served by `qalam serve` and one Chromium tab.
describe('reading and annotating in the browser', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  const articleText = () => page.getByRole('document', { name: 'Article text' });
  const highlights = () => articleText().locator('[data-annotation-ids]');
  const panel = () => page.getByRole('complementary', { name: 'Annotations' });

  /// What the library holds, asked through the same API the page uses.
  const call = <T>(name: string, input: unknown = {}) => serve.call<T>(name, input);
  type Stored = { id: number; exact: string; note: string; tagIds: number[]; start: number; end: number };
  type StoredTag = { id: number; name: string; count: number };
  let articleId = 0;
  const stored = () => call<Stored[]>('listAnnotations', { articleId });
  const tagNamed = async (name: string) => (await call<StoredTag[]>('listTags')).find((t) => t.name === name);

  /// Select text with the mouse, open the new-highlight popover and save it with one tag.
  async function highlight(quote: string, tag: string, open: 'button' | 'key') {
    await selectWithMouse(page, articleText(), quote);
    if (open === 'button') await page.getByRole('button', { name: 'Highlight' }).click();
    else await page.keyboard.press('h');
    const popover = page.getByRole('dialog', { name: 'New highlight' });
    const field = popover.getByRole('combobox', { name: 'Tags' });
    await field.fill(tag);
    await field.press('Enter');
    await field.press('Enter');
    await popover.waitFor({ state: 'detached' });
  }

  /// The text of every drawn segment whose ids are exactly these.
  const segmentText = async (ids: number[]) =>
    (await articleText().locator(`[data-annotation-ids="${ids.join(' ')}"]`).allTextContents()).join('');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-flow-'));
    [serve, browser] = await Promise.all([startServe(join(dir, 'library.sqlite')), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    problems = watchProblems(page);
    await page.goto(serve.url);
  });

  // A failed step leaves a picture of the page behind, to see what the test saw.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) await screenshot(page, `failed-${task.name.replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the sample articles from the first-run screen', async () => {
    const load = page.getByRole('button', { name: 'Load sample articles' });
    await load.waitFor();
    await screenshot(page, '01-first-run');
    await load.click();
    await page.getByRole('link', { name: /Қозоғистон ва Россия раҳбарларининг/ }).first().waitFor();
    await screenshot(page, '02-library');
  });

  it('searches in Cyrillic and opens the article', async () => {
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill('Қозоғистон');
    const hit = page.getByRole('link', { name: /Қозоғистон ва Россия раҳбарларининг/ }).first();
    await hit.waitFor();
    await screenshot(page, '03-search');
    await hit.click();
    await articleText().waitFor();
    await expect.poll(() => articleText().textContent()).toContain('Қасим-Жомарт Тоқаев');
    articleId = Number(new URL(page.url()).hash.match(/article\/(\d+)/)?.[1]);
    expect(articleId).toBeGreaterThan(0);
    await screenshot(page, '04-reader-search-terms');
  });

  it('highlights a passage selected with the mouse and tags it', async () => {
    await highlight('Қасим-Жомарт Тоқаев', 'Leaders', 'button');
    const [a] = await stored();
    expect(a).toMatchObject({ exact: 'Қасим-Жомарт Тоқаев', note: '' });
    expect(a.tagIds).toEqual([(await tagNamed('Leaders'))!.id]);
    expect(await segmentText([a.id])).toBe('Қасим-Жомарт Тоқаев');
    await expect.poll(() => panel().textContent()).toContain('Қасим-Жомарт Тоқаев');
  });

  it('still shows the highlight after a reload', async () => {
    await page.reload();
    await articleText().waitFor();
    const [a] = await stored();
    await expect.poll(() => segmentText([a.id])).toBe('Қасим-Жомарт Тоқаев');
    await expect.poll(() => panel().textContent()).toContain('Leaders');
  });

  it('draws an overlapping second highlight over both', async () => {
    await highlight('Тоқаев 11-12 ноябрь', 'Visits', 'key');
    const [first, second] = await stored();
    expect(second).toMatchObject({ exact: 'Тоқаев 11-12 ноябрь' });
    expect(second.start).toBeLessThan(first.end);
    // The shared word carries both ids; each end carries its own.
    expect(await segmentText([first.id, second.id])).toBe('Тоқаев');
    expect(await segmentText([first.id])).toBe('Қасим-Жомарт ');
    expect(await segmentText([second.id])).toBe(' 11-12 ноябрь');
    await screenshot(page, '05-reader-highlights');
  });

  it('edits the note of a highlight, and undo takes the edit back', async () => {
    const [first] = await stored();
    await articleText().locator(`[data-annotation-ids="${first.id}"]`).first().click();
    const details = page.getByRole('dialog', { name: 'Highlight details' });
    await details.getByRole('textbox', { name: 'Note' }).fill('Президент Казахстана — state visit');
    await details.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => (await stored())[0].note).toBe('Президент Казахстана — state visit');
    await screenshot(page, '06-reader-note');
    await details.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored())[0].note).toBe('');
  });

  it('deletes a highlight; undo brings it back, and it can be deleted again', async () => {
    const [first, second] = await stored();
    await articleText().locator(`[data-annotation-ids="${second.id}"]`).first().click();
    const details = page.getByRole('dialog', { name: 'Highlight details' });
    await details.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await stored()).map((a) => a.id)).toEqual([first.id]);
    await expect.poll(() => segmentText([first.id])).toBe('Қасим-Жомарт Тоқаев');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored()).map((a) => a.exact)).toEqual(['Қасим-Жомарт Тоқаев', 'Тоқаев 11-12 ноябрь']);
    const restored = (await stored())[1];
    await expect.poll(() => segmentText([restored.id])).toBe(' 11-12 ноябрь');

    // This time from its entry in the side panel (a second click on the same spot of the text
    // so soon after the first would be a double click, which selects a word).
    await panel().getByRole('button', { name: /Тоқаев 11-12 ноябрь/ }).click();
    await page.getByRole('dialog', { name: 'Highlight details' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await stored()).length).toBe(1);
    // The server answers the deletion before the page has drawn it: wait for the drawing.
    await expect.poll(() => articleText().locator(`[data-annotation-ids~="${restored.id}"]`).count()).toBe(0);
  });

  it('renames a tag in the codebook', async () => {
    await page.getByRole('link', { name: 'Tags', exact: true }).click();
    const tree = page.getByRole('tree', { name: 'Codebook' });
    await tree.getByRole('treeitem', { name: /Leaders/ }).click();
    const form = page.getByRole('form', { name: 'Edit tag Leaders' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Heads of state');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await tree.getByRole('treeitem', { name: /Heads of state/ }).waitFor();
    expect(await tagNamed('Leaders')).toBeUndefined();
    expect(await tagNamed('Heads of state')).toMatchObject({ count: 1 });
    await screenshot(page, '07-tags');
  });

  it('shows the passage under the renamed tag in the Passages view, with its context', async () => {
    await page.getByRole('link', { name: 'Passages', exact: true }).click();
    await page.getByRole('checkbox', { name: /Heads of state/ }).check();
    const list = page.getByRole('list', { name: 'Passages' });
    const line = list.getByRole('listitem').filter({ hasText: 'Қасим-Жомарт Тоқаев' });
    await line.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    // Keyword in context: the words before and after the passage in the article.
    expect(await line.textContent()).toContain('azinform — Қасим-Жомарт Тоқаев 11-12 ноябрь кунлари');
    await screenshot(page, '08-passages');
    await line.getByRole('link').click();
    await articleText().waitFor();
    expect(new URL(page.url()).hash).toMatch(new RegExp(`^#/article/${articleId}\\?a=\\d+`));
  });

  it('logged no errors along the way', () => {
    expect(problems).toEqual([]);
  });
});
