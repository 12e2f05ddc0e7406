import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/// Where a window was and how big, as Electron's `getNormalBounds()` reports it.
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState extends WindowBounds {
  maximized: boolean;
  fullScreen: boolean;
}

/// A display's usable area (Electron's `Display.workArea`).
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowState: WindowState = { width: 1280, height: 820, maximized: false, fullScreen: false };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/// Read the remembered state; anything missing, unreadable or absurd gives the default, since a
/// broken settings file must never keep the app from opening.
export function loadWindowState(file: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ...defaultWindowState };
  }
  const s = raw as Partial<Record<keyof WindowState, unknown>> | null;
  if (!s || !finite(s.width) || !finite(s.height) || s.width < 200 || s.height < 150 || s.width > 20_000 || s.height > 20_000) {
    return { ...defaultWindowState };
  }
  const state: WindowState = {
    width: Math.round(s.width),
    height: Math.round(s.height),
    maximized: s.maximized === true,
    fullScreen: s.fullScreen === true,
  };
  if (finite(s.x) && finite(s.y)) {
    state.x = Math.round(s.x);
    state.y = Math.round(s.y);
  }
  return state;
}

/// Write the state atomically (a crash mid-write leaves the old file, not half a file).
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, file);
}

/// Keep a remembered window reachable: if its title bar is on no display (a monitor was
/// unplugged since), let the system place it; if it is larger than the display, shrink it.
export function fitToDisplays(state: WindowState, workAreas: Area[]): WindowState {
  const fitted = { ...state };
  const largest = workAreas.reduce<Area | undefined>((a, b) => (!a || b.width * b.height > a.width * a.height ? b : a), undefined);
  if (largest) {
    fitted.width = Math.min(fitted.width, largest.width);
    fitted.height = Math.min(fitted.height, largest.height);
  }
  if (fitted.x === undefined || fitted.y === undefined) return fitted;
  // The title bar: the top 32 pixels, of which at least 100 must be on some display.
  const { x, y, width } = fitted as Required<WindowBounds>;
  const visible = workAreas.some((a) => {
    const overlapX = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const overlapY = Math.min(y + 32, a.y + a.height) - Math.max(y, a.y);
    return overlapX >= 100 && overlapY > 0;
  });
  if (!visible) {
    delete fitted.x;
    delete fitted.y;
  }
  return fitted;
}
