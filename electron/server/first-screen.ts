// The page browser mode serves with the library's first screen already drawn in it: the markup
// and the guard come from the renderer's build (shared/first-screen.ts); here they are put into
// index.html, and the guard, an inline script, is allowed by its hash alone. Anything unexpected
// (no build of the first screen, a page not shaped as expected, a failing call) serves the page
// as it is: the entry module then draws the screen itself, a little later.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ServedFirstScreen } from '../../shared/first-screen.js';

const ROOT = '<div id="root"></div>';
/// The page's own content policy (a meta tag in index.html) names scripts like this; a hash is
/// added beside it.
const SCRIPT_SRC = "script-src 'self'";

/// The module built by `vite.first-screen.config.ts`, or null when there is none (or it is not
/// one): browser mode then serves the page as it is.
export async function loadServedFirstScreen(file: string): Promise<ServedFirstScreen | null> {
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { firstScreen?: Partial<ServedFirstScreen> };
  const fs = mod.firstScreen;
  if (!fs || typeof fs.draw !== 'function' || typeof fs.guard !== 'string' || typeof fs.call?.name !== 'string') return null;
  return fs as ServedFirstScreen;
}

/// The CSP source that allows exactly this inline script.
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/// The guard's id, which the page's head names as what must be parsed before anything is painted.
export const GUARD_ID = 'qalam-first-screen-guard';

/// `index.html` with the drawn screen inside its empty root, the guard right after it and then
/// the rest, its meta content policy allowing the guard by hash; null when the page is not shaped
/// as expected.
///
/// Two things make the first paint the screen's, whole and at once:
/// - `<link rel="expect" blocking="render">` naming the guard keeps the browser from painting
///   before the guard has been parsed (and run), so a page opened at another screen never shows
///   the library, and a paint of half the page never delays the rows by a frame;
/// - the page's stylesheets are put into it (`readStylesheet` gives their text by URL path) when
///   its policy allows inline styles, so a fresh page does not wait for a second request before
///   it may paint. One that refers to other files (`url(…)`, `@import`) stays a link: inside the
///   page, its relative addresses would name other files.
export function pageWithFirstScreen(
  indexHtml: string,
  drawn: { root: string; after: string },
  guard: string,
  readStylesheet: (urlPath: string) => string | null = () => null,
): string | null {
  const at = indexHtml.indexOf(ROOT);
  const policyAt = indexHtml.indexOf(SCRIPT_SRC);
  const headEnd = indexHtml.indexOf('</head>');
  if (at < 0 || policyAt < 0 || headEnd < 0 || indexHtml.indexOf(ROOT, at + 1) >= 0) return null;
  let page = indexHtml.slice(0, policyAt) + `${SCRIPT_SRC} ${scriptHashSource(guard)}` + indexHtml.slice(policyAt + SCRIPT_SRC.length);
  page = page.replace('</head>', `<link rel="expect" href="#${GUARD_ID}" blocking="render">\n  </head>`);
  if (INLINE_STYLES_ALLOWED.test(page)) page = page.replace(STYLESHEET_LINK, (link, href: string) => inlineStylesheet(link, href, readStylesheet));
  const rootAt = page.indexOf(ROOT);
  return page.slice(0, rootAt) + `<div id="root">${drawn.root}</div><script id="${GUARD_ID}">${guard}</script>${drawn.after}` + page.slice(rootAt + ROOT.length);
}

/// The page's own policy allows `<style>` elements.
const INLINE_STYLES_ALLOWED = /style-src[^;"]*'unsafe-inline'/;
/// A stylesheet of the page's own (as Vite writes its links), by an address relative to the page.
const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\.?(\/[^"?#]+\.css)">/g;

function inlineStylesheet(link: string, href: string, read: (urlPath: string) => string | null): string {
  const css = read(href);
  return css === null || /url\(|@import|<\/style/i.test(css) ? link : `<style>${css}</style>`;
}
