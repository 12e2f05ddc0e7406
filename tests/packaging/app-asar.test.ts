// A `--linux dir` build with a stand-in Electron (a script named `electron`) and no native
// rebuild, to see what the real installers would carry in app.asar. Needs `npm run build`
// first (npm test runs it); a missing build fails the test rather than skipping it.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builderConfig, packageJson, requireFromRoot, root } from './project.js';

const asar = requireFromRoot('@electron/asar') as typeof import('@electron/asar');
const { build, Platform } = requireFromRoot('electron-builder') as typeof import('electron-builder');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('packaged app (linux dir, stand-in Electron)', () => {
  let out = '';
  let archive = '';
  let entries = new Set<string>();
  const has = (p: string) => entries.has(p.startsWith('/') ? p : `/${p}`);
  const read = (p: string) => asar.extractFile(archive, p.replace(/^\//, '')).toString('utf8');

  beforeAll(async () => {
    for (const built of [packageJson.main, 'dist/electron/preload/index.cjs', 'dist/renderer/index.html', 'dist/electron/core/db/migrations/001_init.sql']) {
      if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` before this test.`);
    }
    const work = mkdtempSync(join(tmpdir(), 'qalam-pack-'));
    const electronDist = join(work, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for Electron"\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    out = join(work, 'release');
    const config = builderConfig();
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: { ...config, electronDist, npmRebuild: false, directories: { ...config.directories, output: out } },
    });
    archive = join(out, 'linux-unpacked', 'resources', 'app.asar');
    entries = new Set(asar.listPackage(archive, { isPack: false }));
  }, 110_000);

  it('renames the stand-in to the app’s executable', () => {
    expect(statSync(join(out, 'linux-unpacked', 'qalam')).mode & 0o111).not.toBe(0);
  });

  it('holds the entry points, the built renderer, migrations and samples', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.main).toBe('dist/electron/main/index.js');
    expect(has(pkg.main)).toBe(true);
    for (const p of ['dist/electron/preload/index.cjs', 'dist/shared/contract/channels.js', 'dist/electron/main/desktop.js', 'dist/electron/core/archive.js', 'dist/shared/contract/index.js']) {
      expect(has(p), p).toBe(true);
    }
    expect(read('dist/electron/preload/index.cjs')).toBe(readFileSync(join(root, 'dist/electron/preload/index.cjs'), 'utf8'));
    for (const dir of ['dist/renderer', 'dist/electron/core/db/migrations', 'resources/samples']) {
      const files = filesUnder(join(root, dir)).filter((f) => !f.endsWith('.map'));
      expect(files.length, dir).toBeGreaterThan(0);
      for (const f of files) expect(has(relative(root, f).split('\\').join('/')), f).toBe(true);
    }
  });

  it('holds every relative import of the packaged JavaScript', () => {
    const js = [...entries].filter((e) => e.startsWith('/dist/') && e.endsWith('.js'));
    expect(js.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const file of js) {
      if (file.startsWith('/dist/renderer/')) continue;
      // Imports, and files beside the module opened by URL (a worker thread's script).
      for (const m of read(file).matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]|new URL\(\s*['"](\.{1,2}\/[^'"]+)['"],\s*import\.meta\.url/g)) {
        const ref = m[1] ?? m[2];
        const target = posix.join(posix.dirname(file), ref);
        // A folder opened by URL (the migrations) must hold files in the archive.
        const present = ref.endsWith('/') ? [...entries].some((e) => e.startsWith(target)) : entries.has(target);
        if (!present) missing.push(`${file} -> ${ref}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('holds every production dependency, with better-sqlite3’s binary unpacked', () => {
    for (const dep of Object.keys(packageJson.dependencies)) expect(has(`node_modules/${dep}/package.json`), dep).toBe(true);
    const binary = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(has(binary)).toBe(true);
    const unpacked = join(out, 'linux-unpacked', 'resources', 'app.asar.unpacked', binary);
    expect(statSync(unpacked).size).toBe(statSync(join(root, binary)).size);
  });

  it('leaves out sources, tests, maps, dev tools and build leftovers', () => {
    const list = [...entries];
    const unwanted = list.filter(
      (e) =>
        /\.(ts|tsx|map)$/.test(e) ||
        /^\/(electron|renderer|shared|scripts|tests|bench|bin|release)\//.test(e) ||
        /^\/dist\/electron\/(cli|server)\//.test(e) ||
        /electron-double\.js$|\.test\.js$/.test(e) ||
        /better-sqlite3\/(deps|src)\/|\/obj(\.target)?\/|sqlite3\.a$|test_extension\.node$|binding\.gyp$/.test(e),
    );
    expect(unwanted).toEqual([]);
    for (const dev of Object.keys(packageJson.devDependencies)) {
      expect(has(`node_modules/${dev}/package.json`), dev).toBe(false);
    }
  });

  it('ships a page whose CSP forbids inline and remote scripts', () => {
    const html = read('dist/renderer/index.html');
    const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(policy, 'dist/renderer/index.html has no CSP meta').toBeDefined();
    const d = new Map(policy!.split(';').map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    const scripts = d.get('script-src') ?? d.get('default-src');
    expect(scripts).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/https?:|\*|unsafe-eval/);
    // Every script the page loads is one of its own files.
    for (const m of html.matchAll(/<script\b[^>]*>/g)) expect(m[0]).toMatch(/src="\.\/assets\/[^"]+\.js"/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
  });
});
