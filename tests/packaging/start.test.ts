// The decision `npm start` makes about Electron's binary, with the binary and its download
// played by test doubles and by a stand-in electron package folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from './project.js';

const startModule = pathToFileURL(join(root, 'scripts/start.mjs')).href;
const { planLaunch, findElectronBinary, fetchElectronBinary } = await import(startModule);

/// A folder laid out like node_modules/electron, with an install.js of our choosing.
function electronPackage(installScript: string) {
  const dir = mkdtempSync(join(tmpdir(), 'qalam-electron-pkg-'));
  writeFileSync(join(dir, 'install.js'), installScript);
  return dir;
}

describe('npm start', () => {
  it('runs Electron when its binary is there, without fetching', () => {
    let fetches = 0;
    const plan = planLaunch({ findBinary: () => '/x/electron', fetchBinary: () => (fetches++, true) });
    expect(plan).toEqual({ mode: 'electron', binary: '/x/electron', fetched: false });
    expect(fetches).toBe(0);
  });

  it('fetches the binary once when it is missing, then runs it', () => {
    let fetches = 0;
    let installed = false;
    const plan = planLaunch({ findBinary: () => (installed ? '/x/electron' : null), fetchBinary: () => (fetches++, (installed = true)) });
    expect(plan).toEqual({ mode: 'electron', binary: '/x/electron', fetched: true });
    expect(fetches).toBe(1);
  });

  it('falls back to browser mode with one line when the fetch fails', () => {
    let fetches = 0;
    const plan = planLaunch({ findBinary: () => null, fetchBinary: () => (fetches++, false) });
    expect(plan.mode).toBe('browser');
    expect(plan.message.split('\n')).toHaveLength(1);
    expect(plan.message).toMatch(/browser mode/);
    expect(fetches).toBe(1);
  });

  it('does not trust an installer that claims success but leaves no binary', () => {
    const plan = planLaunch({ findBinary: () => null, fetchBinary: () => true });
    expect(plan.mode).toBe('browser');
  });

  it('finds the binary the way the electron package does', () => {
    const dir = electronPackage('');
    expect(findElectronBinary(dir, {})).toBeNull(); // no path.txt: never installed
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toBeNull(); // path.txt but no binary
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
    const override = mkdtempSync(join(tmpdir(), 'qalam-electron-override-'));
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
  });

  it('runs the package’s installer with the skip switch lifted, and reads its exit code', () => {
    // An installer that succeeds only if it was not told to skip, and lays the binary down.
    const dir = electronPackage(`
      const fs = require('fs'), path = require('path');
      if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);
      fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
      fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
    `);
    expect(fetchElectronBinary(dir, { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBe(true);
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
    const failing = electronPackage(`console.error(new Error('getaddrinfo ENOTFOUND github.com').stack); process.exit(1);`);
    expect(fetchElectronBinary(failing, process.env)).toBe(false);
    const plan = planLaunch({ findBinary: () => findElectronBinary(failing, {}), fetchBinary: () => fetchElectronBinary(failing, process.env) });
    expect(plan.mode).toBe('browser');
  });
});
