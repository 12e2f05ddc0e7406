import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './window-state.js';

/// Everything about a library window but its web preferences: remembered bounds, hidden until
/// the first paint (no white flash).
export function libraryWindowFrame(bounds: WindowBounds, title: string): BrowserWindowConstructorOptions {
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 720,
    minHeight: 480,
    title,
    show: false,
    backgroundColor: '#f7f5f0',
  };
}

/// Open a library window. The renderer's settings follow Electron's security checklist: the page
/// gets no Node, runs in Chromium's sandbox and sees the preload's objects only through context
/// isolation. They are written out literally here, at the one place a window is made, so static
/// checkers (npm run audit:electron) read exactly what the app uses.
export function createLibraryWindow(
  api: { BrowserWindow: typeof BrowserWindow },
  preload: string,
  bounds: WindowBounds,
  title: string,
): BrowserWindow {
  const { BrowserWindow } = api;
  return new BrowserWindow({
    ...libraryWindowFrame(bounds, title),
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      // A middle click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
