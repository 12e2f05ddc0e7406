// Where the keyboard focus goes when a dialog closes, in Chromium (component-page.ts): back to the
// control that opened it while that is still there, and to the view, never to the page, when what
// was done in the dialog took that control away.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { componentPages } from './component-page.js';

// The Library view on an empty library, in a main area as the app's shell draws it, with the
// shell's import dialog standing in as a dialog whose "Import" brings three articles in.
const libraryMount = `
  window.focusScenario = { articles: 0, samples: 3 };
  import '../../tests/e2e/component-focus-library.ts';
  import { Fragment } from 'react';
  import { api } from './api.js';
  import { Modal } from './app/Modal.js';
  import { navigate, useRoute } from './app/useRoute.js';
  import { LibraryView } from './features/library/LibraryView.js';
  import { importDialog } from './state/dialogs.js';
  import { libraryChanged } from './state/libraryVersion.js';
  navigate({ view: 'library', sort: 'date', order: 'desc' }, { replace: true });
  const importNow = async () => {
    await api.loadSamples({});
    libraryChanged();
  };
  function Shell() {
    const route = useRoute();
    const importing = importDialog.use();
    return createElement(Fragment, null,
      createElement('main', { id: 'main', tabIndex: -1 }, createElement(LibraryView, { route })),
      importing && createElement(Modal, { title: 'Import articles', onClose: () => importDialog.set(null) },
        createElement('button', { type: 'button', onClick: importNow }, 'Import')));
  }
  render(Shell, {});
`;

// A view whose heading cannot take the focus, and a button that opens a dialog in which the
// button can be taken away ("Done") or left ("Keep").
const plainMount = `
  import { Fragment, useState } from 'react';
  import { Modal } from './app/Modal.js';
  function Shell() {
    const [open, setOpen] = useState(false);
    const [done, setDone] = useState(false);
    return createElement(Fragment, null,
      createElement('main', { id: 'main', tabIndex: -1 },
        createElement('h1', null, 'Tags'),
        !done && createElement('button', { type: 'button', onClick: () => setOpen(true) }, 'Merge…')),
      open && createElement(Modal, { title: 'Merge tags', onClose: () => setOpen(false) },
        createElement('button', { type: 'button', onClick: () => { setDone(true); setOpen(false); } }, 'Done'),
        createElement('button', { type: 'button', onClick: () => setOpen(false) }, 'Keep')));
  }
  render(Shell, {});
`;

/// What has the focus: its tag, id and text.
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), id: el?.id ?? '', text: (el?.textContent ?? '').trim().slice(0, 40) };
  });
}

describe('the keyboard focus when a dialog closes', () => {
  const { open, close } = componentPages();

  it('goes to the view’s heading when the import button went with the first-run panel', async () => {
    const page = await open(libraryMount);
    await page.getByRole('button', { name: 'Import your own files…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    await dialog.getByRole('button', { name: 'Import' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Import your own files…' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toEqual({ tag: 'h1', id: 'library-title', text: 'Library' });
    await close(page);
  });

  it('goes to the main area when the opener is gone and the heading cannot take the focus', async () => {
    const page = await open(plainMount);
    await page.getByRole('button', { name: 'Merge…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toEqual({ tag: 'main', id: 'main', text: 'Tags' });
    await close(page);
  });

  it('goes back to the button that opened the dialog while it is there', async () => {
    const page = await open(plainMount);
    await page.getByRole('button', { name: 'Merge…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Keep' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toEqual({ tag: 'button', id: '', text: 'Merge…' });
    await close(page);
  });
});
