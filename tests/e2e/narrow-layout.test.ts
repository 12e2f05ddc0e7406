// The Tags view and the reader in narrow windows, each on its own in Chromium (component-page.ts)
// inside the app's shell (the top bar, the navigation column and the scrolling main area, with the
// shell's own stylesheet), so the widths are the ones the app gives them. What is measured is what
// a reader needs: every part wide and tall enough to see and use, and nothing spilling sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag } from '../../shared/model.js';
import { launchChromium } from './chromium.js';
import { fixtureArticle, fixtureHighlight } from './component-fixtures.js';
import { openComponent } from './component-page.js';
import type { LibraryData } from './component-library.js';

/// Mount code that draws `view` (JSX, after `imports`) in the main area of a stand-in shell;
/// `useRoute()` in it gives the route, which follows the address as in the app.
function inShell(imports: string, view: string): string {
  return [
    `import './styles/shell.css';`,
    `import { useRoute } from './app/useRoute.js';`,
    imports,
    `function InShell() {`,
    `  const route = useRoute();`,
    `  return (`,
    `    <div className="shell">`,
    `      <header className="topbar"><a className="brand" href="#/library">Qalam</a></header>`,
    `      <nav className="sidenav" aria-label="Main" />`,
    `      <main id="main" className="main">${view}</main>`,
    `    </div>`,
    `  );`,
    `}`,
    `render(InShell, {});`,
  ].join('\n');
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/// The box of the first element matching `selector`, in page coordinates.
async function box(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width, height: r.height };
  });
}

/// How far the main area's content reaches past its right edge (0 when nothing spills sideways).
async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.getElementById('main')!;
    return Math.max(main.scrollWidth - main.clientWidth, document.documentElement.scrollWidth - document.documentElement.clientWidth);
  });
}

function tag(id: number, name: string, parentId: number | null, path: string[]): Tag {
  return { id, uid: `tag-${id}`, name, parentId, path, color: '#2a7ab0', description: '', count: 0 };
}

/// A codebook of a dozen tags, some nested.
const codebook: Tag[] = [
  tag(1, 'Places', null, ['Places']),
  tag(2, 'Cities', 1, ['Places', 'Cities']),
  tag(3, 'Villages', 1, ['Places', 'Villages']),
  tag(4, 'Rivers', 1, ['Places', 'Rivers']),
  tag(5, 'People', null, ['People']),
  tag(6, 'Officials', 5, ['People', 'Officials']),
  tag(7, 'Journalists', 5, ['People', 'Journalists']),
  tag(8, 'Economy', null, ['Economy']),
  tag(9, 'Trade', 8, ['Economy', 'Trade']),
  tag(10, 'Prices', 8, ['Economy', 'Prices']),
  tag(11, 'Energy', 8, ['Economy', 'Energy']),
  tag(12, 'Water', null, ['Water']),
];

/// A tag name of 150 characters with no space to break at.
const longName = 'Transboundarywatermanagementagreements'.repeat(4).slice(0, 150);

const paragraph = 'The ministers met again on Tuesday to settle the terms of the water agreement, which both sides say is close. ';
const text = Array.from({ length: 12 }, (_, i) => paragraph.repeat(3) + `(${i + 1})`).join('\n');
const quoted = 'water agreement';

const article = fixtureArticle(text, { title: 'Ministers meet on the water agreement', lang: 'en', script: 'Latn' });

const highlighted = fixtureHighlight(text, quoted, { tagIds: [12], note: 'Both sides say so.' });

