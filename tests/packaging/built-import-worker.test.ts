// The built import runs its worker thread from plain JavaScript (dist/), as the packaged app
// does, with no TypeScript loader anywhere.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpus } from '../support/corpus.js';
import { root } from './project.js';

describe('the built import worker', () => {
  it('prepares files on a worker thread from dist/', async () => {
    const built = join(root, 'dist/electron/core/import/preparer.js');
    expect(existsSync(built), 'run `npm run build:electron` first').toBe(true);
    expect(existsSync(join(root, 'dist/electron/core/import/prepare-worker.js'))).toBe(true);
    const { openPreparer } = (await import(pathToFileURL(built).href)) as typeof import('../../electron/core/import/preparer.js');
    const dir = corpus('kk');
    const sources = readdirSync(dir)
      .sort()
      .slice(0, 5)
      .map((name) => ({ kind: 'file' as const, path: join(dir, name), size: 0 }));
    const preparer = openPreparer('worker', sources);
    try {
      const results = await preparer.prepare(sources);
      expect(preparer.threadedBatches).toBe(1);
      expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
      for (const r of results) if (r.ok) expect(r.articles[0].lang).toBe('kk');
    } finally {
      await preparer.close();
    }
  });
});
