#!/usr/bin/env node
// `npm run audit:electron`: Electronegativity's static review of the Electron code. Fails on
// any HIGH finding and on the node-integration, context-isolation and sandbox checks, whatever
// severity the tool gives them (it rates nodeIntegration: true as merely informational).
//
//   node scripts/audit-electron.mjs [--input DIR]     (default: electron/)
// Needs the npm registry the first time (npx fetches the tool into its cache).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const tool = '@doyensec/electronegativity@1.10.3';
/// Checks that fail the audit at any severity.
export const blockingChecks = ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'];

/// The findings of an Electronegativity CSV report.
export function parseFindings(csv) {
  const findings = [];
  for (const line of csv.split(/\r?\n/)) {
    const m = /^([A-Z0-9_]+),"([A-Z]+)","([A-Z]+)","([^"]*)","([^"]*)",(.*)$/.exec(line);
    if (m) findings.push({ check: m[1], severity: m[2], confidence: m[3], file: m[4], location: m[5], rest: m[6] });
  }
  return findings;
}

/// The findings that fail the audit.
export function blocking(findings) {
  return findings.filter((f) => f.severity === 'HIGH' || blockingChecks.includes(f.check));
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron.replace(/^[^\d]*/, '');
  }
}

function main(argv) {
  const i = argv.indexOf('--input');
  const input = resolve(root, i >= 0 ? argv[i + 1] : 'electron');
  if (!existsSync(input)) {
    process.stderr.write(`audit:electron: no such folder ${input}\n`);
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'qalam-audit-'));
  const out = join(dir, 'findings.csv');
  try {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    // The tool always exits 0 and chatters about being offline; its verdict is the CSV.
    const r = spawnSync(npx, ['-y', tool, '-i', input, '-r', '-e', electronVersion(), '-o', out], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    if (!existsSync(out)) {
      process.stderr.write(`audit:electron: ${tool} produced no report (exit ${r.status ?? r.signal}).\n${r.stderr ?? ''}${r.error ? String(r.error) : ''}\n`);
      return 2;
    }
    const findings = parseFindings(readFileSync(out, 'utf8'));
    const failing = blocking(findings);
    for (const f of findings) {
      const mark = failing.includes(f) ? 'FAIL' : 'note';
      process.stdout.write(`${mark} ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location}\n`);
    }
    process.stdout.write(`audit:electron: ${findings.length} finding(s), ${failing.length} blocking, in ${input}\n`);
    return failing.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
