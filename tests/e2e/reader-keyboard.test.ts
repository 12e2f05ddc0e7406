// The reader on its own in Chromium (component-page.ts), driven from the keyboard the way the
// annotating flow is: cancelling a new highlight, the highlight key on a Cyrillic layout, saving a
// note, and typing a tag name that only looks like a known one once its punctuation is dropped.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tag } from '../../shared/model.js';
import { launchChromium } from './chromium.js';
import { fixtureArticle, fixtureHighlight } from './component-fixtures.js';
import { openComponent, type ComponentPage } from './component-page.js';
import { selectWithMouse } from './mouse-select.js';

const text = [
  'Сиёсатшунос Алишер Каримов мамлакатлар ўртасидаги савдо ҳажми ўсганини айтди.',
  'Унинг фикрича, сиёсатшунос ва иқтисодчилар бу ўсишни турлича баҳолайди.',
  'Тошкент ва Олмаотада ўтган учрашувларда шаҳарлар ўртасидаги йўллар ҳам муҳокама қилинди.',
].join('\n');

const article = fixtureArticle(text, { title: 'Савдо ҳажми ўсди', lang: 'uz-Cyrl', script: 'Cyrl' });

function tag(id: number, path: string[], color: string): Tag {
  return { id, uid: `tag-${id}`, name: path.at(-1)!, parentId: id === 2 ? 1 : null, path, color, description: '', count: 0 };
}

const tags = [tag(1, ['Places'], '#2a7ab0'), tag(2, ['Places', 'Cities'], '#1f8a5b'), tag(3, ['Economy'], '#b0642a')];

const quoted = 'савдо ҳажми';
const highlighted = fixtureHighlight(text, quoted, { tagIds: [3], note: '' });

