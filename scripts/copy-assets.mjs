#!/usr/bin/env node
// Part of `npm run build:electron`: tsc compiles the TypeScript into dist/, and this copies the
// files the compiled code reads at run time that tsc does not carry: the SQL migrations.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const from = join(root, 'electron/core/db/migrations');
const to = join(root, 'dist/electron/core/db/migrations');

const migrations = readdirSync(from).filter((f) => f.endsWith('.sql')).sort();
if (migrations.length === 0) {
  process.stderr.write(`copy-assets: no migrations in ${from}\n`);
  process.exit(1);
}
// Start clean so a renamed or deleted migration does not linger in dist/.
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const f of migrations) copyFileSync(join(from, f), join(to, f));
process.stdout.write(`copy-assets: ${migrations.length} migration(s) -> dist/electron/core/db/migrations\n`);
