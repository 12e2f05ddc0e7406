import type { BrowserWindow, Dialog, Shell } from 'electron';
import { QalamError } from '../core/errors.js';
import { isWebLink } from './navigation.js';

/// Longest address shown in the confirmation; the full one is in the detail line.
const shownLength = 120;

/// Open a link from an article in the system browser, but only an http(s) link and only after
/// the user has seen where it goes and said yes. Returns whether it was opened.
export async function openExternalAfterConfirm(
  url: string,
  deps: { dialog: Pick<Dialog, 'showMessageBox'>; shell: Pick<Shell, 'openExternal'>; window?: BrowserWindow | null },
): Promise<boolean> {
  if (!isWebLink(url)) {
    throw new QalamError('bad_input', 'Only http and https links can be opened in the browser.');
  }
  // Open what was shown: the parsed, normalised address, never the raw string.
  const href = new URL(url).href;
  const host = new URL(href).host;
  const options = {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Open link',
    message: `Open this link on ${host} in your web browser?`,
    detail: href.length > shownLength ? `${href.slice(0, shownLength)}…` : href,
  };
  const { response } = deps.window ? await deps.dialog.showMessageBox(deps.window, options) : await deps.dialog.showMessageBox(options);
  if (response !== 0) return false;
  await deps.shell.openExternal(href, { activate: true });
  return true;
}
