#!/usr/bin/env node
// `npm start`: build what is needed, then open the desktop app. Where Electron's binary is
// missing (an install that could not download it), try once to fetch it; if that fails too,
// say so in one line and open browser mode instead (`qalam serve` prints the address).
//
//   npm start [-- --db FILE]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');

/// The Electron executable the electron package would run, or null when it is not there.
export function findElectronBinary(dir = electronDir, env = process.env) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(dir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/// Run the electron package's own installer once; true when it says it succeeded. Its output is
/// kept back (a failed download prints a long stack), and a stalled network gives up in time.
export function fetchElectronBinary(dir = electronDir, env = process.env) {
  const childEnv = { ...env };
  // The user asked for the desktop app now, so a blanket "skip the download" does not apply.
  delete childEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, env: childEnv, stdio: 'pipe', timeout: 120_000 });
  return r.status === 0;
}

/// Decide how to start: the desktop app when its binary is there or can be fetched (one try),
/// otherwise browser mode, with the one line that says why.
export function planLaunch({ findBinary, fetchBinary }) {
  const present = findBinary();
  if (present) return { mode: 'electron', binary: present, fetched: false };
  const fetched = fetchBinary() ? findBinary() : null;
  if (fetched) return { mode: 'electron', binary: fetched, fetched: true };
  return {
    mode: 'browser',
    message: "Electron's binary is not installed and could not be downloaded; opening Qalam in browser mode instead.",
  };
}

function build() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n');
    process.exit(r.status ?? 1);
  }
}

/// Run a child with the terminal attached and leave with its exit code; Ctrl+C reaches it.
function runAttached(command, args, env) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main(args) {
  build();
  const plan = planLaunch({ findBinary: () => findElectronBinary(), fetchBinary: () => fetchElectronBinary() });
  if (plan.mode === 'electron') {
    const env = { ...process.env };
    // Set in some shells and CI images; it would make the binary behave as plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
    runAttached(plan.binary, [root, ...args], env);
  } else {
    process.stdout.write(`${plan.message}\n`);
    runAttached(process.execPath, [join(root, 'bin', 'qalam.js'), 'serve', ...args], process.env);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
