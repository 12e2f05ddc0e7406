// `npm test`: the whole suite as CI runs it — types (which also enforce the layering of the
// renderer and shared/), the builds the end-to-end and packaging tests use, then every test.
import { spawnSync } from 'node:child_process';

function run(label, cmd, args) {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) {
    process.stdout.write(`\n${label} failed (exit ${r.status ?? r.signal}).\n`);
    process.exit(r.status ?? 1);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
run('type check', npx, ['tsc', '-p', 'tsconfig.json']);
run('type check shared/ (no Node types)', npx, ['tsc', '-p', 'tsconfig.shared.json']);
run('type check renderer/ (no Node types)', npx, ['tsc', '-p', 'renderer/tsconfig.json']);
run('build renderer', npx, ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
run('build main process and preload', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:electron']);
run('tests', npx, ['vitest', 'run']);
