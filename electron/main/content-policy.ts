import type { Session } from 'electron';

/// The Content-Security-Policy of every Qalam page: scripts, styles and fonts only from the app's
/// own files, no inline script, no eval, no remote anything, no plugins, no frames, no forms.
/// Images may also be `data:`/`blob:` (icons drawn in the page). Inline styles are allowed, as
/// in the renderer's own meta policy: the editor positions highlights with them, and a style
/// cannot run code. The renderer's index.html
/// carries the same policy in a meta tag, because pages loaded from file:// get no HTTP headers;
/// the header below covers every other response.
// One literal string, so static checkers (Electronegativity) can read it too.
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'; worker-src 'self'; manifest-src 'none'";

/// Schemes a Qalam window may load from: its own files, DevTools, and inline images.
const localSchemes = new Set(['file:', 'devtools:', 'data:', 'blob:', 'chrome-extension:']);

/// Whether a request may leave the machine: never. The app works offline; links from articles
/// go to the system browser (see external-link.ts), not through the window.
export function isLocalRequest(url: string): boolean {
  try {
    return localSchemes.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/// Lock a session down: every permission (camera, notifications, clipboard reads, geolocation…)
/// is refused without asking, every request off the machine is cancelled, and every response
/// carries the CSP.
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}
