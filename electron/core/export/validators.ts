// Runs the team's external validators (`<repo>/../shared/validators/`) on export output, for tests.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const VALIDATORS = join(here, '..', '..', '..', '..', 'shared', 'validators');
const NODE_MODULES = join(here, '..', '..', '..', 'node_modules');

/// Run one checker on some files; returns its exit code and everything it printed.
export function runValidator(checker: 'w3c' | 'qdpx' | 'bag' | 'tei', ...files: string[]): { code: number; output: string } {
  const r =
    checker === 'w3c'
      ? spawnSync(process.execPath, [join(VALIDATORS, 'check-w3c-annotation.mjs'), ...files], { env: { ...process.env, NODE_PATH: NODE_MODULES }, encoding: 'utf8' })
      : spawnSync(join(VALIDATORS, `check-${checker}.sh`), files, { encoding: 'utf8' });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}
