// The Electron main process entry (package.json "main": dist/electron/main/index.js).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Desktop } from './desktop.js';
import * as electron from './electron-api.js';

const here = dirname(fileURLToPath(import.meta.url));

/// The built pieces, relative to this file in dist/ (and inside app.asar when packaged).
export const builtPaths = {
  rendererIndex: join(here, '..', '..', 'renderer', 'index.html'),
  preload: join(here, '..', 'preload', 'index.cjs'),
};

export const desktop = new Desktop(electron, builtPaths);
/// Resolves true once the first window is open, false when another instance took over. A
/// failure to start is shown to the user rather than leaving a process with no window.
export const started = desktop.start({ argv: process.argv, cwd: process.cwd(), env: process.env }).catch((e: unknown) => {
  electron.dialog.showErrorBox('Qalam could not start', e instanceof Error ? (e.stack ?? e.message) : String(e));
  electron.app.exit(1);
  return false;
});
