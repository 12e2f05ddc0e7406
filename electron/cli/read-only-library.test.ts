// A library the user may read but not write: on read-only media, or in a folder shared for
// reading only. Commands that only read it work and give what they give where it may be written;
// commands that would change it refuse in one line. Nothing is written to it or beside it.
import Database from 'better-sqlite3';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qalam } from '../../tests/support/cli.js';
import { loadMigrations } from '../core/db/migrate.js';
import { repoRoot, seedDir, tempDir } from '../../tests/support/corpus.js';

// Root writes through file modes, so as root the commands run as the unprivileged user "nobody".
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/// Run `node ARGS` as a user who may not write to what the tests made read-only.
function asReader(nodeArgs: string[], cwd: string): SpawnSyncReturns<string> {
  const r = asRoot
    ? spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, ...nodeArgs], { encoding: 'utf8', cwd })
    : spawnSync(process.execPath, nodeArgs, { encoding: 'utf8', cwd });
  expect(r.error).toBeUndefined();
  return r;
}

const qalamAsReader = (args: string[], cwd: string) => asReader([join(repoRoot, 'bin', 'qalam.js'), ...args], cwd);

/// Every file in a folder with a hash of its bytes: what must not change, and nothing added.
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).map((name) => [name, createHash('sha256').update(readFileSync(join(folder, name))).digest('hex')]));
}

/// A folder holding copies of `files`, then made read-only, files and folder alike.
function readOnlyFolder(name: string, files: string[]): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const f of files) copyFileSync(f, join(folder, basename(f)));
  for (const f of readdirSync(folder)) chmodSync(join(folder, f), 0o444);
  chmodSync(folder, 0o555);
  readOnly.push(folder);
  return folder;
}

/// A folder the reader may write to, for what a command writes (an export, a backup).
function writableFolder(name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  if (asRoot) chownSync(folder, NOBODY, NOBODY);
  return folder;
}

let dir: string;
let cleanup: () => void;
let source: string;
const readOnly: string[] = [];
const reading: string[][] = [['search', 'Россия'], ['show', '1'], ['annotations'], ['tags'], ['list'], ['collection', 'list']];
const expected = new Map<string, unknown>();

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('qalam-cli-read-only-'));
  chmodSync(dir, 0o755);
  source = join(dir, 'source', 'lib.sqlite');
  expect((await qalam(['import', seedDir, '--db', source])).code).toBe(0);
  expect((await qalam(['annotate', '1', '--quote', 'Қозоғистон', '--tag', 'Places', '--note', 'first', '--db', source])).code).toBe(0);
  expect((await qalam(['annotate', '1', '--quote', 'Россия', '--tag', 'Places/Russia', '--db', source])).code).toBe(0);
  expect((await qalam(['collection', 'create', 'Reading', '--db', source])).code).toBe(0);
  for (const command of reading) {
    const r = await qalam([...command, '--db', source, '--json']);
    expect(r.code, command.join(' ')).toBe(0);
    expected.set(command.join(' '), r.json());
  }
  // Closed cleanly: the write-ahead log has been folded into the file and removed.
  expect(existsSync(`${source}-wal`)).toBe(false);
}, 60_000);

afterAll(() => {
  for (const folder of readOnly) chmodSync(folder, 0o755);
  cleanup();
});

