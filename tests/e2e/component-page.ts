// One renderer component in a real Chromium page, without the app's build: esbuild bundles the
// component from source with a few lines that mount it, and the page's library is the stand-in in
// component-library.ts. Focus, the browser's selection and keyboard events are the browser's own,
// which is what these tests are about; no server and no `npm run build:renderer` are needed.
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from './chromium.js';
import type { LibraryData, RecordedCall } from './component-library.js';
import { repoRoot } from './serve-process.js';

export interface ComponentPageOptions {
  library: LibraryData;
  /// Module code run in the page, in `renderer/src`: import the component and call
  /// `render(Component, props)`.
  mount: string;
}

export interface ComponentPage {
  page: Page;
  /// The calls the page has made to its library so far.
  calls(): Promise<RecordedCall[]>;
}

/// Bundle the mount code (with React, the renderer's stylesheets and the stand-in library first).
async function bundle(mount: string): Promise<{ js: string; css: string }> {
  const entry = [
    `import '${repoRoot}tests/e2e/component-library.ts';`,
    `import './styles/tokens.css';`,
    `import './styles/base.css';`,
    `import { createElement } from 'react';`,
    `import { createRoot } from 'react-dom/client';`,
    `const render = (component, props) => createRoot(document.getElementById('root')).render(createElement(component, props));`,
    mount,
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: `${repoRoot}renderer/src`, sourcefile: 'component-entry.tsx', loader: 'tsx' },
    bundle: true,
    write: false,
    format: 'esm',
    outdir: 'out',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const text = (ext: string) => result.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text).join('\n');
  return { js: text('.js'), css: text('.css') };
}

/// A new page showing the component, its library filled with `library`. Errors in the page fail
/// the test through `problems`.
export async function openComponent(browser: Browser, options: ComponentPageOptions, problems: string[]): Promise<ComponentPage> {
  const { js, css } = await bundle(options.mount);
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  // Text inside <script> and <style> ends at the first `</`-tag of its kind: keep it inside.
  const inline = (s: string, tag: string) => s.replaceAll(`</${tag}`, `<\\/${tag}`);
  await page.setContent(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${inline(css, 'style')}</style></head>` +
      `<body><div id="root"></div>` +
      `<script>window.qalamLibrary = ${inline(JSON.stringify(options.library), 'script')};</script>` +
      `<script type="module">${inline(js, 'script')}</script></body></html>`,
  );
  return { page, calls: () => page.evaluate(() => window.qalamCalls ?? []) };
}

/// One Chromium for a describe block's component pages (launched before its tests, closed after
/// them), with pages that fail their test when they reported an error by the time they close.
export function componentPages(): {
  open(mount: string, library?: Partial<LibraryData>): Promise<Page>;
  close(page: Page): Promise<void>;
} {
  let browser: Browser;
  const problems = new Map<Page, string[]>();
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(mount, library = {}) {
      const found: string[] = [];
      const { page } = await openComponent(browser, { library: { articles: [], annotations: [], tags: [], ...library }, mount }, found);
      problems.set(page, found);
      return page;
    },
    async close(page) {
      await page.context().close();
      expect(problems.get(page)).toEqual([]);
      problems.delete(page);
    },
  };
}
