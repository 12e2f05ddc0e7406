// The Tags view on its own in Chromium (component-page.ts): saving a tag from the keyboard leaves
// the focus where it was, not on the page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag } from '../../shared/model.js';
import { launchChromium } from './chromium.js';
import { openComponent } from './component-page.js';

const tags: Tag[] = [
  { id: 1, uid: 'tag-1', name: 'Places', parentId: null, path: ['Places'], color: '#2a7ab0', description: '', count: 0 },
  { id: 2, uid: 'tag-2', name: 'Cities', parentId: 1, path: ['Places', 'Cities'], color: '#1f8a5b', description: '', count: 0 },
];

describe('the Tags view from the keyboard', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the focus on Save changes after saving', async () => {
    const problems: string[] = [];
    const { page, calls } = await openComponent(
      browser,
      {
        library: { articles: [], annotations: [], tags },
        mount: `import { TagsView } from './features/tags/TagsView.js'; render(TagsView, { route: { view: 'tags', tagId: 2 } });`,
      },
      problems,
    );
    const form = page.getByRole('form', { name: 'Edit tag Cities' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Towns');
    await form.getByRole('button', { name: 'Save changes' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await calls()).filter((c) => c.name === 'updateTag').map((c) => c.input)).toEqual([{ id: 2, name: 'Towns' }]);
    // The codebook is read again after the change, and the editor shows the new name.
    await page.getByRole('form', { name: 'Edit tag Towns' }).waitFor();
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), inEditor: Boolean(document.activeElement?.closest('.tag-editor')) }));
    expect(focused).toEqual({ text: 'Save changes', inEditor: true });
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('opened at a chosen tag, shows the other branches open too', async () => {
    const problems: string[] = [];
    const more: Tag[] = [
      ...tags,
      { id: 3, uid: 'tag-3', name: 'Economy', parentId: null, path: ['Economy'], color: '#b0642a', description: '', count: 0 },
      { id: 4, uid: 'tag-4', name: 'Trade', parentId: 3, path: ['Economy', 'Trade'], color: '#b0642a', description: '', count: 0 },
    ];
    const { page } = await openComponent(
      browser,
      {
        library: { articles: [], annotations: [], tags: more },
        mount: `import { TagsView } from './features/tags/TagsView.js'; render(TagsView, { route: { view: 'tags', tagId: 2 } });`,
      },
      problems,
    );
    await page.getByRole('form', { name: 'Edit tag Cities' }).waitFor();
    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem', { name: /Trade/ }).waitFor();
    expect(await tree.getByRole('treeitem', { name: /Economy/ }).getAttribute('aria-expanded')).toBe('true');
    expect(await tree.getByRole('treeitem', { name: /Places/ }).getAttribute('aria-expanded')).toBe('true');
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