describe('qalam CLI: a library that may be read but not written', () => {
  it('reads a cleanly closed library in a read-only folder as it reads it anywhere, and adds nothing beside it', () => {
    const folder = readOnlyFolder('clean', [source]);
    const before = snapshot(folder);
    const db = join(folder, 'lib.sqlite');
    for (const command of reading) {
      const r = qalamAsReader([...command, '--db', db, '--json'], folder);
      expect(r.stderr, command.join(' ')).toBe('');
      expect(r.status, command.join(' ')).toBe(0);
      expect(JSON.parse(r.stdout), command.join(' ')).toEqual(expected.get(command.join(' ')));
    }
    const stats = qalamAsReader(['stats', '--db', db, '--json'], folder);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 1, annotations: 2, tags: 2, collections: 1, path: db });
    // A backup is written where the user says, from the library as it is.
    const out = writableFolder('clean-backup');
    const backup = qalamAsReader(['backup', join(out, 'copy.sqlite'), '--db', db], folder);
    expect(backup.status).toBe(0);
    const copy = new Database(join(out, 'copy.sqlite'), { readonly: true });
    expect(copy.prepare('SELECT exact FROM annotations ORDER BY id').pluck().all()).toEqual(['Қозоғистон', 'Россия']);
    copy.close();
    expect(snapshot(folder)).toEqual(before);
  }, 120_000);

  it('refuses to change it in one line and leaves every byte as it was', async () => {
    const folder = readOnlyFolder('refuse', [source]);
    const before = snapshot(folder);
    const db = join(folder, 'lib.sqlite');
    const w3c = join(dir, 'passages.jsonld');
    expect((await qalam(['export', '--format', 'w3c', '--out', w3c, '--db', source])).code).toBe(0);
    for (const command of [
      ['annotate', '1', '--quote', 'Россия', '--tag', 'Elsewhere'],
      ['import', seedDir],
      ['import-annotations', w3c],
      ['collection', 'create', 'More'],
      ['collection', 'add', 'Reading', '1'],
    ]) {
      const r = qalamAsReader([...command, '--db', db], folder);
      expect(r.status, command[0]).toBe(1);
      expect(r.stdout, command[0]).toBe('');
      expect(r.stderr.trim().split('\n'), command[0]).toHaveLength(1);
      expect(r.stderr, command[0]).toMatch(
        /^qalam [\w-]+: \S+lib\.sqlite cannot be written \((the file|its folder \S+) is read-only\); Qalam needs to write to the library file and to its folder to change it\. It has not been changed\.\n$/,
      );
    }
    expect(snapshot(folder)).toEqual(before);
  }, 120_000);

  it("reads the changes a running Qalam left in the write-ahead log, when the log came with the library's other files", async () => {
    // A copy taken while Qalam had the library open: a change is in the log, not yet in the file.
    const holder = new Database(source);
    holder.pragma('wal_autocheckpoint = 0');
    holder.prepare('SELECT count(*) FROM articles').get();
    expect((await qalam(['annotate', '1', '--quote', 'Москва', '--tag', 'Places/Moscow', '--db', source])).code).toBe(0);
    const annotations = (await qalam(['annotations', '--db', source, '--json'])).json();
    expect(annotations.total).toBe(3);
    const folder = readOnlyFolder('copied-while-open', [source, `${source}-wal`, `${source}-shm`]);
    const noIndex = readOnlyFolder('copied-without-index', [source, `${source}-wal`]);
    holder.close();
    expect(statSync(join(folder, 'lib.sqlite-wal')).size).toBeGreaterThan(0);
    const before = snapshot(folder);
    const db = join(folder, 'lib.sqlite');

    const r = qalamAsReader(['annotations', '--db', db, '--json'], folder);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(annotations);
    // An export is written where the user says and holds what the library holds.
    const out = writableFolder('copied-export');
    const csv = qalamAsReader(['export', '--format', 'csv', '--out', join(out, 'passages.csv'), '--db', db, '--json'], folder);
    expect(csv.status, csv.stderr).toBe(0);
    expect(JSON.parse(csv.stdout)).toMatchObject({ path: join(out, 'passages.csv'), annotations: 3 });
    const written = readFileSync(join(out, 'passages.csv'), 'utf8');
    for (const quote of ['Қозоғистон', 'Россия', 'Москва']) expect(written).toContain(quote);
    expect(readdirSync(out)).toEqual(['passages.csv']);
    expect(snapshot(folder)).toEqual(before);

    // Without the log's index beside it, the log cannot be read from a read-only folder; reading
    // the file alone would quietly lose the change, so the library is refused instead.
    const lost = snapshot(noIndex);
    const refused = qalamAsReader(['annotations', '--db', join(noIndex, 'lib.sqlite')], noIndex);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/lib\.sqlite cannot be read here: its last changes are in lib\.sqlite-wal, which can be read only with lib\.sqlite-shm beside it.*It has not been changed\.\n$/);
    expect(snapshot(noIndex)).toEqual(lost);
  }, 120_000);

  it('exports a cleanly closed library from a read-only folder, in every format that reads it through a connection of its own', async () => {
    const annotations = (await qalam(['annotations', '--db', source, '--json'])).json() as { total: number; annotations: { exact: string }[] };
    expect(existsSync(`${source}-wal`)).toBe(false);
    const folder = readOnlyFolder('clean-export', [source]);
    const before = snapshot(folder);
    const out = writableFolder('clean-export-out');
    const db = join(folder, 'lib.sqlite');
    const csv = qalamAsReader(['export', '--format', 'csv', '--out', join(out, 'passages.csv'), '--db', db, '--json'], folder);
    expect(csv.status, csv.stderr).toBe(0);
    expect(JSON.parse(csv.stdout)).toMatchObject({ annotations: annotations.total });
    const written = readFileSync(join(out, 'passages.csv'), 'utf8');
    for (const a of annotations.annotations) expect(written).toContain(a.exact);
    const w3c = qalamAsReader(['export', '--format', 'w3c', '--out', join(out, 'passages.jsonld'), '--db', db, '--json'], folder);
    expect(w3c.status, w3c.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'passages.jsonld'), 'utf8'))).toBeTruthy();
    expect(readdirSync(out).sort()).toEqual(['passages.csv', 'passages.jsonld']);
    expect(snapshot(folder)).toEqual(before);
  }, 60_000);

  it('says a library of an older or newer schema cannot be read from a read-only folder, and changes nothing', () => {
    // A library made before the next schema step (given here as the migrations to bring it to)
    // would have to be upgraded, which needs write access.
    const folder = readOnlyFolder('older', [source]);
    const before = snapshot(folder);
    const script = `
      const { openLibrary } = await import('./electron/core/db/open.ts');
      const { loadMigrations } = await import('./electron/core/db/migrate.ts');
      const migrations = [...loadMigrations(), { version: loadMigrations().length + 1, name: 'next.sql', sql: 'CREATE TABLE next_thing (x)' }];
      try {
        const lib = openLibrary(process.argv[1], { readOnlyIfUnwritable: true, migrations });
        console.log('opened at schema ' + lib.schemaVersion);
      } catch (e) {
        console.log(e.code + ': ' + e.message);
      }`;
    const r = asReader(['--import', 'tsx', '--input-type=module', '-e', script, join(folder, 'lib.sqlite')], repoRoot);
    expect(r.stderr).toBe('');
    const latest = loadMigrations().length;
    expect(r.stdout).toBe(
      `read_only: ${join(folder, 'lib.sqlite')} was written by an older version of Qalam (schema ${latest}; this version uses ${latest + 1}) and has to be upgraded before it can be read, ` +
        'which needs write access: open it once with this Qalam where the file and its folder may be written. It has not been changed.\n',
    );
    expect(snapshot(folder)).toEqual(before);

    // A library from a newer Qalam keeps its own message.
    const future = join(dir, 'future.sqlite');
    copyFileSync(source, future);
    const f = new Database(future);
    f.pragma('user_version = 999');
    f.close();
    const newer = readOnlyFolder('newer', [future]);
    const was = snapshot(newer);
    const t = qalamAsReader(['tags', '--db', join(newer, 'future.sqlite')], newer);
    expect(t.status).toBe(1);
    expect(t.stderr).toBe(`qalam tags: This library was written by a newer version of Qalam (schema 999; this version knows up to ${loadMigrations().length}). Update Qalam to open it; the file has not been changed.\n`);
    expect(snapshot(newer)).toEqual(was);
  }, 60_000);
});
