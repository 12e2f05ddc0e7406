// Which library a command opens, and what it does when that library is not one it may use: an
// empty --db, a file that is not there, another program's database. In every case one clear
// line, a non-zero exit, and nothing created or changed. A library that may be read but not
// written is in read-only-library.test.ts.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qalam } from '../../tests/support/cli.js';
import { seedDir, tempDir } from '../../tests/support/corpus.js';

let dir: string;
let db: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('qalam-cli-library-'));
  db = join(dir, 'lib.sqlite');
  expect((await qalam(['import', seedDir, '--db', db])).code).toBe(0);
}, 60_000);
afterAll(() => cleanup());

describe('qalam CLI: the library a command opens', () => {
  it('refuses an empty --db instead of opening the default library', async () => {
    const home = join(dir, 'home');
    for (const command of [['tags'], ['annotate', '1', '--quote', 'x', '--tag', 'T'], ['import', seedDir]]) {
      const r = await qalam([...command, '--db', ''], { HOME: home });
      expect(r.code, command[0]).toBe(2);
      expect(r.err, command[0]).toMatch(/--db needs the name of a library file/);
    }
    expect(existsSync(home)).toBe(false);
  });

  it('says there is no library rather than creating one, except when importing', async () => {
    for (const command of [['tags'], ['annotations'], ['list'], ['search', 'word'], ['annotate', '1', '--quote', 'x', '--tag', 'T'], ['stats']]) {
      const missing = join(dir, 'nowhere', command[0], 'lib.sqlite');
      const r = await qalam([...command, '--db', missing, '--json']);
      expect(r.code, command[0]).toBe(2);
      expect(r.err, command[0]).toMatch(/There is no library at .*lib\.sqlite/);
      expect(r.out, command[0]).toBe('');
      expect(existsSync(join(dir, 'nowhere', command[0])), command[0]).toBe(false);
    }
    const fresh = join(dir, 'new', 'lib.sqlite');
    expect((await qalam(['import', seedDir, '--db', fresh])).code).toBe(0);
    expect((await qalam(['tags', '--db', fresh, '--json'])).code).toBe(0);
  });

  it("refuses another program's SQLite database and leaves it byte for byte", async () => {
    const other = join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')");
    o.close();
    const before = readFileSync(other);
    for (const command of [['tags'], ['annotations'], ['import', seedDir]]) {
      const r = await qalam([...command, '--db', other]);
      expect(r.code, command[0]).toBe(2);
      expect(r.err, command[0]).toMatch(/is an SQLite database but not a Qalam library; it has not been changed/);
      expect(readFileSync(other).equals(before), command[0]).toBe(true);
    }
  });

  it('refuses a single-value option given twice instead of taking the last', async () => {
    const before = (await qalam(['annotations', '--db', db, '--json'])).json();
    const r = await qalam(['annotate', '1', '--quote', 'Қозоғистон', '--quote', 'Россия', '--tag', 'Places', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--quote was given more than once/);
    expect((await qalam(['annotations', '--db', db, '--json'])).json()).toEqual(before);
    // Options that take several values, and flags, may be repeated.
    expect((await qalam(['tags', '--db', db, '--json', '--json'])).code).toBe(0);
  });

  it('explains a bad option value in one line', async () => {
    const dash = await qalam(['annotate', '1', '--quote', 'x', '--occurrence', '-1', '--tag', 'T', '--db', db]);
    expect(dash.code).toBe(2);
    expect(dash.err).toBe('qalam annotate: --occurrence needs a value; to give one that starts with "-", write --occurrence=VALUE\n');
    const huge = await qalam(['annotations', '--article', '99999999999999999999999', '--db', db]);
    expect(huge.code).toBe(2);
    expect(huge.err).toMatch(/^qalam annotations: give --article an article id \(a whole number from 1 to 9007199254740991\), not "99999999999999999999999"\n$/);
  });
});