describe('the reader from the keyboard', () => {
  let browser: Browser;
  let component: ComponentPage;
  let page: Page;
  let problems: string[];

  const articleText = () => page.getByRole('document', { name: 'Article text' });
  const newHighlight = () => page.getByRole('dialog', { name: 'New highlight' });
  const details = () => page.getByRole('dialog', { name: 'Highlight details' });
  const highlightButton = () => page.getByRole('button', { name: 'Highlight', exact: true });
  const pageSelection = () => page.evaluate(() => window.getSelection()?.toString() ?? '');
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName ?? null, name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '', inDialog: el?.closest('[role="dialog"]')?.getAttribute('aria-label') ?? null };
    });
  const callsNamed = async (name: string) => (await component.calls()).filter((c) => c.name === name);

  /// Press a key as a keyboard with another layout sends it: `key` is the character typed, `code`
  /// the physical key, as Chromium receives it from the system.
  async function pressOnLayout(key: string, code: string, keyCode: number) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, text: key, unmodifiedText: key, windowsVirtualKeyCode: keyCode });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode });
    await cdp.detach();
  }

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

  it('shows the selection again when a new highlight is cancelled, and the keys act on what is shown', async () => {
    await selectWithMouse(page, articleText(), 'сиёсатшунос');
    await page.keyboard.press('h');
    await newHighlight().getByRole('combobox', { name: 'Tags' }).waitFor();
    await page.keyboard.press('Escape');
    await newHighlight().waitFor({ state: 'detached' });
    expect(await pageSelection()).toBe('сиёсатшунос');
    expect(await focused()).toMatchObject({ name: 'Article text' });
    expect(await highlightButton().isEnabled()).toBe(true);

    // The Cancel button does the same.
    await page.keyboard.press('h');
    await newHighlight().getByRole('button', { name: 'Cancel' }).click();
    await newHighlight().waitFor({ state: 'detached' });
    expect(await pageSelection()).toBe('сиёсатшунос');
    expect(await focused()).toMatchObject({ name: 'Article text' });

    // A number key now highlights exactly what the reader sees selected.
    await page.keyboard.press('1');
    await expect.poll(() => callsNamed('createAnnotation')).toHaveLength(1);
    const [created] = await callsNamed('createAnnotation');
    expect(text.slice(created!.input.start as number, created!.input.end as number)).toBe('сиёсатшунос');
    await expect.poll(pageSelection).toBe('');
    expect(await highlightButton().isEnabled()).toBe(false);
  });

  it('opens a new highlight with the H key of a Cyrillic layout', async () => {
    await selectWithMouse(page, articleText(), 'сиёсатшунос');
    await pressOnLayout('р', 'KeyH', 72);
    await newHighlight().waitFor({ timeout: 5000 });
    expect(await newHighlight().locator('.qalam-popover__quote').textContent()).toBe('сиёсатшунос');
  });

  it('keeps the focus in the details after saving a note, so Escape still closes them', async () => {
    await articleText().locator('[data-annotation-ids="7"]').click();
    await details().waitFor();
    const note = details().getByRole('textbox', { name: 'Note' });
    await note.click();
    await page.keyboard.type('Савдо ҳақида');
    const save = details().getByRole('button', { name: 'Save note' });
    await save.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => callsNamed('updateAnnotation')).toHaveLength(1);
    expect((await callsNamed('updateAnnotation'))[0]!.input).toMatchObject({ id: 7, note: 'Савдо ҳақида' });
    await expect.poll(() => save.isDisabled()).toBe(true);
    expect((await focused()).inDialog).toBe('Highlight details');
    await page.keyboard.press('Escape');
    await details().waitFor({ state: 'detached' });
  });

  it('keeps a note typed and not saved when the details close, and shows it again marked as not saved', async () => {
    const note = () => details().getByRole('textbox', { name: 'Note' });
    const reopen = async () => {
      // ProseMirror takes two clicks on one spot within half a second for a double click (a word).
      await page.waitForTimeout(600);
      await articleText().locator('[data-annotation-ids="7"]').click();
      await details().waitFor();
    };
    await articleText().locator('[data-annotation-ids="7"]').click();
    await note().fill('Савдо ҳақида, ');
    await page.keyboard.press('Escape');
    await details().waitFor({ state: 'detached' });
    await reopen();
    expect(await note().inputValue()).toBe('Савдо ҳақида, ');
    expect(await details().getByText('Note not saved').isVisible()).toBe(true);
    // Closed with its button this time, then saved: the draft has done its work.
    await note().fill('Савдо ҳақида, иқтисод');
    await details().getByRole('button', { name: 'Close' }).click();
    await details().waitFor({ state: 'detached' });
    await reopen();
    expect(await note().inputValue()).toBe('Савдо ҳақида, иқтисод');
    expect(await callsNamed('updateAnnotation')).toEqual([]);
    await details().getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => details().getByText('Note not saved').count()).toBe(0);
    expect((await callsNamed('updateAnnotation'))[0]!.input).toMatchObject({ id: 7, note: 'Савдо ҳақида, иқтисод' });
  });

  it('keeps the focus in the details when a tag is removed with its button', async () => {
    await articleText().locator('[data-annotation-ids="7"]').click();
    await details().waitFor();
    const field = details().getByRole('combobox', { name: 'Tags' });
    await field.fill('Cities');
    await field.press('Enter');
    await details().getByRole('button', { name: 'Remove tag Places / Cities' }).waitFor();
    await details().getByRole('button', { name: 'Remove tag Places / Cities' }).focus();
    await page.keyboard.press('Enter');
    await details().getByRole('button', { name: 'Remove tag Places / Cities' }).waitFor({ state: 'detached' });
    expect((await focused()).inDialog).toBe('Highlight details');
    await page.keyboard.press('Escape');
    await details().waitFor({ state: 'detached' });
  });

  it('creates a tag named with punctuation on Enter instead of taking a tag it only resembles', async () => {
    for (const typed of ['C++', 'C#']) {
      await selectWithMouse(page, articleText(), 'сиёсатшунос');
      await page.keyboard.press('h');
      const field = newHighlight().getByRole('combobox', { name: 'Tags' });
      await field.fill(typed);
      await field.press('Enter');
      const chips = newHighlight().getByRole('list', { name: 'Chosen tags' });
      expect(await chips.textContent()).toContain(`${typed} (new)`);
      await field.press('Enter');
      await newHighlight().waitFor({ state: 'detached' });
    }
    const created = await callsNamed('createAnnotation');
    expect(created.map((c) => ({ tagIds: c.input.tagIds, tagNames: c.input.tagNames }))).toEqual([
      { tagIds: [], tagNames: ['C++'] },
      { tagIds: [], tagNames: ['C#'] },
    ]);
  });

  it('still takes the known tag that starts with what was typed', async () => {
    await selectWithMouse(page, articleText(), 'сиёсатшунос');
    await page.keyboard.press('h');
    const field = newHighlight().getByRole('combobox', { name: 'Tags' });
    await field.fill('cit');
    await field.press('Enter');
    await field.press('Enter');
    await newHighlight().waitFor({ state: 'detached' });
    expect((await callsNamed('createAnnotation')).map((c) => c.input.tagIds)).toEqual([[2]]);
  });
});
