import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, seedDir, tempDir } from '../../../tests/support/corpus.js';
import { qalam } from '../../../tests/support/cli.js';
import { openLibrary } from '../../core/db/open.js';

let dir: string;
let db: string;
let cleanup: () => void;
const ids: Record<string, number> = {};
const texts: Record<string, string> = {};

// A library made by `qalam import`: the seed article and a Telegram post with emoji.
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'lib.sqlite');
  const r = await qalam(['import', seedDir, corpus('ru', 'gazetauz-tg-01477.txt'), '--db', db, '--json']);
  expect(r.code, r.err).toBe(0);
  const lib = openLibrary(db);
  for (const row of lib.db.prepare('SELECT id, orig_path, text FROM articles').all() as { id: number; orig_path: string; text: string }[]) {
    const key = row.orig_path.startsWith(seedDir) ? 'seed' : 'ru';
    ids[key] = row.id;
    texts[key] = row.text;
  }
  lib.close();
});

afterAll(() => cleanup());

const cp = (s: string) => Array.from(s).length;

describe('qalam annotate', () => {
  it('annotates the first occurrence and prints code point positions and tag names', async () => {
    const r = await qalam(['annotate', String(ids.seed), '--quote', 'Марказий Осиё', '--tag', 'Region', '--tag', 'Places/Asia', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    const start = texts.seed.indexOf('Марказий Осиё');
    expect(r.json()).toEqual({ id: expect.any(Number), start, end: start + 13, exact: 'Марказий Осиё', tags: ['Region', 'Places/Asia'] });
  });

  it('takes the n-th occurrence', async () => {
    const r = await qalam(['annotate', String(ids.seed), '--quote', 'Марказий Осиё', '--occurrence', '3', '--tag', 'Region', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    let at = -1;
    for (let i = 0; i < 3; i++) at = texts.seed.indexOf('Марказий Осиё', at + 1);
    expect(r.json().start).toBe(at);
  });

  it('counts code points after an emoji, not UTF-16 units', async () => {
    const r = await qalam(['annotate', String(ids.ru), '--quote', 'Uzcard', '--tag', 'Payments', '--note', 'карта', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    const utf16 = texts.ru.indexOf('Uzcard');
    const start = cp(texts.ru.slice(0, utf16));
    expect(start).toBe(utf16 - 1); // one emoji before it, two units, one code point
    expect(r.json()).toMatchObject({ start, end: start + 6, exact: 'Uzcard', tags: ['Payments'] });
  });

  it('exits 2 with one clear line when the text or the article is not there, and changes nothing', async () => {
    const before = (await qalam(['annotations', '--db', db, '--json'])).json().total;
    const missing = await qalam(['annotate', String(ids.seed), '--quote', 'Ташкент шаҳри', '--tag', 'Nowhere', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`qalam annotate: "Ташкент шаҳри" does not occur in article ${ids.seed}.\n`);
    const tooFar = await qalam(['annotate', String(ids.seed), '--quote', 'Владислав Кондратьев', '--occurrence', '2', '--tag', 'X', '--db', db]);
    expect(tooFar.code).toBe(2);
    expect(tooFar.err).toMatch(/occurs 1 time in article \d+; there is no occurrence 2\.\n$/);
    const noArticle = await qalam(['annotate', '9999', '--quote', 'x', '--tag', 'X', '--db', db]);
    expect(noArticle.code).toBe(2);
    expect(noArticle.err).toMatch(/^qalam annotate: There is no article 9999\b.*\n$/);
    const noTag = await qalam(['annotate', String(ids.seed), '--quote', 'Москва', '--db', db]);
    expect(noTag.code).toBe(2);
    expect(noTag.err).toMatch(/at least one --tag/);
    const badId = await qalam(['annotate', 'first', '--quote', 'Москва', '--tag', 'X', '--db', db]);
    expect(badId.code).toBe(2);
    expect((await qalam(['annotations', '--db', db, '--json'])).json().total).toBe(before);
    const tags = (await qalam(['tags', '--db', db, '--json'])).json().tags.map((t: { name: string }) => t.name);
    expect(tags).not.toContain('Nowhere');
    expect(tags).not.toContain('X');
  });
});

describe('qalam annotations', () => {
  it('lists every annotation with code point positions, tags and notes', async () => {
    const r = await qalam(['annotations', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    const { total, annotations } = r.json();
    expect(total).toBe(3);
    expect(annotations).toHaveLength(3);
    for (const a of annotations) {
      expect(Object.keys(a).sort()).toEqual(['articleId', 'end', 'exact', 'id', 'note', 'start', 'tags']);
      const text = a.articleId === ids.ru ? texts.ru : texts.seed;
      expect(Array.from(text).slice(a.start, a.end).join('')).toBe(a.exact);
    }
    expect(annotations.find((a: { exact: string }) => a.exact === 'Uzcard')).toMatchObject({ articleId: ids.ru, note: 'карта', tags: ['Payments'] });
  });

  it('filters by article and by tag (name or path)', async () => {
    const seed = (await qalam(['annotations', '--article', String(ids.seed), '--db', db, '--json'])).json();
    expect(seed.total).toBe(2);
    expect(seed.annotations.every((a: { articleId: number }) => a.articleId === ids.seed)).toBe(true);
    expect(seed.annotations[0].start).toBeLessThan(seed.annotations[1].start);
    const asia = (await qalam(['annotations', '--tag', 'Places/Asia', '--db', db, '--json'])).json();
    expect(asia.total).toBe(1);
    expect((await qalam(['annotations', '--tag', 'asia', '--db', db, '--json'])).json().total).toBe(1);
    const both = (await qalam(['annotations', '--article', String(ids.ru), '--tag', 'Region', '--db', db, '--json'])).json();
    expect(both).toEqual({ total: 0, annotations: [] });
    const none = await qalam(['annotations', '--tag', 'Economy', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/There is no tag "Economy"/);
    expect((await qalam(['annotations', '--article', '4242', '--db', db])).code).toBe(2);
  });

  it('prints a readable table without --json', async () => {
    const r = await qalam(['annotations', '--db', db]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('3 annotations');
    expect(lines[1]).toMatch(/^id\s+article\s+position\s+tags\s+passage$/);
    expect(lines.some((l) => l.includes('"Uzcard"  note: карта'))).toBe(true);
  });
});

describe('qalam tags', () => {
  it('prints the codebook as a tree with counts', async () => {
    const r = await qalam(['tags', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    const { total, tags } = r.json();
    expect(total).toBe(4);
    expect(tags.map((t: { path: string; count: number }) => `${t.path}:${t.count}`)).toEqual(['Payments:1', 'Places:0', 'Places/Asia:1', 'Region:2']);
    const places = tags.find((t: { name: string }) => t.name === 'Places');
    expect(tags.find((t: { name: string }) => t.name === 'Asia')).toMatchObject({ parent: places.id, color: expect.stringMatching(/^#[0-9a-f]{6}$/), description: '' });
    const text = await qalam(['tags', '--db', db]);
    expect(text.out.split('\n')[2]).toMatch(/^ {2}Asia\s+1 {2}#[0-9a-f]{6} {2}\[\d+\]$/);
  });

  it('has --help for every command, naming code points', async () => {
    for (const name of ['annotate', 'annotations', 'tags']) {
      const r = await qalam([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^qalam ${name} — `));
      expect(r.out).toContain(`Usage: qalam ${name}`);
    }
    expect((await qalam(['annotate', '--help'])).out).toMatch(/code points/);
  });
});
