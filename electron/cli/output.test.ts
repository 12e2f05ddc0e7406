// What the CLI prints when its output is cut short, and when a value that looks like an option
// (`-1`) is given to an option.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusCopies, insertArticles, readCorpus } from '../../tests/e2e/bulk-library.js';
import { qalam } from '../../tests/support/cli.js';
import { repoRoot, tempDir } from '../../tests/support/corpus.js';
import { openLibrary } from '../core/db/open.js';

let dir: string;
let cleanup: () => void;
let db: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('qalam-cli-output-'));
  db = join(dir, 'lib.sqlite');
  const lib = openLibrary(db);
  try {
    // Enough rows that `list` writes well past what a pipe holds.
    insertArticles(lib, corpusCopies(readCorpus({ langs: ['ru', 'uz'], limit: 3000 }), 3000));
  } finally {
    lib.close();
  }
});

afterAll(() => cleanup());

describe('qalam CLI output', () => {
  it('stops quietly when the reader of its output stops reading', () => {
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${join(repoRoot, 'bin', 'qalam.js')}" list --db "${db}" | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('3000 articles\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);

  it('names a value that starts with a dash as given, in its message', async () => {
    const r = await qalam(['search', 'Россия', '--limit', '-1', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('qalam search: --limit takes a whole number from 1 to 200, not "-1"\n');
  });
});
