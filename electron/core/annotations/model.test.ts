import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, seedDir, tempDir } from '../../../tests/support/corpus.js';
import { openArchive, type Archive } from '../archive.js';
import { invoke } from '../dispatch.js';
import type { Library } from '../db/open.js';
import { findTagByName, listTags } from '../tags/model.js';
import { createAnnotation, getAnnotation, listAnnotations, queryAnnotations } from './model.js';
import { reanchorArticle } from './reanchor.js';

let archive: Archive;
let lib: Library;
let cleanup: () => void;
const article = new Map<string, { id: number; text: string }>();

// One library for the file: the seed article, the Uzbek parallel pair uzt-053 (Cyrillic and
// Latin), a Russian post with emoji and a Reuters wire, imported for real.
const files = {
  seed: seedDir,
  uzCyrl: corpus('uz-cyrl', 'uzt-053.txt'),
  uzLatn: corpus('uz-latn', 'uzt-053.txt'),
  ru: corpus('ru', 'gazetauz-tg-01477.txt'),
  en: corpus('en', 'reuters-00001.txt'),
};

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  archive = openArchive(join(t.dir, 'lib.sqlite'));
  lib = archive.ctx.lib;
  const { jobId } = await archive.handlers.importPaths({ paths: Object.values(files) }, { transport: 'test' });
  expect((await archive.ctx.jobs.wait(jobId)).state).toBe('done');
  const rows = lib.db.prepare('SELECT id, orig_path, text FROM articles').all() as { id: number; orig_path: string; text: string }[];
  for (const [key, path] of Object.entries(files)) {
    const r = rows.find((row) => row.orig_path.startsWith(path))!;
    article.set(key, { id: r.id, text: r.text });
  }
});

afterAll(() => {
  archive.close();
  cleanup();
});

const h = () => archive.handlers;

/// The UTF-16 range of the n-th occurrence of `quote` in an article.
function range(key: string, quote: string, n = 1): { articleId: number; start: number; end: number } {
  const { id, text } = article.get(key)!;
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" occurs fewer than ${n} times in ${key}`);
  }
  return { articleId: id, start: at, end: at + quote.length };
}

