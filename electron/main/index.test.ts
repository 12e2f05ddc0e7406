// The entry module wires the real electron module (replaced here) into the shell.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './electron-double.js';

const library = join(mkdtempSync(join(tmpdir(), 'qalam-entry-')), 'entry.qalam.sqlite');
const double = vi.hoisted(() => ({ current: undefined as any }));

vi.mock('./electron-api.js', async () => {
  const { electronDouble } = await import('./electron-double.js');
  double.current = electronDouble();
  return double.current.api;
});

describe('main entry', () => {
  const argv = process.argv;
  process.argv = [...argv, '--db', library];
  const entry = import('./index.js');
  afterAll(() => {
    process.argv = argv;
    for (const w of FakeBrowserWindow.created) if (!w.destroyed) w.close();
  });

  it('starts the shell on the library named on the command line', async () => {
    const { started, desktop } = await entry;
    expect(await started).toBe(true);
    expect(double.current.calls.lockData).toEqual({ libraryPath: library });
    expect(desktop.windowOf(library)).toBe(FakeBrowserWindow.created[0]);
  });

  it('loads the built renderer and preload that sit beside it in dist/', async () => {
    const { builtPaths } = await entry;
    const here = dirname(fileURLToPath(new URL('./index.ts', import.meta.url)));
    // dist/electron/main/index.js -> dist/renderer/index.html and dist/electron/preload/index.cjs
    expect(relative(here, builtPaths.rendererIndex).split('\\').join('/')).toBe('../../renderer/index.html');
    expect(relative(here, builtPaths.preload).split('\\').join('/')).toBe('../preload/index.cjs');
    const [w] = FakeBrowserWindow.created;
    expect(w.loaded).toBe(builtPaths.rendererIndex);
    expect(w.options.webPreferences.preload).toBe(builtPaths.preload);
  });
});
