// `npm test`: the whole suite as CI runs it — types (which also enforce the layering of the
// renderer and shared/), the builds the end-to-end and packaging tests use, then every test:
// unit and packaging tests first, then the browser tests on their own so Chromium is not starved
// of the machine's cores. Ends with one line counting every test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const reports = mkdtempSync(join(tmpdir(), 'qalam-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args) {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  return r.status ?? 1;
}

function stop(code) {
  rmSync(reports, { recursive: true, force: true });
  process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  process.exit(code);
}

function must(label, cmd, args) {
  const code = run(label, cmd, args);
  if (code !== 0) {
    process.stdout.write(`\n${label} failed (exit ${code}).\n`);
    totals.failed++;
    stop(code);
  }
}

function vitest(label, projects) {
  const out = join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const code = run(label, npx, ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } catch {
    if (code !== 0) totals.failed++;
  }
  return code;
}

must('type check', npx, ['tsc', '-p', 'tsconfig.json']);
must('type check shared/ (no Node types)', npx, ['tsc', '-p', 'tsconfig.shared.json']);
must('type check renderer/ (no Node types)', npx, ['tsc', '-p', 'renderer/tsconfig.json']);
must('build renderer', npx, ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']);
must("build browser mode's first screen", npx, ['vite', 'build', '--config', 'vite.first-screen.config.ts', '--logLevel', 'warn']);
must('build main process and preload', npm, ['run', '--silent', 'build:electron']);
const unit = vitest('unit and packaging tests', ['unit', 'packaging']);
const e2e = vitest('end-to-end tests in Chromium', ['e2e']);
stop(unit || e2e);
