import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/// The project root: two folders up from electron/core, whether run from source or from dist/.
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'qalam') return dir;
    } catch {
      /* not here; look one folder up */
    }
    dir = dirname(dir);
  }
  throw new Error('cannot find the Qalam package root');
}

let root: string | undefined;
export function packageRoot(): string {
  return (root ??= projectRoot());
}

export function appVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version;
}

export function samplesDir(): string {
  return join(packageRoot(), 'resources', 'samples');
}

export function defaultExportDir(libraryPath: string): string {
  return join(dirname(libraryPath === ':memory:' ? process.cwd() : libraryPath), 'exports');
}
