#!/usr/bin/env node
// Bundles electron/preload/index.ts into the one CommonJS file a sandboxed preload can run
// (dist/electron/preload/index.cjs). A sandboxed preload may require only 'electron' and a few
// built-ins, so everything else is inlined, and the contract's call names are inlined as a
// literal list instead of loading zod and every schema in each window.
//
//   node scripts/build-preload.mjs [--out FILE]
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/// The contract's call names, read from the source (tsx runs the TypeScript).
async function contractCallNames() {
  const { tsImport } = await import('tsx/esm/api');
  const contract = await tsImport(pathToFileURL(join(root, 'shared/contract/index.ts')).href, import.meta.url);
  return [...contract.callNames];
}

/// Build the preload bundle to `outFile`; returns the call names it holds.
export async function buildPreload(outFile = join(root, 'dist/electron/preload/index.cjs')) {
  const names = await contractCallNames();
  const inlineCallNames = {
    name: 'inline-call-names',
    setup(b) {
      b.onResolve({ filter: /[\\/]call-names\.js$/ }, () => ({ path: 'call-names', namespace: 'qalam-call-names' }));
      b.onLoad({ filter: /.*/, namespace: 'qalam-call-names' }, () => ({
        contents: `export const callNames = ${JSON.stringify(names)};`,
        loader: 'js',
      }));
    },
  };
  await build({
    entryPoints: [join(root, 'electron/preload/index.ts')],
    outfile: resolve(outFile),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'chrome138',
    external: ['electron'],
    plugins: [inlineCallNames],
    legalComments: 'none',
    logLevel: 'warning',
  });
  return names;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? process.argv[i + 1] : undefined;
  const names = await buildPreload(out);
  process.stdout.write(`preload: ${names.length} calls -> ${out ?? 'dist/electron/preload/index.cjs'}\n`);
}
