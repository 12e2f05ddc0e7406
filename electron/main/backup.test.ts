import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../core/archive.js';
import { invoke } from '../core/dispatch.js';
import { backupLibrary, backupName } from './backup.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

describe('backup', () => {
  it('names the copy after the library and the day', () => {
    expect(backupName('/d/Uzbek press.qalam.sqlite', new Date('2025-03-09T12:00:00Z'))).toBe('Uzbek press-backup-2025-03-09.qalam.sqlite');
    expect(backupName('/d/notes.db', new Date('2025-03-09T12:00:00Z'))).toBe('notes.db-backup-2025-03-09.qalam.sqlite');
  });

  it('copies a real library consistently, never onto itself, never half-written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qalam-backup-'));
    const archive = openArchive(join(dir, 'lib.qalam.sqlite'));
    try {
      const files = readdirSync(join(corpus, 'ru')).filter((f) => f.endsWith('.txt')).slice(0, 4).map((f) => join(corpus, 'ru', f));
      const { jobId } = await invoke(archive.handlers, 'importPaths', { paths: files });
      const status = await archive.ctx.jobs.wait(jobId);
      expect(status.state).toBe('done');
      const articles = (await invoke(archive.handlers, 'libraryInfo', {})).articles;
      expect(articles).toBeGreaterThan(0);

      const dest = join(dir, 'copy.qalam.sqlite');
      writeFileSync(dest, 'an older backup');
      const done = await backupLibrary(archive.ctx.lib, dest);
      expect(done.pages).toBeGreaterThan(0);
      expect(existsSync(`${dest}.partial`)).toBe(false);
      const copy = openArchive(dest);
      try {
        expect((await invoke(copy.handlers, 'libraryInfo', {})).articles).toBe(articles);
      } finally {
        copy.close();
      }

      await expect(backupLibrary(archive.ctx.lib, join(dir, 'lib.qalam.sqlite'))).rejects.toMatchObject({ code: 'bad_input' });
      await expect(backupLibrary(archive.ctx.lib, join(dir, 'no-such-folder', 'x.sqlite'))).rejects.toMatchObject({ code: 'backup_failed' });
      expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    } finally {
      archive.close();
    }
  });
});
