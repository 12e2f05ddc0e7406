// Views on their own in Chromium (component-page.ts): an action that takes away the control it
// was started from leaves the keyboard focus on something that makes sense next, never on the
// page itself, where a keyboard user would have to start again from the top.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../shared/model.js';
import type { FocusScenario } from './component-focus-library.js';
import { componentPages } from './component-page.js';

/// Mount code showing `view` at `route`, following the route as the view changes it.
function routed(scenario: FocusScenario, route: object, view: { name: string; from: string }): string {
  return `
    window.focusScenario = ${JSON.stringify(scenario)};
    import '../../tests/e2e/component-focus-library.ts';
    import { navigate, useRoute } from './app/useRoute.js';
    import { ${view.name} } from '${view.from}';
    navigate(${JSON.stringify(route)}, { replace: true });
    render(function Routed() { return createElement(${view.name}, { route: useRoute() }); }, {});
  `;
}

/// What has the focus: its tag, accessible text and role.
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', role: null, text: '' };
    return { tag: el?.tagName.toLowerCase(), role: el?.getAttribute('role') ?? null, text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().replace(/\s+/g, ' ') };
  });
}

const tags: Tag[] = [
  { id: 1, uid: 'tag-1', name: 'Places', parentId: null, path: ['Places'], color: '#2a7ab0', description: '', count: 0 },
  { id: 2, uid: 'tag-2', name: 'Cities', parentId: 1, path: ['Places', 'Cities'], color: '#1f8a5b', description: '', count: 0 },
  { id: 3, uid: 'tag-3', name: 'Villages', parentId: 1, path: ['Places', 'Villages'], color: '#1f8a5b', description: '', count: 0 },
  { id: 4, uid: 'tag-4', name: 'Economy', parentId: null, path: ['Economy'], color: '#b0642a', description: '', count: 0 },
  { id: 5, uid: 'tag-5', name: 'Trade', parentId: 4, path: ['Economy', 'Trade'], color: '#b0642a', description: '', count: 0 },
];

