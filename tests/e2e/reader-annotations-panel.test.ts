// The reader's annotations panel and popovers on their own in Chromium (component-page.ts): rows
// as tall as their tags and notes make them in a windowed list of thousands, a new highlight's
// popover starting empty for each selection, and where the focus goes after a highlight is deleted.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../shared/model.js';
import { launchChromium } from './chromium.js';
import { fixtureArticle } from './component-fixtures.js';
import { openComponent, type ComponentPage } from './component-page.js';
import { selectWithMouse } from './mouse-select.js';

function tag(id: number, path: string[], color: string, parentId: number | null = null): Tag {
  return { id, uid: `tag-${id}`, name: path.at(-1)!, parentId, path, color, description: '', count: 0 };
}

/// Short tags, and long Cyrillic ones (a path of two long names among them).
const tags: Tag[] = [
  tag(1, ['Economy'], '#b0642a'),
  tag(2, ['Places'], '#2a7ab0'),
  tag(3, ['Иқтисодий ҳамкорлик ва савдо алоқалари'], '#1f8a5b'),
  tag(4, ['Халқаро муносабатлар'], '#8a1f6b'),
  tag(5, ['Халқаро муносабатлар', 'Марказий Осиё давлатлари билан ҳамкорлик'], '#6b8a1f', 4),
  tag(6, ['Международные экономические отношения'], '#1f6b8a'),
  tag(7, ['Қазақстан Республикасының сыртқы саясаты'], '#8a6b1f'),
  tag(8, ['Транспорт ва логистика инфратузилмаси'], '#5b1f8a'),
  tag(9, ['Энергетика'], '#1f8a8a'),
  tag(10, ['Ижтимоий-сиёсий жараёнлар таҳлили'], '#8a1f1f'),
];

const longNote =
  'Муаллиф бу ерда савдо ҳажмининг ўсишини икки давлат ўртасидаги янги келишувлар билан боғлайди, аммо статистика манбаини кўрсатмайди; ' +
  'кейинги мақолаларда шу рақамлар қандай тақдим этилганини солиштириш керак.';

/// An article of `count` lines, each with a passage to highlight.
function articleOf(count: number) {
  const lines = Array.from({ length: count }, (_, i) => `${i + 1}. Тошкент ва Олмаота ўртасидаги савдо йўллари муҳокама қилинди.`);
  return fixtureArticle(lines.join('\n'), { title: 'Савдо йўллари', lang: 'uz-Cyrl', script: 'Cyrl' });
}

/// One highlight on each line: every fifth with eight tags (most with long names), every seventh
/// with a long note, the rest with one short tag.
function highlightsOf(text: string, count: number): Annotation[] {
  const out: Annotation[] = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    const quoted = 'савдо йўллари';
    const start = text.indexOf(quoted, from);
    from = start + quoted.length;
    const id = i + 1;
    out.push({
      id,
      uid: `annotation-${id}`,
      articleId: 1,
      start,
      end: start + quoted.length,
      exact: quoted,
      prefix: text.slice(Math.max(0, start - 20), start),
      suffix: text.slice(start + quoted.length, start + quoted.length + 20),
      tagIds: i % 5 === 0 ? [3, 4, 5, 6, 7, 8, 9, 10] : [1 + (i % 2)],
      note: i % 7 === 0 ? longNote : '',
      status: 'anchored',
      createdAt: '2024-03-01T00:00:00Z',
      modifiedAt: '2024-03-01T00:00:00Z',
    });
  }
  return out;
}

