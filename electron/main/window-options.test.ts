import { describe, expect, it } from 'vitest';
import { FakeBrowserWindow, electronDouble } from './electron-double.js';
import { createLibraryWindow } from './window-options.js';

describe('library window', () => {
  const d = electronDouble();
  const window = createLibraryWindow(d.api, '/app/dist/electron/preload/index.cjs', { x: 10, y: 20, width: 1000, height: 700 }, 'lib — Qalam');
  const options = (window as unknown as FakeBrowserWindow).options;

  it('follows the security checklist', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    // Nothing that loosens the sandbox may sneak in.
    for (const risky of ['enableRemoteModule', 'enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) {
      expect(options.webPreferences).not.toHaveProperty(risky);
    }
  });

  it('opens where it was, hidden until painted', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false, title: 'lib — Qalam' });
    expect(FakeBrowserWindow.created).toEqual([window]);
  });
});
