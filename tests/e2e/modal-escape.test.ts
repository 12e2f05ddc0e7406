// The app's modal dialog in Chromium (component-page.ts): Escape closes it, unless it is busy
// with work that must not be abandoned; then no number of presses does.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { openComponent } from './component-page.js';

const mount = (busy: boolean) => `
  import { Modal } from './app/Modal.js';
  window.closedTimes = 0;
  render(Modal, { title: 'Exporting', busy: ${busy}, onClose: () => { window.closedTimes++; }, children: 'Working…' });
`;

describe('a modal dialog and Escape', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('stays open through Escape pressed again and again while busy', async () => {
    const problems: string[] = [];
    const { page } = await openComponent(browser, { library: { articles: [], annotations: [], tags: [] }, mount: mount(true) }, problems);
    const dialog = page.getByRole('dialog', { name: 'Exporting' });
    await dialog.waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.querySelector('dialog')!.open)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { closedTimes: number }).closedTimes)).toBe(0);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('asks to be closed on Escape when not busy', async () => {
    const problems: string[] = [];
    const { page } = await openComponent(browser, { library: { articles: [], annotations: [], tags: [] }, mount: mount(false) }, problems);
    await page.getByRole('dialog', { name: 'Exporting' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (window as unknown as { closedTimes: number }).closedTimes)).toBe(1);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
