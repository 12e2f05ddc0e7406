// The first screen, before the app has loaded. The entry module starts the calls of the screen
// the app opens on (the library's first page of rows, or the article and its annotations, and
// the codebook), so the server answers while React and the views download and start; and for
// the library it draws the frame at once and the first rows as soon as they arrive (firstRows.ts).
// When browser mode's server has already drawn the library into the page, with the first page
// beside it (servedFirstScreen.ts), that screen is kept and its page handed to the app instead.
import type { ArticleSummary } from '../../../shared/model.js';
import { api } from '../api.js';
import { parseHash } from '../app/route.js';
import { libraryListQuery, pageInput } from '../features/library/listQuery.js';
import { drawLibraryFrame } from './firstRows.js';
import { prefetch, prefetchKey, seedPrefetch } from './prefetch.js';
import { takeServedPage } from './servedPage.js';

let appStarted = false;

/// How long the app's start waits for the server's first rows: a slow answer must not keep the
/// search box and the rest of the app from working.
const ROWS_WAIT_MS = 400;
/// How long it then waits for the drawn rows to reach the screen.
const PAINT_WAIT_MS = 300;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/// Resolves once the rows just drawn are on screen (Element Timing reports their titles painted),
/// or after `PAINT_WAIT_MS`. Starting React sooner takes the page's one thread away from the
/// frame that shows them, and they would reach the screen only with the app, much later.
function rowsOnScreen(): Promise<void> {
  if (!PerformanceObserver.supportedEntryTypes?.includes('element')) {
    // Without Element Timing: a task queued from the next animation frame runs after its paint.
    return Promise.race([new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))), wait(PAINT_WAIT_MS)]);
  }
  return Promise.race([
    new Promise<void>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => (e as PerformanceEntry & { identifier?: string }).identifier === 'library-row')) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe({ type: 'element', buffered: true });
    }),
    wait(PAINT_WAIT_MS),
  ]);
}

/// The app is about to render: from now on the first screen is the app's business.
export function appTakesOver(): void {
  appStarted = true;
}

/// Start the calls the screen at `hash` will make first; for the library, draw its frame into
/// `root` at once and its first rows when they arrive. Resolves when the app should start: once
/// those rows are on screen, or when they cannot be drawn (another view, an empty library, an
/// error, no answer within `ROWS_WAIT_MS`).
export function startFirstScreen(hash: string, root: HTMLElement | null): Promise<void> {
  const route = parseHash(hash);
  let ready: Promise<void> = Promise.resolve();
  if (route.view === 'library') {
    const input = pageInput(libraryListQuery(route), 0);
    const key = prefetchKey('listArticles', input);
    const served = root ? takeServedPage(root, key) : null;
    if (served) {
      // The server drew this very screen into the page: keep it, and give the app its page.
      seedPrefetch(key, served);
      performance.mark('qalam:first-screen');
      ready = rowsOnScreen();
    } else {
      const page = prefetch(key, () => api.listArticles(input)).then(
        (answer) => answer as { items: ArticleSummary[]; total: number },
        () => null,
      );
      const screen = root ? drawLibraryFrame(root, route) : null;
      ready = Promise.race([page, wait(ROWS_WAIT_MS).then(() => null)]).then((answer) => {
        if (!answer || appStarted || !screen?.showRows(answer)) return;
        performance.mark('qalam:first-screen');
        return rowsOnScreen();
      });
    }
  } else {
    // A screen the server drew for the library is not this address's: the app draws its own.
    root?.replaceChildren();
    if (route.view === 'article') {
      prefetch(prefetchKey('getArticle', { id: route.id }), () => api.getArticle({ id: route.id }));
      prefetch(prefetchKey('listAnnotations', { articleId: route.id }), () => api.listAnnotations({ articleId: route.id }));
    }
  }
  prefetch(prefetchKey('listTags', {}), () => api.listTags({}));
  return ready;
}
