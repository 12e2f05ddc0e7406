import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { repoRoot } from './serve-process.js';

/// Where screenshots of each view go (gitignored), to be looked at after a run.
export const screenshotDir = join(repoRoot, 'test-artifacts', 'screenshots');

/// Save a full-page screenshot as `test-artifacts/screenshots/NAME.png`.
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/// Wait until the app itself has rendered. Before that the page may show the library's first rows
/// drawn by the entry module (renderer/src/boot), with its controls disabled; checks of the app's
/// pages (axe, clicks on controls) belong after this.
export async function appStarted(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('qalam:app-render').length > 0);
}

/// Everything the page complained about: console errors, uncaught exceptions, failed requests.
/// A calm app logs none of these; tests assert the list stays empty.
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A navigation away (reload) aborts requests in flight; that is not the app's fault.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  return problems;
}

/// axe-core's serious and critical violations on the page as it is now, one line each.
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
