// The import dialog on its own in Chromium (component-page.ts), against a library whose imports
// are slow jobs (component-import-jobs.ts): a running import can be stopped with its button or
// with Escape, and an import that stops or fails part-way says what came in and has the library
// views read it again.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import type { ImportScenario } from './component-import-jobs.js';
import { openComponent, type ComponentPage } from './component-page.js';

/// Mount the dialog with the scenario, and `files` dropped files, beside the library's version
/// counter (which the views watch) and a note once the dialog has been closed.
function mount(scenario: ImportScenario, files: number): string {
  return `
import '../../tests/e2e/component-import-jobs.ts';
import { createElement as h, Fragment, useState } from 'react';
import { ImportDialog } from './features/import/ImportDialog.js';
import { useLibraryVersion } from './state/libraryVersion.js';
window.importScenario = ${JSON.stringify(scenario)};
const files = Array.from({ length: ${files} }, (_, i) => new File(['Article ' + i], 'article-' + i + '.txt'));
function Host() {
  const version = useLibraryVersion();
  const [open, setOpen] = useState(true);
  return h(Fragment, null,
    h('output', { 'data-testid': 'library-version' }, String(version)),
    open ? h(ImportDialog, { files, onClose: () => setOpen(false) }) : h('p', null, 'The dialog is closed.'));
}
render(Host, {});`;
}

const paths = Array.from({ length: 3000 }, (_, i) => `/articles/${i}.txt`);

describe('stopping an import and one that fails part-way', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(scenario: ImportScenario, files: number, problems: string[]): Promise<ComponentPage & { dialog: ReturnType<Page['getByRole']> }> {
    const component = await openComponent(browser, { library: { articles: [], annotations: [], tags: [] }, mount: mount(scenario, files) }, problems);
    return { ...component, dialog: component.page.getByRole('dialog', { name: 'Import articles' }) };
  }

  const version = (page: Page) => page.getByTestId('library-version').textContent();

  it('stops an import of paths with its Stop button and keeps what came in', async () => {
    const problems: string[] = [];
    const { page, calls, dialog } = await open({ nativeDialogs: true, paths, filesPerStatus: 100 }, 0, problems);
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    // Let some files come in first.
    await expect.poll(async () => Number(await dialog.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0.05);
    await dialog.getByRole('button', { name: 'Stop import' }).click();
    const status = dialog.getByRole('status');
    await status.waitFor();
    const said = (await status.textContent()) ?? '';
    const imported = Number(/(\d[\d,]*) articles came in/.exec(said)?.[1]?.replaceAll(',', ''));
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(3000);
    expect(said).toBe(`The import was stopped. ${imported.toLocaleString('en')} articles came in before that and stay in the library; ${(3000 - imported).toLocaleString('en')} files were not imported.`);
    expect((await calls()).filter((c) => c.name === 'cancelJob').map((c) => c.input)).toEqual([{ id: 'job-1' }]);
    // The files the stop left out are not failures.
    expect(await dialog.getByRole('definition').allTextContents()).toEqual([imported.toLocaleString('en'), '0', '0']);
    expect(await version(page)).toBe('1');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await page.getByText('The dialog is closed.').waitFor();
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('stops an upload with Escape: the part in flight is cancelled and no further part is sent', async () => {
    const problems: string[] = [];
    const { page, calls, dialog } = await open({ nativeDialogs: false, filesPerStatus: 50 }, 3000, problems);
    await dialog.getByText('Importing part 1 of 3…').waitFor();
    await page.keyboard.press('Escape');
    // Pressed again while it stops: the browser closes a dialog that refuses Escape twice in a
    // row, which would hide the outcome.
    await page.keyboard.press('Escape');
    const status = dialog.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^The import was stopped\. [\d,]+ articles came in before that and stay in the library; [\d,]+ files were not imported\.$/);
    const made = await calls();
    expect(made.filter((c) => c.name === 'importUpload')).toHaveLength(1);
    expect(made.filter((c) => c.name === 'cancelJob').map((c) => c.input)).toEqual([{ id: 'job-1' }]);
    expect(await version(page)).toBe('1');
    // Stopped, the dialog closes as usual.
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await page.getByText('The dialog is closed.').waitFor();
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('shows what came in before an upload failed part-way, and has the views read it', async () => {
    const problems: string[] = [];
    const { page, dialog } = await open({ nativeDialogs: false, filesPerStatus: 500, failUpload: 2 }, 3000, problems);
    const alert = dialog.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toBe(
      'Could not import all the files: The Qalam server is not answering. Is `qalam serve` still running? 1,000 articles were imported before that.',
    );
    expect(await dialog.getByRole('definition').allTextContents()).toEqual(['1,000', '0', '0']);
    expect(await version(page)).toBe('1');
    // Nothing runs any more: the dialog can be closed.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByText('The dialog is closed.').waitFor();
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