describe('the keyboard focus after an action', () => {
  const { open, close } = componentPages();

  const library = { name: 'LibraryView', from: './features/library/LibraryView.js' };
  const collectionsView = { name: 'CollectionsView', from: './features/collections/CollectionsView.js' };
  const tagsView = { name: 'TagsView', from: './features/tags/TagsView.js' };

  it('lands on the first article once the samples have loaded on the first-run screen', async () => {
    const page = await open(routed({ articles: 0, samples: 3 }, { view: 'library', sort: 'date', order: 'desc' }, library));
    await page.getByRole('button', { name: 'Load sample articles' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('listitem').first().waitFor();
    await expect.poll(() => focused(page)).toEqual({ tag: 'a', role: null, text: expect.stringContaining('Article 1') });
    await close(page);
  });

  it('goes to the first filter control when "Clear filters" goes away', async () => {
    const page = await open(routed({ articles: 5 }, { view: 'library', sort: 'date', order: 'desc', lang: 'en' }, library));
    await page.getByRole('button', { name: 'Clear filters' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Clear filters' }).waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('label')?.firstChild?.textContent?.trim())).toBe('Sort');
    await close(page);
  });

  it('moves to a new collection once it is created', async () => {
    const page = await open(routed({ collections: [{ id: 1, name: 'Cotton' }] }, { view: 'collections' }, collectionsView));
    await page.getByRole('textbox', { name: 'Name' }).fill('Harvest reports');
    await page.getByRole('button', { name: 'Create collection' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Harvest reports' }).waitFor();
    await expect.poll(() => focused(page)).toEqual({ tag: 'a', role: null, text: expect.stringMatching(/^Harvest reports/) });
    await close(page);
  });

  it('gives the focus back to "Rename…" when the rename form is saved or cancelled', async () => {
    const page = await open(routed({ collections: [{ id: 1, name: 'Cotton' }] }, { view: 'collections', collectionId: 1 }, collectionsView));
    const form = page.getByRole('form', { name: 'Rename collection Cotton' });
    await page.getByRole('button', { name: 'Rename…' }).focus();
    await page.keyboard.press('Enter');
    await form.getByRole('textbox', { name: 'Name' }).fill('Cotton harvest');
    await form.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Cotton harvest' }).waitFor();
    await expect.poll(() => focused(page)).toEqual({ tag: 'button', role: null, text: 'Rename…' });

    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Rename collection Cotton harvest' }).getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toEqual({ tag: 'button', role: null, text: 'Rename…' });
    await close(page);
  });

  async function deleteCollection(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name: 'Delete collection…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, delete' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: new RegExp(name) }).waitFor({ state: 'detached' });
  }

  it('moves to the next collection, or the one before, once one is deleted', async () => {
    const collections = [
      { id: 1, name: 'Cotton' },
      { id: 2, name: 'Grain' },
      { id: 3, name: 'Water' },
    ];
    const page = await open(routed({ collections }, { view: 'collections', collectionId: 2 }, collectionsView));
    await deleteCollection(page, 'Grain');
    await expect.poll(() => focused(page)).toEqual({ tag: 'a', role: null, text: expect.stringMatching(/^Water/) });
    await page.keyboard.press('Enter');
    await deleteCollection(page, 'Water');
    await expect.poll(() => focused(page)).toEqual({ tag: 'a', role: null, text: expect.stringMatching(/^Cotton/) });
    await close(page);
  });

  it('goes to the new collection’s name once the last collection is deleted', async () => {
    const page = await open(routed({ collections: [{ id: 1, name: 'Cotton' }] }, { view: 'collections', collectionId: 1 }, collectionsView));
    await deleteCollection(page, 'Cotton');
    await page.getByText('No collections yet.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('label')?.firstChild?.textContent?.trim())).toBe('Name');
    await close(page);
  });

  it('moves to the next tag in the tree once a tag is deleted, and to the one before at the end', async () => {
    const page = await open(routed({ tags }, { view: 'tags', tagId: 2 }, tagsView));
    await page.getByRole('button', { name: 'Delete tag…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('treeitem', { name: /Cities/ }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toEqual({ tag: 'li', role: 'treeitem', text: expect.stringMatching(/^Villages/) });
    expect(await page.getByRole('treeitem', { name: /Villages/ }).getAttribute('tabindex')).toBe('0');

    // The codebook is in alphabetical order: Economy, Trade, Places, Villages; Villages is last.
    await page.getByRole('treeitem', { name: /Villages/ }).click();
    await page.getByRole('button', { name: 'Delete tag…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('treeitem', { name: /Villages/ }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toEqual({ tag: 'li', role: 'treeitem', text: expect.stringMatching(/Places/) });
    await close(page);
  });

  it('keeps the focus on "Add tag" while a new tag is added', async () => {
    const page = await open(routed({ tags }, { view: 'tags' }, tagsView));
    await page.getByRole('textbox', { name: 'New tag' }).fill('Rivers');
    await page.getByRole('button', { name: 'Add tag' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('treeitem', { name: /Rivers/ }).waitFor();
    expect(await focused(page)).toEqual({ tag: 'button', role: null, text: 'Add tag' });
    await close(page);
  });

  it('moves to the tag merged into once a merge is done', async () => {
    const page = await open(routed({ tags }, { view: 'tags', tagId: 2 }, tagsView));
    await page.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Economy / Trade' });
    await page.getByRole('button', { name: 'Merge', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, merge' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('treeitem', { name: /Cities/ }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toEqual({ tag: 'li', role: 'treeitem', text: expect.stringMatching(/^Trade/) });
    await close(page);
  });

  const exportMount = (scenario: FocusScenario) => `
    window.focusScenario = ${JSON.stringify(scenario)};
    import '../../tests/e2e/component-focus-library.ts';
    import { ExportDialog } from './features/export/ExportDialog.js';
    render(ExportDialog, { scope: { collectionId: 1, label: 'collection “Cotton”' }, onClose: () => undefined });
  `;

  async function startExport(page: Page, ends: 'done' | 'failed'): Promise<void> {
    const submit = page.getByRole('button', { name: 'Export', exact: true });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await submit.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('progressbar').waitFor();
    // While the export runs, the focus is on the one thing that can be done about it.
    expect(await focused(page)).toEqual({ tag: 'button', role: null, text: 'Stop export' });
    await page.evaluate((how) => (window.focusScenario!.exportEnds = how), ends);
  }

  it('keeps the focus in the export dialog while an export runs and on Close when it is done', async () => {
    const page = await open(exportMount({}));
    await startExport(page, 'done');
    await page.getByText('The export is complete:').waitFor();
    await expect.poll(() => focused(page)).toEqual({ tag: 'button', role: null, text: 'Close' });
    await close(page);
  });

  it('offers the export again, with the focus on it, when an export fails', async () => {
    const page = await open(exportMount({}));
    await startExport(page, 'failed');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('The export folder cannot be written to.');
    await expect.poll(() => focused(page)).toEqual({ tag: 'button', role: null, text: 'Export' });
    await close(page);
  });
});
