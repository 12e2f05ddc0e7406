import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/// The layers of ARCHITECTURE.md and what each may import. Relative imports are checked by the
/// folder they land in; bare imports by package name.
export interface Layer {
  name: string;
  /// Folder prefix (relative to the repo, with '/').
  folder: string;
  /// Other layers' folders it may reach with relative imports.
  mayReach: string[];
  /// Packages it may import (exact names or prefixes ending in '/'); `node:` means Node's built-ins.
  packages: (string | RegExp)[];
}

const node = /^node:|^(fs|path|os|url|crypto|zlib|child_process|http|https|net|stream|util|events|worker_threads|readline|buffer|module|process|assert|tty|timers)(\/|$)/;
const anyPackageExcept = (...banned: string[]) => new RegExp(`^(?!(${banned.map((b) => b.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/|$))`);

export const layers: Layer[] = [
  { name: 'shared', folder: 'shared/', mayReach: ['shared/'], packages: ['zod'] },
  { name: 'core', folder: 'electron/core/', mayReach: ['shared/', 'electron/core/'], packages: [node, anyPackageExcept('electron', 'react', 'react-dom')] },
  { name: 'server', folder: 'electron/server/', mayReach: ['shared/', 'electron/core/', 'electron/server/'], packages: [node, anyPackageExcept('electron', 'react', 'react-dom')] },
  { name: 'cli', folder: 'electron/cli/', mayReach: ['shared/', 'electron/core/', 'electron/server/', 'electron/cli/'], packages: [node, anyPackageExcept('electron', 'react', 'react-dom')] },
  { name: 'preload', folder: 'electron/preload/', mayReach: ['shared/', 'electron/preload/'], packages: ['electron', 'zod'] },
  { name: 'main', folder: 'electron/main/', mayReach: ['shared/', 'electron/core/', 'electron/main/'], packages: [node, anyPackageExcept('react', 'react-dom')] },
  {
    name: 'renderer',
    folder: 'renderer/src/',
    mayReach: ['shared/', 'renderer/src/'],
    packages: ['react', 'react-dom', 'react/', 'react-dom/', 'prosemirror-', '@tanstack/', 'zod'],
  },
];

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/// Every module a source file imports (static, dynamic and require), with its line number.
export function importsOf(source: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    out.push({ spec, line: source.slice(0, m.index).split('\n').length });
  }
  return out;
}

function packageAllowed(spec: string, allowed: Layer['packages']): boolean {
  return allowed.some((a) => (typeof a === 'string' ? (a.endsWith('/') || a.endsWith('-') ? spec.startsWith(a) : spec === a || spec.startsWith(`${a}/`)) : a.test(spec)));
}

/// What is wrong with one file's imports, as `path:line: message` lines.
export function violations(repo: string, file: string, source: string): string[] {
  const rel = relative(repo, file).split(sep).join('/');
  const layer = layers.find((l) => rel.startsWith(l.folder));
  if (!layer) return [];
  const problems: string[] = [];
  for (const { spec, line } of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = relative(repo, resolve(dirname(file), spec)).split(sep).join('/');
      if (!layer.mayReach.some((f) => target.startsWith(f))) problems.push(`${rel}:${line}: ${layer.name} may not import ${target}`);
    } else if (builtinModules.includes(spec.replace(/^node:/, '')) && !layer.packages.some((p) => p instanceof RegExp && p === node)) {
      problems.push(`${rel}:${line}: ${layer.name} may not import the Node module ${spec}`);
    } else if (!packageAllowed(spec, layer.packages)) {
      problems.push(`${rel}:${line}: ${layer.name} may not import ${spec}`);
    }
  }
  return problems;
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'fixtures') continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

export function checkRepo(repo: string): string[] {
  const problems: string[] = [];
  for (const layer of layers) {
    let files: string[];
    try {
      files = sourceFiles(join(repo, layer.folder));
    } catch {
      continue;
    }
    for (const f of files) {
      // Tests may reach further than the code they test (fixtures, the corpus, test doubles).
      if (/\.test\.tsx?$|test-fixtures\.tsx?$/.test(f)) continue;
      problems.push(...violations(repo, f, readFileSync(f, 'utf8')));
    }
  }
  return problems;
}
