#!/usr/bin/env node
// The `qalam` command. From a source checkout it runs the TypeScript through tsx; a build
// (dist/) is used when there is no source beside it (the packaged app).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = `${root}electron/cli/main.ts`;
let entry;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = pathToFileURL(source).href;
} else {
  entry = pathToFileURL(`${root}dist/electron/cli/main.js`).href;
}
const { runCli, processIO } = await import(entry);
const code = await runCli(process.argv.slice(2), processIO);
// Let stdout drain before leaving (a pipe may still hold the JSON).
process.exitCode = code;
