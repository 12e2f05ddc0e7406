// Runs `npm run audit:electron` (Electronegativity via npx: needs the npm registry) on the app's
// Electron code, and on a deliberately unsafe app to show the gate closes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './project.js';

function audit(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/audit-electron.mjs'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('npm run audit:electron', () => {
  // Both audits at once: each spends most of its time starting npx.
  const runs = Promise.all([audit(), audit('--input', 'tests/packaging/fixtures/insecure-app')]);

  it('passes the app’s Electron code, having read its window options', async () => {
    const [ours] = await runs;
    expect(ours.out).toMatch(/audit:electron: \d+ finding\(s\), 0 blocking/);
    expect(ours.code).toBe(0);
    // The tool saw the one place a window is made (it notes the preload there).
    expect(ours.out).toMatch(/PRELOAD_JS_CHECK main\/window-options\.ts/);
    expect(ours.out).not.toMatch(/^FAIL/m);
  }, 120_000);

  it('fails an app without context isolation and sandbox', async () => {
    const [, insecure] = await runs;
    expect(insecure.code).toBe(1);
    expect(insecure.out).toMatch(/^FAIL .*CONTEXT_ISOLATION_JS_CHECK/m);
    expect(insecure.out).toMatch(/^FAIL .*SANDBOX_JS_CHECK/m);
  }, 120_000);
});
