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

/// `index.html` with the drawn screen inside its empty root, the guard right after it and then
/// the rest, its meta content policy allowing the guard by hash; null when the page is not shaped
/// as expected.
export function pageWithFirstScreen(indexHtml: string, drawn: { root: string; after: string }, guard: string): string | null {
  const at = indexHtml.indexOf(ROOT);
  const policyAt = indexHtml.indexOf(SCRIPT_SRC);
  if (at < 0 || policyAt < 0 || indexHtml.indexOf(ROOT, at + 1) >= 0) return null;
  const withPolicy = indexHtml.slice(0, policyAt) + `${SCRIPT_SRC} ${scriptHashSource(guard)}` + indexHtml.slice(policyAt + SCRIPT_SRC.length);
  const rootAt = withPolicy.indexOf(ROOT);
  return withPolicy.slice(0, rootAt) + `<div id="root">${drawn.root}</div><script>${guard}</script>${drawn.after}` + withPolicy.slice(rootAt + ROOT.length);
}