describe('the annotations panel and the popovers', () => {
  let browser: Browser;
  let component: ComponentPage;
  let page: Page;
  let problems: string[];

  const articleText = () => page.getByRole('document', { name: 'Article text' });
  const newHighlight = () => page.getByRole('dialog', { name: 'New highlight' });
  const details = () => page.getByRole('dialog', { name: 'Highlight details' });
  const scroller = () => page.locator('.qalam-annotations__scroller');
  const panelItem = (id: number) => page.locator(`.qalam-annotation-item[data-annotation-id="${id}"]`);
  const callsNamed = async (name: string) => (await component.calls()).filter((c) => c.name === name);
  const frames = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  /// The panel entry (or the text) that has the focus.
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (el?.classList.contains('qalam-annotation-item')) return `panel ${el.getAttribute('data-annotation-id')}`;
      return el?.getAttribute('aria-label') ?? el?.tagName ?? null;
    });

  async function open(count: number) {
    problems = [];
    const article = articleOf(count);
    component = await openComponent(
      browser,
      {
        library: { articles: [article], annotations: highlightsOf(article.text, count), tags },
        mount: `import { ReaderView } from './features/reader/ReaderView.js'; render(ReaderView, { articleId: 1 });`,
      },
      problems,
    );
    page = component.page;
    await articleText().locator('[data-annotation-ids]').first().waitFor();
    await page.locator('.qalam-annotation-item').first().waitFor();
  }

  /// The drawn rows of the panel, top to bottom: where each is, and whether every tag chip and
  /// the note lie inside its box.
  const drawnRows = () =>
    page.evaluate(() => {
      const box = document.querySelector('.qalam-annotations__scroller')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.qalam-annotations__row')]
        .map((row) => {
          const item = row.querySelector<HTMLElement>('.qalam-annotation-item')!;
          const itemBox = item.getBoundingClientRect();
          const inside = (el: Element) => {
            const r = el.getBoundingClientRect();
            return r.top >= itemBox.top - 0.5 && r.bottom <= itemBox.bottom + 0.5 && r.left >= itemBox.left - 0.5 && r.right <= itemBox.right + 0.5;
          };
          const chips = [...item.querySelectorAll('.qalam-chip')];
          const note = item.querySelector('.qalam-annotation-item__note');
          return {
            id: Number(item.dataset.annotationId),
            index: Number(row.dataset.index),
            top: row.getBoundingClientRect().top,
            bottom: row.getBoundingClientRect().bottom,
            itemBottom: itemBox.bottom,
            chips: chips.length,
            chipsInside: chips.every(inside) && chips.every((c) => c.scrollWidth <= c.clientWidth + 1),
            noteInside: note ? inside(note) : true,
            inView: itemBox.bottom > box.top && itemBox.top < box.bottom,
          };
        })
        .sort((a, b) => a.top - b.top);
    });

  async function expectRowsWhole() {
    const rows = await drawnRows();
    expect(rows.length).toBeGreaterThan(3);
    // However many annotations, a screenful of rows (and the overscan) is drawn.
    expect(rows.length).toBeLessThan(50);
    for (const row of rows) {
      expect(row, `annotation ${row.id}`).toMatchObject({ chipsInside: true, noteInside: true });
      expect(row.chips, `annotation ${row.id}`).toBe((row.id - 1) % 5 === 0 ? 8 : 1);
    }
    // Consecutive rows: each starts where the one before ends, none overlaps the next.
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.index, 'rows in text order').toBe(rows[i - 1]!.index + 1);
      expect(rows[i]!.top).toBeGreaterThanOrEqual(rows[i - 1]!.itemBottom - 0.5);
      expect(rows[i]!.top).toBeCloseTo(rows[i - 1]!.bottom, 0);
    }
    return rows;
  }

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

  it('shows every tag and the note of each row, wrapped, through a list of 2,000', async () => {
    await open(2000);
    await expectRowsWhole();
    for (const at of [0.37, 0.5, 1]) {
      await scroller().evaluate((el, at) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * at), at);
      await frames();
      await frames();
      const rows = await expectRowsWhole();
      expect(rows.some((r) => r.inView)).toBe(true);
    }
    // At the end of the list the last row is drawn, whole, at the bottom.
    const rows = await drawnRows();
    expect(rows.at(-1)!.id).toBe(2000);
    const box = await scroller().boundingBox();
    expect(rows.at(-1)!.bottom).toBeLessThanOrEqual(box!.y + box!.height + 0.5);
  });

  it('brings the entry of a highlight opened far down the text into the panel', async () => {
    await open(2000);
    for (const id of [1501, 1203]) {
      await articleText().locator(`[data-annotation-ids="${id}"]`).click();
      await details().waitFor();
      await expect.poll(async () => (await drawnRows()).find((r) => r.id === id)?.inView ?? false).toBe(true);
      expect(await panelItem(id).getAttribute('aria-current')).toBe('true');
      await expectRowsWhole();
      await page.keyboard.press('Escape');
      await details().waitFor({ state: 'detached' });
      await page.waitForTimeout(600);
    }
  });

  it('starts each new selection with an empty tag field, and the number keys still apply recent tags', async () => {
    // Lines enough for a second selection well below the popover of the first.
    await open(20);
    await selectWithMouse(page, articleText(), 'Тошкент', 1);
    await page.keyboard.press('h');
    const field = newHighlight().getByRole('combobox', { name: 'Tags' });
    await field.fill('Energy sector');
    await field.press('Enter');
    await field.fill('Иқтисод');
    expect(await newHighlight().getByRole('list', { name: 'Chosen tags' }).textContent()).toContain('Energy sector');

    // Another passage is selected while the popover is open, and H pressed on it.
    await selectWithMouse(page, articleText(), 'Олмаота', 16);
    await page.keyboard.press('h');
    await expect.poll(() => newHighlight().locator('.qalam-popover__quote').textContent()).toBe('Олмаота');
    expect(await newHighlight().getByRole('list', { name: 'Chosen tags' }).count()).toBe(0);
    expect(await newHighlight().getByRole('combobox', { name: 'Tags' }).inputValue()).toBe('');

    // The same with the toolbar's Highlight button.
    await newHighlight().getByRole('combobox', { name: 'Tags' }).fill('Places');
    await newHighlight().getByRole('combobox', { name: 'Tags' }).press('Enter');
    await selectWithMouse(page, articleText(), 'Тошкент', 10);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(() => newHighlight().locator('.qalam-popover__quote').textContent()).toBe('Тошкент');
    expect(await newHighlight().getByRole('combobox', { name: 'Tags' }).inputValue()).toBe('');
    expect(await newHighlight().getByRole('list', { name: 'Chosen tags' }).count()).toBe(0);

    // Saved with a tag, that tag is on key 1 for the next selection.
    await newHighlight().getByRole('combobox', { name: 'Tags' }).fill('Energy sector');
    await newHighlight().getByRole('combobox', { name: 'Tags' }).press('Enter');
    await newHighlight().getByRole('combobox', { name: 'Tags' }).press('Enter');
    await newHighlight().waitFor({ state: 'detached' });
    await selectWithMouse(page, articleText(), 'Олмаота', 1);
    await page.keyboard.press('1');
    await expect.poll(() => callsNamed('createAnnotation')).toHaveLength(2);
    const [first, second] = await callsNamed('createAnnotation');
    expect(first!.input).toMatchObject({ tagIds: [], tagNames: ['Energy sector'] });
    const energy = await page.evaluate(() => window.qalamLibrary!.tags.find((t) => t.name === 'Energy sector')?.id);
    expect(energy).toBeGreaterThan(10);
    expect(second!.input.tagIds).toEqual([energy]);
  });

  it('moves the focus to the next entry in the panel after a delete, then the previous, then the text', async () => {
    await open(3);
    // From the details opened in the text: the next entry.
    await articleText().locator('[data-annotation-ids="2"]').click();
    await details().getByRole('button', { name: 'Delete' }).click();
    await details().waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('panel 3');
    expect(await callsNamed('deleteAnnotation')).toHaveLength(1);

    // From the panel, the last entry: the one before it. Enter on the focused entry opens it.
    await page.keyboard.press('Enter');
    await details().waitFor();
    expect(await details().getAttribute('data-annotation-id')).toBe('3');
    await details().getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await details().waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('panel 1');

    // The only one left: the text.
    await panelItem(1).click();
    await details().getByRole('button', { name: 'Delete' }).click();
    await details().waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('Article text');
    expect(await page.locator('.qalam-annotation-item').count()).toBe(0);
  });

  it('focuses the next entry after a delete far down a long list, drawn and in view', async () => {
    await open(2000);
    await articleText().locator('[data-annotation-ids="1700"]').click();
    await details().getByRole('button', { name: 'Delete' }).click();
    await details().waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('panel 1701');
    const row = (await drawnRows()).find((r) => r.id === 1701)!;
    expect(row.inView).toBe(true);
    await expectRowsWhole();
  });
});
