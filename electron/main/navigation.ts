import type { WebContents } from 'electron';

/// Where a window's page lives: a file:// URL of the built renderer's index.html.
export interface AppPage {
  /// `file:///…/dist/renderer/index.html`
  url: string;
}

/// Whether `url` is the app's own page (any hash or query: the renderer may route with them).
export function isAppPage(url: string, page: AppPage): boolean {
  try {
    const u = new URL(url);
    const p = new URL(page.url);
    return u.protocol === 'file:' && u.pathname === p.pathname;
  } catch {
    return false;
  }
}

/// Only http and https links may go to the system browser: `file:`, `javascript:`, `smb:` or a
/// custom scheme from an imported article could run a program or leak credentials.
export function isWebLink(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/// Pin a window's contents to the app's page: no navigation elsewhere (a dropped file, a link, a
/// script), no redirects, no new windows, no <webview>. A web link someone tried to open in a new
/// window is handed to `openLink`, which asks the user before opening it in the system browser.
export function guardContents(contents: WebContents, page: AppPage, openLink: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, page)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppPage(event.url, page)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) openLink(url);
    return { action: 'deny' };
  });
}
