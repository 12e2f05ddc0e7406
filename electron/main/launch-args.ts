import { resolve } from 'node:path';
import { resolveLibraryPath } from '../core/library-path.js';

/// The `--db FILE` (or `--db=FILE`) a launch asked for, if any. Electron passes its own switches
/// and, unpackaged, the app folder too; only our flag is read.
export function dbFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db' && i + 1 < argv.length && argv[i + 1] && !argv[i + 1].startsWith('--')) return argv[i + 1];
    if (a.startsWith('--db=') && a.length > 5) return a.slice(5);
  }
  return undefined;
}

/// The library a launch opens, as an absolute path: `--db`, then QALAM_DB, then the default
/// library of the `qalam` command, so the desktop app and the CLI share one library.
export function libraryForLaunch(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  return resolve(cwd, resolveLibraryPath(dbFlag(argv), env, platform));
}