describe('narrow windows', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function openTags(tags: Tag[], tagId: number, width: number) {
    const problems: string[] = [];
    const library: LibraryData = { articles: [], annotations: [], tags };
    const { page } = await openComponent(
      browser,
      {
        library,
        mount: inShell(
          `import { TagsView } from './features/tags/TagsView.js'; import { navigate } from './app/useRoute.js'; navigate({ view: 'tags', tagId: ${tagId} }, { replace: true });`,
          `{route.view === 'tags' && <TagsView route={route} />}`,
        ),
      },
      problems,
    );
    await page.setViewportSize({ width, height: 800 });
    await page.locator('.tag-editor form').waitFor();
    return { page, problems };
  }

  /// The tree and the chosen tag's editor, both there to use: the tree shows several items and
  /// scrolls itself, a click on an item chooses it, and the editor is wholly inside the window's width.
  async function expectTreeAndEditorUsable(page: Page, width: number) {
    const tree = await box(page, '.tree');
    const item = await box(page, '.tree [role="treeitem"]');
    expect(tree.height, `tree height at ${width}px`).toBeGreaterThanOrEqual(4 * item.height);
    const editor = await box(page, '.tag-editor');
    expect(editor.right, `editor's right edge at ${width}px`).toBeLessThanOrEqual(width);
    expect(await sideways(page), `sideways overflow at ${width}px`).toBe(0);
    // The items are where they are drawn: a click on the last one chooses it.
    const last = page.locator('.tree [role="treeitem"]').last();
    await last.scrollIntoViewIfNeeded();
    const name = await last.locator('.tree__name').textContent();
    await last.click();
    await expect.poll(() => page.locator('.tree [aria-selected="true"] .tree__name').textContent()).toBe(name);
    return { tree, editor };
  }

  for (const width of [800, 761]) {
    it(`stacks the tag tree and the tag editor at ${width}px, both usable`, async () => {
      const { page, problems } = await openTags(codebook, 2, width);
      const { tree, editor } = await expectTreeAndEditorUsable(page, width);
      expect(editor.top).toBeGreaterThanOrEqual(tree.bottom);
      await page.context().close();
      expect(problems).toEqual([]);
    });
  }

  it('keeps a tag with a long unbroken name inside the window at 800px', async () => {
    const tags = [...codebook, tag(13, longName, 12, ['Water', longName])];
    const { page, problems } = await openTags(tags, 13, 800);
    await expectTreeAndEditorUsable(page, 800);
    // The name in the tree stays inside the tree; the editor's heading wraps to show it whole.
    const tree = await box(page, '.tree');
    const name = await box(page, '[data-tag-id="13"] .tree__name');
    expect(name.right).toBeLessThanOrEqual(tree.right);
    const heading = await box(page, '.tag-editor h2');
    expect(heading.right).toBeLessThanOrEqual(800);
    expect(heading.height).toBeGreaterThan(40);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('keeps the tree beside the editor in a wide window', async () => {
    const { page, problems } = await openTags(codebook, 2, 1280);
    const { tree, editor } = await expectTreeAndEditorUsable(page, 1280);
    expect(tree.right).toBeLessThan(editor.left);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  async function openReader(width: number) {
    const problems: string[] = [];
    const { page } = await openComponent(
      browser,
      {
        library: { articles: [article], annotations: [highlighted], tags: codebook },
        mount: inShell(`import { ReaderView } from './features/reader/ReaderView.js';`, `<div className="article-view"><ReaderView articleId={1} /></div>`),
      },
      problems,
    );
    await page.setViewportSize({ width, height: 800 });
    await page.locator('.qalam-annotation-item').first().waitFor();
    return { page, problems };
  }

  /// The article text at least 30 of its ems wide (or, where the reader has less, as wide as the
  /// reader's column), the annotations panel at least 16rem wide with its highlight there to
  /// pick, and nothing past the window's right edge.
  async function expectReaderUsable(page: Page, width: number) {
    const textBox = await box(page, '.qalam-article-text');
    const em = await page.locator('.qalam-article-text').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const column = await page.locator('.qalam-reader').evaluate((e) => e.clientWidth - 2 * 16);
    expect(textBox.width, `text width at ${width}px`).toBeGreaterThanOrEqual(Math.min(30 * em, column));
    const panel = await box(page, '.qalam-annotations');
    expect(panel.width, `panel width at ${width}px`).toBeGreaterThanOrEqual(16 * 16);
    expect(panel.right).toBeLessThanOrEqual(width);
    expect(await sideways(page), `sideways overflow at ${width}px`).toBe(0);
    const item = page.locator('.qalam-annotation-item').first();
    await item.scrollIntoViewIfNeeded();
    await item.click();
    await page.getByRole('dialog', { name: 'Highlight details' }).waitFor();
    return { textBox, panel };
  }

  for (const width of [800, 761]) {
    it(`gives the reader's text a readable width at ${width}px, the annotations below it`, async () => {
      const { page, problems } = await openReader(width);
      const { textBox, panel } = await expectReaderUsable(page, width);
      expect(panel.top).toBeGreaterThanOrEqual(textBox.bottom);
      await page.context().close();
      expect(problems).toEqual([]);
    });
  }

  it('narrows the annotations beside the text before the text gets too narrow', async () => {
    const { page, problems } = await openReader(1100);
    const { textBox, panel } = await expectReaderUsable(page, 1100);
    expect(panel.left).toBeGreaterThan(textBox.right);
    expect(panel.width).toBeLessThan(22 * 16);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('keeps the annotations beside the text, at full width, in a wide window', async () => {
    const { page, problems } = await openReader(1280);
    const { textBox, panel } = await expectReaderUsable(page, 1280);
    const reader = await box(page, '.qalam-reader');
    expect(panel.left).toBeGreaterThan(textBox.right);
    expect(panel.width).toBe(22 * 16);
    // The text takes the rest: the reader's width less the panel, the gap and its own padding.
    expect(textBox.width).toBeCloseTo(reader.width - panel.width - 1.5 * 16 - 2 * 16, 0);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
