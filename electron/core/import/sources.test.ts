import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corpus, tempDir } from '../../../tests/support/corpus.js';
import { collectSources } from './sources.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('collecting the files to import', () => {
  it('walks folders in a stable order, follows links once and reports what it cannot read', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const top = join(t.dir, 'archive');
    mkdirSync(join(top, 'b', 'deeper'), { recursive: true });
    copyFileSync(corpus('uz-latn', 'uzt-053.txt'), join(top, 'b', 'deeper', 'z.txt'));
    writeFileSync(join(top, 'a.txt'), 'Sarlavha\nMatn.');
    writeFileSync(join(top, '.hidden.txt'), 'never imported');
    mkdirSync(join(top, '.git'));
    writeFileSync(join(top, '.git', 'HEAD'), 'ref');
    symlinkSync(join(top, 'b'), join(top, 'c-link-to-b'));
    symlinkSync(top, join(top, 'b', 'loop'));
    symlinkSync(join(t.dir, 'gone.txt'), join(top, 'd-broken.txt'));
    writeFileSync(join(t.dir, '.named-hidden.txt'), 'Named\nOn purpose.');

    const { sources, failed } = collectSources([top, join(t.dir, '.named-hidden.txt'), join(t.dir, 'missing')]);
    const rel = (p: string) => p.slice(t.dir.length + 1);
    expect(sources.map((s) => rel(s.kind === 'file' ? s.path : s.name))).toEqual(['archive/a.txt', 'archive/b/deeper/z.txt', '.named-hidden.txt']);
    expect((sources[1] as { size: number }).size).toBeGreaterThan(100);
    expect(failed.map((f) => [rel(f.path), f.error])).toEqual([
      ['archive/d-broken.txt', 'broken link (its target does not exist)'],
      ['missing', 'no such file or folder'],
    ]);
  });
});
