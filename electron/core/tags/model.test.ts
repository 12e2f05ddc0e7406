import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpus, seedDir, tempDir } from '../../../tests/support/corpus.js';
import { openArchive, type Archive } from '../archive.js';
import { invoke } from '../dispatch.js';
import type { Library } from '../db/open.js';
import { createAnnotation } from '../annotations/model.js';
import { createTag, deleteTag, findOrCreateTagPath, findTagByName, getTag, listTags, mergeTags, updateTag } from './model.js';
import { TAG_PALETTE } from './palette.js';
import { QalamError } from '../errors.js';

let archive: Archive;
let lib: Library;
let cleanup: () => void;
let seedId: number;
let ruId: number;
let seedText: string;

// A fresh library per test, with the seed article and one Russian post imported for real.
beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  archive = openArchive(join(t.dir, 'lib.sqlite'));
  lib = archive.ctx.lib;
  const { jobId } = await archive.handlers.importPaths({ paths: [seedDir, corpus('ru', 'gazetauz-tg-01477.txt')] }, { transport: 'test' });
  const status = await archive.ctx.jobs.wait(jobId);
  expect(status.state).toBe('done');
  const rows = lib.db.prepare('SELECT id, orig_path, text FROM articles').all() as { id: number; orig_path: string; text: string }[];
  const seed = rows.find((r) => r.orig_path.startsWith(seedDir))!;
  seedId = seed.id;
  seedText = seed.text;
  ruId = rows.find((r) => r.orig_path.endsWith('gazetauz-tg-01477.txt'))!.id;
});

afterEach(() => {
  archive.close();
  cleanup();
});

/// Annotate the first occurrence of `quote` in the seed article.
function annotate(quote: string, tagNames: string[]) {
  const start = seedText.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return createAnnotation(lib, { articleId: seedId, start, end: start + quote.length, tagNames });
}

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (e) {
    return e instanceof QalamError ? `${e.code}: ${e.message}` : `thrown: ${String(e)}`;
  }
  return 'no error';
}

