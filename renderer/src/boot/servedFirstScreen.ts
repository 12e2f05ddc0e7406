// Browser mode's first screen: what `qalam serve` puts into the page it serves, so a fresh page
// paints the library's first rows from its HTML alone, before any script has arrived (see
// shared/first-screen.ts). Built for Node on its own (vite.first-screen.config.ts →
// dist/first-screen/first-screen.js), from the same markup the entry module draws (firstRows.ts).
import type { ServedFirstScreen } from '../../../shared/first-screen.js';
import { defaultLibrary, type LibraryQuery } from '../app/route.js';
import { libraryListQuery, pageInput } from '../features/library/listQuery.js';
import { libraryFirstScreen, type FirstPage } from './firstRows.js';
import { prefetchKey } from './prefetch.js';
import { servedPageBlock } from './servedPage.js';

/// Rows the server draws: it cannot know the window's height, so enough for a tall one.
export const SERVED_ROWS = 30;

/// The addresses whose hash shows the library as it opens (none, `#/`, `#/library`): the only
/// screen the server can draw, since it never sees the hash. Other hashes that also come down to
/// it (a damaged one) lose the served screen and get the entry module's own.
export const OPENING_LIBRARY_HASH = /^(#\/?(library\/?)?)?$/;

const query = defaultLibrary as { view: 'library' } & LibraryQuery;
const input = pageInput(libraryListQuery(query), 0);

function isFirstPage(answer: unknown): answer is FirstPage {
  const page = answer as FirstPage | null;
  return typeof page === 'object' && page !== null && Array.isArray(page.items) && typeof page.total === 'number';
}

export const firstScreen: ServedFirstScreen<'listArticles'> = {
  call: { name: 'listArticles', input },
  draw(answer) {
    if (!isFirstPage(answer)) return null;
    const screen = libraryFirstScreen(query, answer, SERVED_ROWS);
    return screen === null ? null : { root: screen, after: servedPageBlock(prefetchKey('listArticles', input), answer) };
  },
  guard: `if(!${OPENING_LIBRARY_HASH}.test(location.hash))document.getElementById('root').replaceChildren();`,
};
