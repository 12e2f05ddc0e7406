import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/// Debian's Chromium, which the end-to-end tests and the UI benchmark drive.
export const CHROMIUM_PATH = '/usr/bin/chromium';

/// Flags that keep a test browser quiet and self-contained: no GPU, no QUIC, no first-run UI, no
/// background traffic. Playwright gives every launch a fresh temporary profile of its own (it
/// refuses a --user-data-dir flag), so runs never share state.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/// Launch headless Chromium, or fail saying how to install it.
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (CI does).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}
