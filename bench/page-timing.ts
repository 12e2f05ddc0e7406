// Where the time to a page's first rows goes, from the page's own timings: Navigation Timing for
// the document, Resource Timing for everything it loaded (with the server's own time from its
// Server-Timing header), the paint entries, and Element Timing for the rows (`elementtiming=
// "library-row"`). Used by the UI benchmark for the app's library and for a bare page beside it.
import type { Browser, Page } from 'playwright-core';

/// One file or call the page loaded before its first rows were painted.
export interface LoadedBefore {
  /// The file's name without its content hash (`index.js`), or the call (`api/listArticles`).
  name: string;
  /// Requested and fully arrived, from navigation start (ms).
  start: number;
  end: number;
  /// Bytes of the body as sent, and the server's own time for it (ms; NaN without Server-Timing).
  bytes: number;
  server: number;
  /// Whether it held back rendering (a stylesheet in the head, a classic script).
  blocking: boolean;
}

/// The document's timings, all from navigation start (ms).
export interface PageTiming {
  htmlRequest: number;
  htmlFirstByte: number;
  htmlLastByte: number;
  /// The server's own time for the document (ms) and its size in bytes.
  htmlServer: number;
  htmlBytes: number;
  /// The document parsed (domInteractive).
  parsed: number;
  firstPaint: number;
  firstContentfulPaint: number;
  /// The first rows painted (Element Timing), NaN when none were.
  rows: number;
  loadedBefore: LoadedBefore[];
}

/// Started before the page's own scripts (addInitScript): Element Timing entries are only given to
/// observers. Plain JavaScript in a string: tsx would wrap named functions in a helper the page lacks.
export const ELEMENT_TIMING_OBSERVER = `
  window.__qalamRows = NaN;
  new PerformanceObserver(function (list) {
    for (const e of list.getEntries()) {
      if (e.identifier === 'library-row' && !(e.startTime >= window.__qalamRows)) window.__qalamRows = e.startTime;
    }
  }).observe({ type: 'element', buffered: true });
`;

/// The page's timings, once its first rows have been painted. Read in the page only then, so
/// nothing is injected into it while it starts. (No named functions inside the page functions:
/// tsx would wrap them in a helper the page lacks; no strings either: the page's policy forbids eval.)
export async function pageTiming(page: Page): Promise<PageTiming> {
  await page.waitForFunction(() => (window as unknown as { __qalamRows: number }).__qalamRows >= 0, undefined, { timeout: 30_000 });
  return page.evaluate(() => {
    const rows = (window as unknown as { __qalamRows: number }).__qalamRows;
    type Timed = PerformanceResourceTiming & { renderBlockingStatus?: string };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      htmlRequest: nav.requestStart,
      htmlFirstByte: nav.responseStart,
      htmlLastByte: nav.responseEnd,
      htmlServer: nav.serverTiming.find((t) => t.name === 'app')?.duration ?? NaN,
      htmlBytes: nav.encodedBodySize,
      parsed: nav.domInteractive,
      firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      rows,
      loadedBefore: (performance.getEntriesByType('resource') as Timed[])
        .filter((e) => e.startTime <= rows)
        .map((e) => ({
          name: new URL(e.name).pathname.replace(/^\/(assets\/)?/, '').replace(/-[A-Za-z0-9_-]{8}\./, '.'),
          start: e.startTime,
          end: e.responseEnd,
          bytes: e.encodedBodySize,
          server: e.serverTiming.find((t) => t.name === 'app')?.duration ?? NaN,
          blocking: e.renderBlockingStatus === 'blocking',
        })),
    };
  });
}

/// A bare page with the same rows of text as the app's first screen, and nothing else: no
/// stylesheet, no script. What it takes a fresh browser page to paint text at all is the floor
/// under the app's figure on this machine.
export function bareRowsPage(titles: string[]): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = titles.map((t) => `<p elementtiming="library-row">${esc(t)}</p>`).join('\n');
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Rows</title></head>\n<body>\n${rows}\n</body>\n</html>\n`;
}

/// Open a static page cold (a fresh browser context, nothing cached) and time its first rows.
export async function coldPageTiming(browser: Browser, url: string): Promise<PageTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(ELEMENT_TIMING_OBSERVER);
  await page.goto(url, { waitUntil: 'load' });
  const timing = await pageTiming(page);
  await context.close();
  return timing;
}