describe('creating annotations', () => {
  it('takes the quote and 32 units of context from the text, and tags made on the fly', async () => {
    const r = range('seed', 'Владислав Кондратьев');
    const a = await invoke(h(), 'createAnnotation', { ...r, tagNames: ['Одамлар/Экспертлар'], note: 'сиёсатшунос' });
    const text = article.get('seed')!.text;
    expect(a).toMatchObject({ ...r, exact: 'Владислав Кондратьев', prefix: text.slice(r.start - 32, r.start), suffix: text.slice(r.end, r.end + 32) });
    expect(a).toMatchObject({ note: 'сиёсатшунос', status: 'anchored' });
    expect(a.uid).toMatch(/^urn:uuid:/);
    expect(a.createdAt).toBe(a.modifiedAt);
    const tag = findTagByName(lib, 'Одамлар/Экспертлар')!;
    expect(a.tagIds).toEqual([tag.id]);
    expect(tag.path).toEqual(['Одамлар', 'Экспертлар']);
  });

  it('refuses empty, out-of-range, white-space and half-character ranges, changing nothing', async () => {
    const { id, text } = article.get('ru')!;
    const card = text.indexOf('💳');
    const para = text.indexOf('\n');
    const tagsBefore = listTags(lib).length;
    const bad = [
      [{ start: 10, end: 10 }, /empty/],
      [{ start: 10, end: text.length + 5 }, /runs past the end of the text/],
      [{ start: para, end: para + 1 }, /only white space/],
      [{ start: card + 1, end: card + 8 }, /cuts a character in two/],
    ] as const;
    for (const [r, message] of bad) {
      await expect(invoke(h(), 'createAnnotation', { articleId: id, ...r, tagNames: ['Never made'] })).rejects.toMatchObject({
        code: 'bad_input',
        message: expect.stringMatching(message),
      });
    }
    await expect(invoke(h(), 'createAnnotation', { articleId: 999_999, start: 0, end: 4 })).rejects.toMatchObject({ code: 'not_found' });
    expect(listTags(lib)).toHaveLength(tagsBefore);
  });

  it('leaves no tag behind when a later tag name of the same call is refused', async () => {
    const r = range('en', 'Bahia');
    await expect(invoke(h(), 'createAnnotation', { ...r, tagNames: ['Cocoa', 'Crops//Bad'] })).rejects.toMatchObject({ code: 'bad_input' });
    expect(findTagByName(lib, 'Cocoa')).toBeNull();
  });

  it('anchors a passage after an emoji by UTF-16 offsets', async () => {
    const r = range('ru', 'Uzcard');
    const a = await invoke(h(), 'createAnnotation', { ...r, tagNames: ['Payments'] });
    expect(a.exact).toBe('Uzcard');
    expect(a.prefix.endsWith('💳')).toBe(true);
  });

  it('keeps overlapping annotations apart and lists them in text order', async () => {
    const outer = range('uzCyrl', article.get('uzCyrl')!.text.slice(0, 120).split('\n')[0]);
    const inner = { ...outer, start: outer.start + 10, end: outer.start + 40 };
    const tail = { ...outer, start: outer.start + 30, end: outer.end + 5 };
    const created = [];
    for (const r of [tail, outer, inner]) created.push(await invoke(h(), 'createAnnotation', { ...r, tagNames: ['Overlap'] }));
    const listed = await invoke(h(), 'listAnnotations', { articleId: outer.articleId });
    expect(listed.map((a) => [a.start, a.end])).toEqual([
      [outer.start, outer.end],
      [inner.start, inner.end],
      [tail.start, tail.end],
    ]);
    expect(new Set(listed.map((a) => a.id)).size).toBe(3);
  });
});

