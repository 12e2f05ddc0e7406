import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/db/open.js';
import { checkLibrary } from '../../electron/core/check.js';
import { qalam } from '../support/cli.js';
import { corpus, repoRoot, tempDir } from '../support/corpus.js';

const { dir, cleanup } = tempDir();
afterAll(() => cleanup());

function countArticles(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or the schema is still being written
  }
}

describe('an import killed midway (kill -9)', () => {
  it('leaves a sound library that keeps what it committed and can simply be run again', async () => {
    const db = join(dir, 'lib.sqlite');
    const folders = [corpus('ru'), corpus('kk')];
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'qalam.js'), 'import', ...folders, '--db', db], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? null : code)));

    // Wait until some chunks are committed, then kill without warning.
    let seen = 0;
    const deadline = Date.now() + 90_000;
    while (seen < 300 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      seen = countArticles(db);
    }
    child.kill('SIGKILL');
    expect(await exited).toBeNull(); // it was killed, not finished
    expect(seen).toBeGreaterThanOrEqual(300);

    const lib = openLibrary(db);
    const report = checkLibrary(lib);
    const kept = (lib.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    lib.close();
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(kept).toBeGreaterThanOrEqual(seen);
    expect(kept).toBeLessThan(7_732);

    const again = await qalam(['import', ...folders, '--db', db, '--json']);
    expect(again.code).toBe(0);
    const r = again.json();
    expect(r.failed).toEqual([]);
    expect(r.duplicates).toBeGreaterThanOrEqual(kept);
    const total = countArticles(db);
    expect(total).toBe(kept + r.imported);
    const check = await qalam(['check', '--db', db]);
    expect(check.code).toBe(0);
  }, 300_000);
});
