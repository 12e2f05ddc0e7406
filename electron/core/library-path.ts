import { homedir } from 'node:os';
import { join } from 'node:path';
import { badInput } from './errors.js';

/// The per-user folder the desktop app keeps its library in, the same one Electron's
/// `app.getPath('userData')` gives for an app named Qalam.
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Qalam');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Qalam');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'Qalam');
}

/// Which library to open: `--db FILE` first, then `QALAM_DB`, then the default. An empty
/// `--db` (a script's unset variable) is refused rather than read as "the default": that would
/// quietly write into the user's own library.
export function resolveLibraryPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (flag !== undefined && flag.trim() === '') throw badInput('--db needs the name of a library file; it was given an empty one.');
  if (flag) return flag;
  if (env.QALAM_DB) return env.QALAM_DB;
  return join(defaultDataDir(env, platform), 'library.qalam.sqlite');
}