describe('changing and deleting annotations', () => {
  it('replaces tags and note, and only those', async () => {
    const r = range('seed', 'Марказий Осиё', 2);
    const a = await invoke(h(), 'createAnnotation', { ...r, tagNames: ['Region'] });
    const b = await invoke(h(), 'updateAnnotation', { id: a.id, tagNames: ['Region', 'Russia'], note: 'роли ўзгарди' });
    expect(b).toMatchObject({ start: a.start, end: a.end, exact: a.exact, note: 'роли ўзгарди', createdAt: a.createdAt });
    expect(b.tagIds).toHaveLength(2);
    const c = await invoke(h(), 'updateAnnotation', { id: a.id, note: '' });
    expect(c.tagIds).toEqual(b.tagIds);
    expect(c.note).toBe('');
    const d = await invoke(h(), 'updateAnnotation', { id: a.id, tagIds: [] });
    expect(d.tagIds).toEqual([]);
    await expect(invoke(h(), 'updateAnnotation', { id: 999_999, note: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('deletes an annotation and gives it back, so undo restores the same identity', async () => {
    const r = range('uzLatn', 'Qozog‘iston');
    const a = await invoke(h(), 'createAnnotation', { ...r, tagNames: ['Countries'], note: 'Latin script' });
    const gone = await invoke(h(), 'deleteAnnotation', { id: a.id });
    expect(gone).toEqual(a);
    expect((await invoke(h(), 'listAnnotations', { articleId: r.articleId })).some((x) => x.uid === a.uid)).toBe(false);
    const back = await invoke(h(), 'createAnnotation', { articleId: gone.articleId, start: gone.start, end: gone.end, tagIds: gone.tagIds, note: gone.note, uid: gone.uid });
    expect(back).toMatchObject({ uid: a.uid, tagIds: a.tagIds, note: 'Latin script', exact: a.exact });
    await expect(invoke(h(), 'createAnnotation', { ...r, uid: a.uid })).rejects.toMatchObject({ code: 'conflict' });
    await expect(invoke(h(), 'deleteAnnotation', { id: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('passages', () => {
  it('finds the passages of any or all of several tags, with context cut at word boundaries', async () => {
    const x = await invoke(h(), 'createAnnotation', { ...range('seed', 'Тоқаев', 2), tagNames: ['KWIC/Leaders', 'KWIC/Visits'] });
    const y = await invoke(h(), 'createAnnotation', { ...range('uzCyrl', 'Олмаота вилоятларида'), tagNames: ['KWIC/Leaders'] });
    const z = await invoke(h(), 'createAnnotation', { ...range('en', 'cocoa'), tagNames: ['KWIC/Visits'] });
    const leaders = findTagByName(lib, 'KWIC/Leaders')!.id;
    const visits = findTagByName(lib, 'KWIC/Visits')!.id;
    const any = await invoke(h(), 'passages', { tagIds: [leaders, visits], context: 40 });
    // Ordered by article date: Reuters 1987, UzTransliterator 2022, the seed 2025.
    expect(any.total).toBe(3);
    expect(any.items.map((p) => p.annotation.id)).toEqual([z.id, y.id, x.id]);
    expect(any.items.map((p) => p.articleDate)).toEqual(['1987-02-26', '2022-10-25', '2025-11-10']);
    const all = await invoke(h(), 'passages', { tagIds: [leaders, visits], match: 'all', context: 40 });
    expect(all.items.map((p) => p.annotation.id)).toEqual([x.id]);
    const p = all.items[0];
    expect(p).toMatchObject({ articleLang: 'uz-Cyrl', articleTitle: expect.stringContaining('Қозоғистон') });
    const text = article.get('seed')!.text;
    // The context is real text next to the passage, at most 40 units, never half a word.
    expect(text.slice(0, x.start).replace(/\s+/g, ' ').endsWith(p.before)).toBe(true);
    expect(text.slice(x.end).replace(/\s+/g, ' ').startsWith(p.after)).toBe(true);
    expect(p.before.length).toBeLessThanOrEqual(40);
    expect(p.after.length).toBeLessThanOrEqual(40);
    expect(p.before.length).toBeGreaterThan(20);
    const wordBefore = text.slice(0, x.start).replace(/\s+/g, ' ').slice(0, -p.before.length);
    expect(/[\p{L}\p{N}]$/u.test(wordBefore) && /^[\p{L}\p{N}]/u.test(p.before)).toBe(false);
    expect(p.annotation.tagIds.sort()).toEqual([leaders, visits].sort());
  });

  it('filters by language (a bare language takes in its scripts) and date, and pages', async () => {
    const tag = (await invoke(h(), 'createTag', { name: 'Filtered' })).id;
    const uzCyrl = article.get('uzCyrl')!.text;
    const words = [...uzCyrl.matchAll(/\p{L}{6,}/gu)].slice(0, 25);
    for (const m of words) {
      await invoke(h(), 'createAnnotation', { articleId: article.get('uzCyrl')!.id, start: m.index!, end: m.index! + m[0].length, tagIds: [tag] });
    }
    await invoke(h(), 'createAnnotation', { ...range('uzLatn', 'Olmaota viloyatlarida'), tagIds: [tag] });
    await invoke(h(), 'createAnnotation', { ...range('ru', 'приюта'), tagIds: [tag] });
    const uz = await invoke(h(), 'passages', { tagIds: [tag], lang: 'uz' });
    expect(uz.total).toBe(26);
    expect((await invoke(h(), 'passages', { tagIds: [tag], lang: 'uz-Latn' })).total).toBe(1);
    expect((await invoke(h(), 'passages', { tagIds: [tag], lang: 'ru' })).total).toBe(1);
    expect((await invoke(h(), 'passages', { tagIds: [tag], dateFrom: '2023-01-01' })).total).toBe(1);
    expect((await invoke(h(), 'passages', { tagIds: [tag], dateTo: '2022-12-31' })).total).toBe(26);
    const page1 = await invoke(h(), 'passages', { tagIds: [tag], lang: 'uz-Cyrl', limit: 10 });
    const page3 = await invoke(h(), 'passages', { tagIds: [tag], lang: 'uz-Cyrl', limit: 10, offset: 20 });
    expect(page1.total).toBe(25);
    expect(page1.items.map((p) => p.annotation.exact)).toEqual(words.slice(0, 10).map((m) => m[0]));
    expect(page3.items.map((p) => p.annotation.exact)).toEqual(words.slice(20).map((m) => m[0]));
    await expect(invoke(h(), 'passages', { tagIds: [999_999] })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('re-anchoring after the text changes', () => {
  it('keeps, moves or orphans each annotation and never drops one', async () => {
    const { id, text } = article.get('en')!;
    const tag = ['Reanchor'];
    const kept = createAnnotation(lib, { ...range('en', 'Bahia cocoa zone'), tagNames: tag });
    const moved = createAnnotation(lib, { ...range('en', 'Comissaria Smith'), tagNames: tag });
    const edited = createAnnotation(lib, { ...range('en', 'the 1986/87 crop'), tagNames: tag });
    const lost = createAnnotation(lib, { ...range('en', 'Arrivals for the week ended February 22'), tagNames: tag });
    const lostSentence = text.slice(lost.start, text.indexOf('.', lost.end) + 1);
    // An edit that leaves the first passage in place: text removed after it, text added before
    // the second, one word changed in the third, and the sentence of the fourth gone.
    let changed = text.replace(lostSentence, '');
    changed = changed.replace('Comissaria Smith', 'the trade house Comissaria Smith');
    changed = changed.replace('the 1986/87 crop', 'the 1986/1987 crop');
    expect(changed.indexOf('Bahia cocoa zone')).toBe(kept.start);
    lib.db.prepare('UPDATE articles SET text = ? WHERE id = ?').run(changed, id);
    const before = listAnnotations(lib, id).length; // with those other tests made on this article
    expect(reanchorArticle(lib, id)).toEqual({ anchored: before - 3, moved: 2, orphaned: 1 });
    expect(listAnnotations(lib, id)).toHaveLength(before);
    expect(getAnnotation(lib, kept.id)).toMatchObject({ status: 'anchored', start: kept.start, exact: 'Bahia cocoa zone' });
    const m = getAnnotation(lib, moved.id);
    expect(m.status).toBe('moved');
    expect(changed.slice(m.start, m.end)).toBe('Comissaria Smith');
    const e = getAnnotation(lib, edited.id);
    expect(e.status).toBe('moved');
    expect(changed.slice(e.start, e.end)).toBe('the 1986/1987 crop');
    expect(e.exact).toBe('the 1986/1987 crop');
    const o = getAnnotation(lib, lost.id);
    expect(o).toMatchObject({ status: 'orphaned', start: lost.start, end: lost.end, exact: lost.exact, prefix: lost.prefix });
    // Orphans still show in passages, with the context they remember.
    const tagId = findTagByName(lib, 'Reanchor')!.id;
    const orphanPassage = (await invoke(h(), 'passages', { tagIds: [tagId], context: 20 })).items.find((p) => p.annotation.id === lost.id)!;
    expect(lost.prefix.replace(/\s+/g, ' ').endsWith(orphanPassage.before)).toBe(true);
    // Restoring the text brings the orphan back to its place; "moved" stays for review.
    lib.db.prepare('UPDATE articles SET text = ? WHERE id = ?').run(text, id);
    const again = reanchorArticle(lib, id);
    expect(again.orphaned).toBe(0);
    expect(getAnnotation(lib, lost.id)).toMatchObject({ status: 'anchored', start: lost.start, end: lost.end });
    expect(getAnnotation(lib, moved.id)).toMatchObject({ status: 'moved', start: moved.start, end: moved.end });
    expect(queryAnnotations(lib, { articleId: id }).total).toBe(before);
  });
});
