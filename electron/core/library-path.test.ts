import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveLibraryPath } from './library-path.js';

describe('library location', () => {
  it('follows XDG on Linux, then ~/.local/share', () => {
    expect(defaultDataDir({ HOME: '/home/u', XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/Qalam');
    expect(defaultDataDir({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.local/share/Qalam');
  });
  it('uses the platform folders elsewhere', () => {
    expect(defaultDataDir({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Application Support/Qalam');
    expect(defaultDataDir({ HOME: 'C:\\Users\\u', APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming[\\/]Qalam$/);
  });
  it('prefers --db, then QALAM_DB', () => {
    expect(resolveLibraryPath('/x.sqlite', { QALAM_DB: '/y.sqlite', HOME: '/h' }, 'linux')).toBe('/x.sqlite');
    expect(resolveLibraryPath(undefined, { QALAM_DB: '/y.sqlite', HOME: '/h' }, 'linux')).toBe('/y.sqlite');
    expect(resolveLibraryPath(undefined, { HOME: '/h' }, 'linux')).toBe('/h/.local/share/Qalam/library.qalam.sqlite');
  });
});
