import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWindowState, fitToDisplays, loadWindowState, saveWindowState } from './window-state.js';

const dir = () => mkdtempSync(join(tmpdir(), 'qalam-ws-'));

describe('window state', () => {
  it('round-trips through its file', () => {
    const file = join(dir(), 'nested', 'window-state.json');
    const state = { x: 120, y: 80, width: 1400, height: 900, maximized: true, fullScreen: false };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('falls back to the default for a missing, broken or absurd file', () => {
    const d = dir();
    expect(loadWindowState(join(d, 'none.json'))).toEqual(defaultWindowState);
    const broken = join(d, 'broken.json');
    writeFileSync(broken, '{"width": 12');
    expect(loadWindowState(broken)).toEqual(defaultWindowState);
    for (const bad of [{ width: 'wide', height: 800 }, { width: 50, height: 40 }, { width: 1e9, height: 800 }, null, [1, 2]]) {
      writeFileSync(broken, JSON.stringify(bad));
      expect(loadWindowState(broken)).toEqual(defaultWindowState);
    }
    writeFileSync(broken, JSON.stringify({ width: 900.4, height: 700, x: 'left', y: 3 }));
    expect(loadWindowState(broken)).toEqual({ width: 900, height: 700, maximized: false, fullScreen: false });
  });

  it('keeps a remembered window reachable when displays change', () => {
    const laptop = [{ x: 0, y: 0, width: 1440, height: 860 }];
    // It was on a second monitor to the right, now unplugged: the system places it.
    const moved = fitToDisplays({ x: 2200, y: 100, width: 1200, height: 800, maximized: false, fullScreen: false }, laptop);
    expect(moved.x).toBeUndefined();
    expect(moved.y).toBeUndefined();
    // Bigger than the only display: shrunk to fit.
    const big = fitToDisplays({ x: 0, y: 0, width: 2500, height: 1600, maximized: false, fullScreen: false }, laptop);
    expect(big).toMatchObject({ x: 0, y: 0, width: 1440, height: 860 });
    // Partly off to the left but with its title bar reachable: left where it was.
    const partly = fitToDisplays({ x: -300, y: 200, width: 1000, height: 600, maximized: false, fullScreen: false }, laptop);
    expect(partly).toMatchObject({ x: -300, y: 200 });
    // Title bar above the top of the screen: not reachable.
    expect(fitToDisplays({ x: 100, y: -500, width: 1000, height: 600, maximized: false, fullScreen: false }, laptop).y).toBeUndefined();
  });
});
