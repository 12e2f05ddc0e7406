import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../archive.js';
import { loadMigrations } from '../db/migrate.js';
import { openLibrary } from '../db/open.js';
import { invoke } from '../dispatch.js';
import { addSamplePassages, addSampleTags, corpusFiles, importedArchive } from '../export/sample-library.js';
import { runCli } from '../../cli/main.js';

let dir: string;
let archive: Archive;
let ids: number[];
let tags: Map<string, number>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-collections-'));
  archive = await importedArchive(join(dir, 'library.qalam'), corpusFiles({ en: 6, ru: 4 }));
  ids = archive.ctx.lib.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
  tags = addSampleTags(archive.ctx.lib);
  // Passages of "Trade" only in the first two articles.
  addSamplePassages(archive.ctx.lib, ids.slice(0, 2), [tags.get('Economy/Trade')!], 3);
});
afterAll(() => {
  archive?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('collections', () => {
  it('adds and removes by hand; unknown ids add nothing', async () => {
    const h = archive.handlers;
    const c = await invoke(h, 'createCollection', { name: 'Reading list', description: 'to read' });
    expect(c.count).toBe(0);
    expect((await invoke(h, 'addToCollection', { id: c.id, articleIds: ids.slice(0, 3) })).count).toBe(3);
    await expect(invoke(h, 'addToCollection', { id: c.id, articleIds: [ids[4], 999_999] })).rejects.toThrow(/No article with id 999999; nothing was added/);
    expect((await invoke(h, 'listCollections', {})).find((x) => x.id === c.id)!.count).toBe(3);
    expect((await invoke(h, 'removeFromCollection', { id: c.id, articleIds: [ids[0]] })).count).toBe(2);
    await expect(invoke(h, 'createCollection', { name: 'reading LIST' })).rejects.toThrow(/already exists/);
  });

  it('tells names apart regardless of case in every script, and refuses control characters', async () => {
    const h = archive.handlers;
    const c = await invoke(h, 'createCollection', { name: 'Тадқиқот' });
    await expect(invoke(h, 'createCollection', { name: 'ТАДҚИҚОТ' })).rejects.toThrow('A collection named "ТАДҚИҚОТ" already exists.');
    await expect(invoke(h, 'createCollection', { name: ' тадқиқот ' })).rejects.toThrow(/already exists/);
    await expect(invoke(h, 'createCollection', { name: 'X\u001b[31m' })).rejects.toThrow('A collection name cannot contain control characters.');
    await expect(invoke(h, 'renameCollection', { id: c.id, name: 'Bell\u0007' })).rejects.toThrow(/control characters/);
    expect((await invoke(h, 'listCollections', {})).filter((x) => x.name.toLocaleLowerCase() === 'тадқиқот')).toHaveLength(1);
  });

  it('lists collections in the alphabetical order of their names, whatever the script and case', async () => {
    const h = archive.handlers;
    for (const name of ['Ягона', 'қарор', 'Кеңес', 'ўқув', 'Уй', 'Әлем', 'апрель', 'zeta', 'Älem', 'alpha']) await invoke(h, 'createCollection', { name });
    const names = (await invoke(h, 'listCollections', {})).map((c) => c.name);
    const order = ['alpha', 'Älem', 'zeta', 'апрель', 'Әлем', 'Кеңес', 'қарор', 'Уй', 'ўқув', 'Ягона'];
    expect(names.filter((n) => order.includes(n))).toEqual(order);
  });

  it('adds every article with a passage of a tag or of its children', async () => {
    const h = archive.handlers;
    const c = await invoke(h, 'createCollection', { name: 'Economy' });
    const r = await invoke(h, 'addToCollection', { id: c.id, tagId: tags.get('Economy')! });
    expect(r.count).toBe(2);
  });

  it('a saved search follows its query as the library grows', async () => {
    const h = archive.handlers;
    const hits = await invoke(h, 'search', { query: 'the', limit: 200 });
    const c = await invoke(h, 'createCollection', { name: 'Saved', query: 'the' });
    expect(c.query).toBe('the');
    expect(c.count).toBe(hits.total);
    expect(c.count).toBeGreaterThan(0);
    await expect(invoke(h, 'createCollection', { name: 'Broken', query: '"unclosed' })).rejects.toThrow();
    expect((await invoke(h, 'listCollections', {})).some((x) => x.name === 'Broken')).toBe(false);
  });

  it('a saved search from before script modes were kept still matches in every script, and no other mode can be stored', async () => {
    const path = join(dir, 'older.qalam');
    const older = openLibrary(path, { migrations: loadMigrations().slice(0, 1) });
    older.db.prepare("INSERT INTO collections (name, description, query, created_at) VALUES ('Saved before', '', 'the', '2024-01-01T00:00:00.000Z')").run();
    older.close();
    const lib = openLibrary(path);
    try {
      expect(lib.db.prepare("SELECT query, script FROM collections WHERE name = 'Saved before'").get()).toEqual({ query: 'the', script: 'any' });
      expect(() => lib.db.prepare("UPDATE collections SET script = 'latin'").run()).toThrow(/CHECK constraint failed/);
    } finally {
      lib.close();
    }
  });

  it('works from the command line', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), isTTY: false, env: {} };
    const db = ['--db', archive.ctx.lib.path];
    expect(await runCli(['collection', 'create', 'From CLI', ...db], io)).toBe(0);
    expect(await runCli(['collection', 'add', 'From CLI', String(ids[1]), String(ids[2]), ...db], io)).toBe(0);
    expect(await runCli(['collection', 'add', 'From CLI', '--tag', 'Economy/Trade', ...db], io)).toBe(0);
    out.length = 0;
    expect(await runCli(['collection', 'show', 'From CLI', ...db], io)).toBe(0);
    expect(out.join('').trim().split('\n')).toHaveLength(3);
    expect(await runCli(['collection', 'add', 'Nope', '1', ...db], io)).toBe(2);
    const file = join(dir, 'cli.csv');
    expect(await runCli(['export', '--format', 'csv', '--out', file, '--collection', 'From CLI', ...db], io)).toBe(0);
    expect(out.join('')).toMatch(/Wrote .*cli\.csv: 2 articles, 6 passages/);
  });
});
