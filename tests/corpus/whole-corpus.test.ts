import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/core/archive.js';
import { checkLibrary } from '../../electron/core/check.js';
import type { ImportSummary } from '../../shared/model.js';
import { corpus, tempDir } from '../support/corpus.js';

const { dir, cleanup } = tempDir();
afterAll(() => cleanup());

const FOLDERS = ['uz-cyrl', 'uz-latn', 'uz-latn-new', 'kk', 'ru', 'en'];

describe('the whole team corpus', () => {
  it('imports with no failure in its article folders, each article in the language the manifest gives', async () => {
    const archive = openArchive(join(dir, 'lib.sqlite'));
    try {
      const { jobId } = await archive.handlers.importPaths({ paths: FOLDERS.map((f) => corpus(f)) }, { transport: 'test' });
      const status = await archive.ctx.jobs.wait(jobId);
      const r = status.result as ImportSummary;
      expect(r.failed).toEqual([]);

      const manifest = readFileSync(corpus('manifest.tsv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'));
      expect(r.imported + r.duplicates).toBe(manifest.length);
      expect(status.done).toBe(manifest.length);

      // Compare each stored article's language with the manifest, by original path.
      const rows = archive.ctx.lib.db.prepare('SELECT orig_path AS path, lang FROM articles').all() as { path: string; lang: string }[];
      const langOf = new Map(rows.map((row) => [row.path, row.lang]));
      const expected = (lang: string, script: string) => (lang === 'uz' ? `uz-${script}` : lang);
      let right = 0;
      let seen = 0;
      for (const [file, lang, script] of manifest) {
        const got = langOf.get(corpus(file));
        if (got === undefined) continue; // a duplicate of another file's text
        seen++;
        if (got === expected(lang, script)) right++;
      }
      expect(seen).toBe(r.imported);
      expect(right / seen).toBeGreaterThanOrEqual(0.99);

      const report = checkLibrary(archive.ctx.lib);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    } finally {
      archive.close();
    }
  }, 240_000);
});