describe('the codebook', () => {
  it('creates tags with distinct default colours and lists them as a tree with paths', () => {
    const politics = createTag(lib, { name: 'Сиёсат' });
    const economy = createTag(lib, { name: 'Economy', description: 'Trade, investment, prices' });
    const trade = createTag(lib, { name: 'Trade', parentId: economy.id });
    expect(new Set([politics.color, economy.color, trade.color]).size).toBe(3);
    for (const c of [politics.color, economy.color, trade.color]) expect(TAG_PALETTE).toContain(c);
    expect(politics.uid).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    const list = listTags(lib);
    expect(list.map((t) => t.path.join('/'))).toEqual(['Economy', 'Economy/Trade', 'Сиёсат']);
    expect(list[1]).toMatchObject({ name: 'Trade', parentId: economy.id, count: 0, description: '' });
    expect(list[0].description).toBe('Trade, investment, prices');
  });

  it('uses every palette colour once before repeating one', () => {
    const colors = TAG_PALETTE.map((_, i) => createTag(lib, { name: `Code ${i + 1}` }).color);
    expect(new Set(colors).size).toBe(TAG_PALETTE.length);
    expect(TAG_PALETTE).toContain(createTag(lib, { name: 'One more' }).color);
    expect(createTag(lib, { name: 'Own colour', color: '#AA3366' }).color).toBe('#aa3366');
  });

  it('refuses a second sibling of the same name, in any script and case', () => {
    createTag(lib, { name: 'Россия' });
    expect(codeOf(() => createTag(lib, { name: 'россия' }))).toMatch(/^conflict: There is already a tag "Россия"/);
    // The same name under another parent is fine.
    const parent = createTag(lib, { name: 'Countries' });
    expect(createTag(lib, { name: 'Россия', parentId: parent.id }).path).toEqual(['Countries', 'Россия']);
    expect(codeOf(() => createTag(lib, { name: 'a/b' }))).toMatch(/^bad_input: .*cannot contain "\/"/);
    expect(codeOf(() => createTag(lib, { name: '   ' }))).toMatch(/^bad_input: A tag needs a name/);
    expect(codeOf(() => createTag(lib, { name: 'x', color: 'red' }))).toMatch(/^bad_input: A colour is written #rrggbb/);
    expect(codeOf(() => createTag(lib, { name: 'x', parentId: 999 }))).toMatch(/^not_found/);
  });

  it('refuses names that cannot be told apart or would scramble a list, and counts characters as people do', () => {
    createTag(lib, { name: 'Places' });
    // Invisible characters at either end are not part of the name: this is the same tag again.
    expect(codeOf(() => createTag(lib, { name: 'Places\u200b' }))).toMatch(/^conflict: There is already a tag "Places"/);
    expect(codeOf(() => createTag(lib, { name: '\u2060Places\ufeff' }))).toMatch(/^conflict/);
    for (const name of ['\u200b', '\u200f', '\u200d\u200d', '\u0301', '\u2060\u2060']) {
      expect(codeOf(() => createTag(lib, { name })), JSON.stringify(name)).toMatch(/^bad_input: (A tag needs a name|A tag name needs at least one visible)/);
    }
    expect(codeOf(() => createTag(lib, { name: 'a\u0001b' }))).toBe('bad_input: A tag name cannot contain control characters.');
    expect(codeOf(() => createTag(lib, { name: '\u0007bell' }))).toBe('bad_input: A tag name cannot contain control characters.');
    expect(codeOf(() => createTag(lib, { name: '\u202eevil' }))).toMatch(/^bad_input: A tag name cannot contain text-direction controls/);
    expect(codeOf(() => createTag(lib, { name: 'lone\ud800surrogate' }))).toMatch(/^bad_input: A tag name must be valid Unicode/);
    expect(codeOf(() => findOrCreateTagPath(lib, 'Places/\u202eevil'))).toMatch(/^bad_input: .*text-direction/);
    // Joiners inside a name hold emoji and scripts together, and stay.
    expect(createTag(lib, { name: '👩\u200d💻 Coders' }).name).toBe('👩\u200d💻 Coders');
    // 200 emoji are 200 characters (400 UTF-16 units), and allowed; 201 are not.
    expect(createTag(lib, { name: '🌍'.repeat(200) }).name).toHaveLength(400);
    expect(codeOf(() => createTag(lib, { name: '🌍'.repeat(201) }))).toBe('bad_input: A tag name is at most 200 characters long.');
    expect(listTags(lib).map((t) => t.name)).toEqual(expect.arrayContaining(['Places', '👩\u200d💻 Coders']));
    expect(listTags(lib)).toHaveLength(3);
  });

  it('finds or creates tags by path, and finds a bare name anywhere in the tree', () => {
    const trade = findOrCreateTagPath(lib, 'Economy / Trade');
    expect(trade.path).toEqual(['Economy', 'Trade']);
    expect(findOrCreateTagPath(lib, 'economy/trade').id).toBe(trade.id);
    expect(findOrCreateTagPath(lib, 'Trade').id).toBe(trade.id);
    expect(listTags(lib)).toHaveLength(2);
    findOrCreateTagPath(lib, 'Politics/Trade');
    expect(codeOf(() => findTagByName(lib, 'Trade'))).toBe(
      'bad_input: "Trade" names 2 tags (Economy/Trade, Politics/Trade); write the one you mean as a path.',
    );
    expect(findTagByName(lib, 'Nothing/Here')).toBeNull();
    expect(codeOf(() => findOrCreateTagPath(lib, 'Economy//Trade'))).toMatch(/^bad_input: .*a name is missing/);
  });

  it('counts the annotations carrying each tag', () => {
    annotate('Владислав Кондратьев', ['People', 'Experts']);
    annotate('Қасим-Жомарт Тоқаев', ['People']);
    const counts = Object.fromEntries(listTags(lib).map((t) => [t.name, t.count]));
    expect(counts).toEqual({ Experts: 1, People: 2 });
  });

  it('renames and re-colours a tag, keeping its annotations', () => {
    const a = annotate('Марказий Осиё', ['Region']);
    const region = getTag(lib, a.tagIds[0]);
    const renamed = updateTag(lib, region.id, { name: 'Central Asia', color: '#123456', description: 'The five republics' });
    expect(renamed).toMatchObject({ id: region.id, uid: region.uid, name: 'Central Asia', color: '#123456', count: 1, description: 'The five republics' });
    createTag(lib, { name: 'Europe' });
    expect(codeOf(() => updateTag(lib, region.id, { name: 'europe' }))).toMatch(/^conflict/);
    expect(updateTag(lib, region.id, { name: 'central asia' }).name).toBe('central asia'); // its own name in another case
  });

  it('moves a tag under another and back to the top, and refuses a cycle', () => {
    const geo = createTag(lib, { name: 'Geography' });
    const asia = createTag(lib, { name: 'Asia', parentId: geo.id });
    const central = createTag(lib, { name: 'Central', parentId: asia.id });
    const topic = createTag(lib, { name: 'Topic' });
    expect(updateTag(lib, geo.id, { parentId: topic.id }).path).toEqual(['Topic', 'Geography']);
    expect(getTag(lib, central.id).path).toEqual(['Topic', 'Geography', 'Asia', 'Central']);
    expect(codeOf(() => updateTag(lib, geo.id, { parentId: central.id }))).toBe(
      'bad_input: "Geography" cannot move under "Topic/Geography/Asia/Central", which is inside it.',
    );
    expect(codeOf(() => updateTag(lib, geo.id, { parentId: geo.id }))).toMatch(/^bad_input: A tag cannot be its own parent/);
    expect(getTag(lib, geo.id).parentId).toBe(topic.id); // the refused moves changed nothing
    expect(updateTag(lib, geo.id, { parentId: null }).path).toEqual(['Geography']);
  });

  it('merges a tag into another: annotations follow, a passage that had both keeps one', () => {
    const both = annotate('Владислав Кондратьев', ['Expert', 'Analyst']);
    const onlySource = annotate('сиёсатшунос', ['Analyst']);
    const source = findTagByName(lib, 'Analyst')!;
    const target = findTagByName(lib, 'Expert')!;
    expect(both.tagIds.sort()).toEqual([source.id, target.id].sort());
    const childOfSource = createTag(lib, { name: 'Political', parentId: source.id });
    const merged = mergeTags(lib, source.id, target.id);
    expect(merged).toMatchObject({ id: target.id, count: 2 });
    expect(getTag(lib, childOfSource.id).path).toEqual(['Expert', 'Political']);
    expect(lib.db.prepare('SELECT tag_id FROM annotation_tags WHERE annotation_id = ?').all(both.id)).toEqual([{ tag_id: target.id }]);
    expect(lib.db.prepare('SELECT tag_id FROM annotation_tags WHERE annotation_id = ?').all(onlySource.id)).toEqual([{ tag_id: target.id }]);
    expect(listTags(lib).map((t) => t.name)).toEqual(['Expert', 'Political']);
  });

  it('merges same-named children together and refuses merging a tag into its own sub-tag', () => {
    const a = findOrCreateTagPath(lib, 'Old/People');
    const b = findOrCreateTagPath(lib, 'New/People');
    annotate('Қасим-Жомарт Тоқаев', ['Old/People']);
    annotate('Владислав Кондратьев', ['New/People']);
    mergeTags(lib, a.parentId!, b.parentId!);
    expect(listTags(lib).map((t) => `${t.path.join('/')}:${t.count}`)).toEqual(['New:0', 'New/People:2']);
    expect(getTag(lib, b.id).count).toBe(2);
    expect(codeOf(() => mergeTags(lib, b.parentId!, b.id))).toMatch(/^bad_input: "New" cannot be merged into "People", which is inside it/);
    expect(codeOf(() => mergeTags(lib, b.id, b.id))).toMatch(/^bad_input: A tag cannot be merged into itself/);
  });

  it('refuses to delete a tag in use unless forced, says why, and keeps the annotations', () => {
    const a = annotate('Владислав Кондратьев', ['People/Experts']);
    annotate('Қасим-Жомарт Тоқаев', ['People']);
    const people = findTagByName(lib, 'People')!;
    expect(codeOf(() => deleteTag(lib, people.id))).toBe(
      'in_use: "People" or one of its 1 sub-tag (which would go too) is on 2 annotations. ' +
        'Deleting removes the tag from them but keeps the annotations. They have no other tag: they stay in their articles, untagged. ' +
        'Confirm to delete it anyway.',
    );
    // A passage that also carries another tag keeps it, and is not counted as left untagged.
    annotate('Россия', ['People', 'Places']);
    expect(codeOf(() => deleteTag(lib, people.id))).toMatch(/is on 3 annotations\. .* 2 of them have no other tag: they stay in their articles, untagged\./);
    lib.db.prepare("DELETE FROM annotations WHERE id = (SELECT MAX(id) FROM annotations)").run();
    deleteTag(lib, findTagByName(lib, 'Places')!.id);
    expect(listTags(lib)).toHaveLength(2);
    expect(deleteTag(lib, people.id, true)).toEqual({ deleted: 2, annotationsAffected: 2 });
    expect(listTags(lib)).toEqual([]);
    const kept = lib.db.prepare('SELECT COUNT(*) AS n FROM annotations').get() as { n: number };
    expect(kept.n).toBe(2);
    expect(lib.db.prepare('SELECT COUNT(*) AS n FROM annotation_tags WHERE annotation_id = ?').get(a.id)).toEqual({ n: 0 });
    const unused = createTag(lib, { name: 'Unused' });
    expect(deleteTag(lib, unused.id)).toEqual({ deleted: 1, annotationsAffected: 0 });
  });

  it('answers through the contract, with codes a caller can act on', async () => {
    const h = archive.handlers;
    const tag = await invoke(h, 'createTag', { name: 'Investments' });
    expect(tag.color).toMatch(/^#[0-9a-f]{6}$/);
    await invoke(h, 'createAnnotation', { articleId: ruId, start: 0, end: 3, tagIds: [tag.id] });
    await expect(invoke(h, 'deleteTag', { id: tag.id })).rejects.toMatchObject({ code: 'in_use' });
    await expect(invoke(h, 'createTag', { name: 'a/b' })).rejects.toMatchObject({ code: 'bad_input' });
    await expect(invoke(h, 'updateTag', { id: 12345, name: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await invoke(h, 'deleteTag', { id: tag.id, force: true })).toEqual({ deleted: 1, annotationsAffected: 1 });
    expect(await invoke(h, 'listTags', {})).toEqual([]);
  });

  it('lists siblings in the alphabetical order of the archive’s languages, parents before their children', () => {
    for (const path of ['Ўзбекистон', 'Уй', 'Яшил', 'әдебиет', 'Әлем', 'Абай', 'zeta', 'Älem/Ішкі', 'Älem/Ы', 'alpha']) findOrCreateTagPath(lib, path);
    const order = ['alpha', 'Älem', 'Älem / Ы', 'Älem / Ішкі', 'zeta', 'Абай', 'әдебиет', 'Әлем', 'Уй', 'Ўзбекистон', 'Яшил'];
    const listed = listTags(lib).map((t) => t.path.join(' / '));
    expect(listed.filter((p) => order.includes(p))).toEqual(order);
  });
});
