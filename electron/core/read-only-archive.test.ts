// An archive on a library opened for reading only: reading calls answer as usual, and every
// change, a direct call or a job, is refused as `read_only` with a sentence saying why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from './archive.js';
import { dispatch } from './dispatch.js';
import { corpusFiles, importedArchive } from './export/sample-library.js';

let dir: string;
let archive: Archive;
const ctx = { transport: 'test' as const };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-read-only-archive-'));
  const path = join(dir, 'lib.sqlite');
  (await importedArchive(path, corpusFiles({ 'uz-cyrl': 3 }))).close();
  archive = openArchive(path, {}, { readonly: true });
});

afterAll(() => {
  archive?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an archive open for reading only', () => {
  it('says so, and answers reading calls', async () => {
    const info = await dispatch(archive.handlers, 'libraryInfo', {}, ctx);
    expect(info).toMatchObject({ ok: true, value: { articles: 3, readOnly: true } });
    expect(await dispatch(archive.handlers, 'listTags', {}, ctx)).toEqual({ ok: true, value: [] });
  });

  it('refuses a change as read_only, saying why', async () => {
    const r = await dispatch(archive.handlers, 'createTag', { name: 'Places' }, ctx);
    expect(r).toEqual({ ok: false, error: { code: 'read_only', message: expect.stringMatching(/^This library is open for reading only: Qalam may not write to it here .*Nothing was changed\.$/) } });
    expect(await dispatch(archive.handlers, 'listTags', {}, ctx)).toEqual({ ok: true, value: [] });
  });

  it('ends a job that would change it as failed with the same reason', async () => {
    const started = await dispatch(archive.handlers, 'importPaths', { paths: corpusFiles({ en: 2 }) }, ctx);
    expect(started.ok).toBe(true);
    const status = await archive.ctx.jobs.wait((started as { value: { jobId: string } }).value.jobId);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('read_only');
    expect((await dispatch(archive.handlers, 'libraryInfo', {}, ctx)) as unknown).toMatchObject({ value: { articles: 3 } });
  });
});
