// The library's first page as browser mode's server puts it into the page it serves, beside the
// rows it drew from it (servedFirstScreen.ts): a JSON data block, which the page never runs (the
// content policy has nothing to say about it), for the entry module to hand to the app, so the
// app draws the same rows without asking the server again.
import type { FirstPage } from './firstRows.js';

export const SERVED_PAGE_ID = 'qalam-first-page';

/// The data block: the page and the key of the call it answers (prefetch.ts). `<` is written as
/// `\u003c`, so no title can end the block or open a comment in it.
export function servedPageBlock(key: string, page: FirstPage): string {
  const json = JSON.stringify({ key, page }).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${SERVED_PAGE_ID}">${json}</script>`;
}

/// Take the served page out of the document: its page when it answers the call `key` and its
/// drawn screen is still in `root`; null otherwise (no served screen, another query, damage).
export function takeServedPage(root: HTMLElement, key: string): FirstPage | null {
  const block = document.getElementById(SERVED_PAGE_ID);
  if (!block) return null;
  block.remove();
  try {
    const served = JSON.parse(block.textContent ?? '') as { key?: unknown; page?: FirstPage };
    if (served.key !== key || !root.querySelector('[data-first-screen]')) return null;
    return served.page ?? null;
  } catch {
    return null;
  }
}
