import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbFlag, libraryForLaunch } from './launch-args.js';

describe('launch arguments', () => {
  it('read --db in both spellings and ignore Electron’s own switches', () => {
    expect(dbFlag(['/opt/Qalam/qalam', '--no-sandbox', '--db', 'work.sqlite'])).toBe('work.sqlite');
    expect(dbFlag(['electron', '/repo', '--db=/x/y.sqlite'])).toBe('/x/y.sqlite');
    expect(dbFlag(['electron', '/repo', '--db'])).toBeUndefined();
    expect(dbFlag(['electron', '/repo', '--db', '--inspect'])).toBeUndefined();
    expect(dbFlag(['electron', '/repo', '--dbx=1'])).toBeUndefined();
  });

  it('resolve the library like the qalam command does', () => {
    const env = { HOME: '/home/u' };
    expect(libraryForLaunch(['q', '--db', 'lib.sqlite'], '/work', env, 'linux')).toBe('/work/lib.sqlite');
    expect(libraryForLaunch(['q'], '/work', { ...env, QALAM_DB: '/env/lib.sqlite' }, 'linux')).toBe('/env/lib.sqlite');
    expect(libraryForLaunch(['q'], '/work', env, 'linux')).toBe(join('/home/u/.local/share/Qalam', 'library.qalam.sqlite'));
    expect(libraryForLaunch(['q'], '/work', env, 'darwin')).toBe('/home/u/Library/Application Support/Qalam/library.qalam.sqlite');
  });
});
