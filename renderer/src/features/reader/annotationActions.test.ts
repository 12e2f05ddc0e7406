import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../../../shared/model.js';
import { describeError } from '../../state/describeError.js';
import { UndoStack } from '../../state/undo.js';
import { TagActions } from '../tags/tagActions.js';
import { AnnotationActions, type AnnotationApi, type AnnotationChange } from './annotationActions.js';
import { uzCyrlText } from '../../editor/test-fixtures.js';

const notFound = (message: string) => Object.assign(new Error(message), { code: 'not_found' });

/// An in-memory library that behaves like the archive: new row ids on every insert, uids kept
/// when given, tag names resolved to ids (created when missing), unknown tag ids refused, deleted
/// rows returned; tags can be created and deleted as the Tags view does.
function fakeApi(text: string) {
  const rows = new Map<number, Annotation>();
  const tags = new Map<number, Tag>();
  let nextId = 1;
  let nextUid = 1;
  let nextTag = 101;
  const calls: string[] = [];
  const addTag = (id: number, name: string, parentId: number | null = null): Tag => {
    const tag: Tag = { id, uid: `tag-${id}`, name, parentId, path: [name], color: '#336699', description: '', count: 0 };
    tags.set(id, tag);
    return tag;
  };
  addTag(1, 'Security');
  const byName = (name: string) => [...tags.values()].find((t) => t.name === name) ?? addTag(nextTag++, name);
  const resolveTags = (ids: number[] = [], names: string[] = []) => {
    for (const id of ids) if (!tags.has(id)) throw notFound(`There is no tag with id ${id}.`);
    return [...ids, ...names.map((n) => byName(n).id)];
  };
  const api: AnnotationApi = {
    async createAnnotation(input) {
      calls.push('create');
      if (input.uid && [...rows.values()].some((r) => r.uid === input.uid)) throw new Error('uid already exists');
      const tagIds = resolveTags(input.tagIds, input.tagNames);
      const id = nextId++;
      const row: Annotation = {
        id,
        uid: input.uid ?? `urn:uuid:${nextUid++}`,
        articleId: input.articleId,
        start: input.start,
        end: input.end,
        exact: text.slice(input.start, input.end),
        prefix: '',
        suffix: '',
        tagIds,
        note: input.note ?? '',
        status: 'anchored',
        createdAt: '2024-01-01T00:00:00Z',
        modifiedAt: '2024-01-01T00:00:00Z',
      };
      rows.set(id, row);
      return row;
    },
    async updateAnnotation(input) {
      calls.push('update');
      const row = rows.get(input.id);
      if (!row) throw notFound(`no annotation ${input.id}`);
      const next = {
        ...row,
        tagIds: input.tagIds || input.tagNames ? resolveTags(input.tagIds, input.tagNames) : row.tagIds,
        note: input.note ?? row.note,
      };
      rows.set(row.id, next);
      return next;
    },
    async deleteAnnotation(input) {
      calls.push('delete');
      const row = rows.get(input.id);
      if (!row) throw notFound(`no annotation ${input.id}`);
      rows.delete(input.id);
      return row;
    },
  };
  const tagApi = {
    async createTag(i: { name: string; parentId?: number | null }) {
      return addTag(nextTag++, i.name, i.parentId ?? null);
    },
    async deleteTag({ id, force }: { id: number; force?: boolean }) {
      if (!tags.has(id)) throw notFound(`There is no tag with id ${id}.`);
      const carrying = [...rows.values()].filter((r) => r.tagIds.includes(id));
      if (carrying.length && !force) throw Object.assign(new Error('in use'), { code: 'in_use' });
      for (const r of carrying) rows.set(r.id, { ...r, tagIds: r.tagIds.filter((t) => t !== id) });
      tags.delete(id);
      return { deleted: 1, annotationsAffected: carrying.length };
    },
    async mergeTags({ sourceId, targetId }: { sourceId: number; targetId: number }) {
      if (!tags.has(sourceId) || !tags.has(targetId)) throw notFound('There is no such tag.');
      for (const r of rows.values()) if (r.tagIds.includes(sourceId)) rows.set(r.id, { ...r, tagIds: [...new Set(r.tagIds.map((t) => (t === sourceId ? targetId : t)))] });
      tags.delete(sourceId);
      return tags.get(targetId)!;
    },
    async passages({ tagIds, offset = 0, limit = 100 }: { tagIds: number[]; offset?: number; limit?: number }) {
      const hits = [...rows.values()].filter((r) => r.tagIds.some((t) => tagIds.includes(t)));
      return { total: hits.length, items: hits.slice(offset, offset + limit).map((annotation) => ({ annotation })) };
    },
    updateAnnotation: (input: { id: number; tagIds?: number[] }) => api.updateAnnotation(input),
  };
  return { api, tagApi, rows, tags, calls };
}

function names(rows: Map<number, Annotation>, tags: Map<number, Tag>): string[][] {
  return [...rows.values()].map((r) => r.tagIds.map((id) => tags.get(id)!.name));
}

function setup() {
  const library = fakeApi(uzCyrlText);
  const undo = new UndoStack();
  const used: number[][] = [];
  let settled = 0;
  const actions = new AnnotationActions({ api: library.api, undo, onTagsUsed: (ids) => used.push([...ids]), onSettled: () => settled++ });
  const changes: AnnotationChange[] = [];
  actions.subscribe((c) => changes.push(c));
  const phrase = 'Мудофаа вазирлиги';
  const start = uzCyrlText.indexOf(phrase);
  return { ...library, undo, actions, changes, used, settled: () => settled, range: { articleId: 7, start, end: start + phrase.length } };
}

describe('annotation actions and their undo', () => {
  it('creates a highlight, undoes it by deleting, and redoes it with the same uid', async () => {
    const { actions, undo, rows, changes, used, range } = setup();
    const created = await actions.create({ ...range, tagIds: [1], tagNames: ['Military'] });
    expect(created.exact).toBe('Мудофаа вазирлиги');
    expect(created.tagIds).toEqual([1, 101]);
    expect(used).toEqual([[1, 101]]);
    expect(undo.undoLabel).toBe('highlight');

    await undo.undo();
    expect(rows.size).toBe(0);
    await undo.redo();
    const [back] = [...rows.values()];
    expect(back!.uid).toBe(created.uid);
    expect(back!.id).not.toBe(created.id); // a new row, found again by uid
    expect(back!.tagIds).toEqual([1, 101]); // the tag made on the fly is referred to by id now
    expect(changes.map((c) => `${c.type} ${c.annotation.id}`)).toEqual([`added ${created.id}`, `removed ${created.id}`, `added ${back!.id}`]);
  });

  it('undoes a note edit and a tag edit back to the previous values, even after the row was re-created', async () => {
    const { actions, undo, rows, range } = setup();
    const created = await actions.create({ ...range, tagIds: [1], note: 'first' });
    await undo.undo();
    await undo.redo(); // re-created with a new id
    const noted = await actions.update(created, { note: 'second thoughts' });
    expect(undo.undoLabel).toBe('note');
    const current = () => [...rows.values()][0]!;
    expect(current().note).toBe('second thoughts');
    expect(noted.id).toBe(current().id);

    const tagged = await actions.update(noted, { tagNames: ['Diplomacy'] });
    expect(undo.undoLabel).toBe('tags');
    expect(current().tagIds).toEqual([101]);

    await undo.undo();
    expect(current().tagIds).toEqual([1]);
    expect(current().note).toBe('second thoughts');
    await undo.undo();
    expect(current().note).toBe('first');
    await undo.redo();
    await undo.redo();
    expect(current()).toMatchObject({ note: 'second thoughts', tagIds: tagged.tagIds });
  });

  it('deletes, and undo brings the annotation back with its uid, tags and note; redo deletes it again', async () => {
    const { actions, undo, rows, calls, changes, range } = setup();
    const created = await actions.create({ ...range, tagIds: [1], note: 'keep me' });
    await actions.remove(created);
    expect(rows.size).toBe(0);
    expect(undo.undoLabel).toBe('delete highlight');
    await undo.undo();
    const back = [...rows.values()][0]!;
    expect(back).toMatchObject({ uid: created.uid, start: created.start, end: created.end, tagIds: [1], note: 'keep me' });
    await undo.redo();
    expect(rows.size).toBe(0);
    expect(calls).toEqual(['create', 'delete', 'create', 'delete']);
    expect(changes.map((c) => c.type)).toEqual(['added', 'removed', 'added', 'removed']);
  });

  it('refuses an empty selection without calling the library, and a failed call leaves no undo step', async () => {
    const { actions, undo, calls, changes, range, settled } = setup();
    await expect(actions.create({ ...range, end: range.start, tagIds: [1] })).rejects.toThrow(/Select some text/);
    const ghost = { id: 999, uid: 'urn:uuid:ghost' } as Annotation;
    await expect(actions.remove(ghost)).rejects.toThrow(/no annotation 999/);
    expect(calls).toEqual(['delete']);
    expect(undo.canUndo).toBe(false);
    expect(changes).toEqual([]);
    expect(settled()).toBe(0);
  });

  it('brings a deleted highlight back with its tag after undo re-created that tag under a new id', async () => {
    const { actions, undo, rows, tags, tagApi, range } = setup();
    const tagActions = new TagActions(tagApi as never, undo, () => undefined);
    const highlight = await actions.create({ ...range, tagNames: ['Methodology'] });
    const [methodology] = highlight.tagIds;
    await actions.remove(highlight);
    await tagActions.create('Zeta', null);
    await tagActions.remove(tags.get(methodology!)!, false, false);

    await undo.undo(); // the tag comes back, as a new row
    await undo.undo(); // Zeta goes
    expect(undo.undoLabel).toBe('delete highlight');
    await undo.undo();
    expect([...rows.values()][0]).toMatchObject({ uid: highlight.uid });
    expect(names(rows, tags)).toEqual([['Methodology']]);
    expect([...rows.values()][0]!.tagIds).not.toEqual([methodology]);

    // Forwards and back again: every step still finds the tag, whatever its id is by then.
    await undo.redo();
    await undo.redo();
    await undo.redo();
    expect(rows.size).toBe(0);
    expect([...tags.values()].map((t) => t.name)).toEqual(['Security', 'Zeta']);
    await undo.undo();
    await undo.undo();
    await undo.undo();
    expect(names(rows, tags)).toEqual([['Methodology']]);
    await undo.undo();
    expect(rows.size).toBe(0);
    expect(undo.canUndo).toBe(false);
  });

  it('brings a highlight back without a tag deleted for good, and an edit of a vanished highlight leaves the history', async () => {
    const { actions, undo, rows, tags, tagApi, range } = setup();
    const tagActions = new TagActions(tagApi as never, undo, () => undefined);
    const kept = await actions.create({ ...range, tagIds: [1], tagNames: ['Media'] });
    const media = tags.get(kept.tagIds[1]!)!;
    const gone = await actions.create({ articleId: 7, start: 0, end: 5, tagIds: [media.id] });
    await actions.update(gone, { note: 'soon lost' });
    await actions.remove(kept);
    // The tag still carries a passage, so it is deleted with it and without an undo.
    expect(await tagActions.remove(media, false, true)).toEqual({ deleted: 1, annotationsAffected: 1 });
    rows.clear(); // the other highlight's article is removed too, outside the history

    await undo.undo();
    expect(names(rows, tags)).toEqual([['Security']]);
    expect(undo.undoLabel).toBe('note');
    const failure = await undo.undo().catch((e: unknown) => e);
    expect(describeError(failure, 'undo')).toBe('Could not undo: note: no annotation 2; it has been removed from the history.');
    expect(undo.undoLabel).toBe('highlight');
  });

  /// Two highlights carrying Paxta, the second also Security; Paxta then merged into Security.
  async function mergedAway() {
    const library = setup();
    const { actions, undo, tags, tagApi, range } = library;
    const tagActions = new TagActions(tagApi as never, undo, () => undefined);
    const first = await actions.create({ ...range, tagNames: ['Paxta'] });
    const second = await actions.create({ articleId: 7, start: 0, end: 5, tagIds: [1, first.tagIds[0]!] });
    await tagActions.merge(tags.get(first.tagIds[0]!)!, tags.get(1)!, []);
    return { ...library, first, second };
  }
  const byUid = (rows: Map<number, Annotation>, tags: Map<number, Tag>, uid: string) =>
    [...rows.values()].find((r) => r.uid === uid)!.tagIds.map((id) => tags.get(id)!.name);

  it('gives a merged tag back to a highlight deleted and brought back since, under its new id', async () => {
    const { actions, undo, rows, tags, first, second } = await mergedAway();
    await actions.remove(rows.get(first.id)!);
    await undo.undo(); // the highlight is back, as a new row
    expect(rows.has(first.id)).toBe(false);
    expect(undo.undoLabel).toBe('merge tag “Paxta” into “Security”');
    await undo.undo();
    expect(byUid(rows, tags, first.uid)).toEqual(['Paxta']);
    expect(byUid(rows, tags, second.uid)).toEqual(['Security', 'Paxta']);
    expect(undo.redoLabel).toBe('merge tag “Paxta” into “Security”');
  });

  it('passes over a highlight deleted for good when a merge is undone, and brings the rest back', async () => {
    const { undo, rows, tags, first, second } = await mergedAway();
    rows.delete(first.id); // its article is removed, outside the history
    await undo.undo();
    expect(rows.size).toBe(1);
    expect(byUid(rows, tags, second.uid)).toEqual(['Security', 'Paxta']);
    await undo.redo();
    expect(byUid(rows, tags, second.uid)).toEqual(['Security']);
  });

  it('goes on from where an undone merge stopped when tried again, bringing the tag back once', async () => {
    const { undo, rows, tags, tagApi, first, second } = await mergedAway();
    const update = tagApi.updateAnnotation;
    let calls = 0;
    tagApi.updateAnnotation = async (input) => {
      if (++calls === 2) throw Object.assign(new Error('The library is busy.'), { code: 'busy' });
      return update(input);
    };
    await expect(undo.undo()).rejects.toThrow('The library is busy.');
    expect(undo.undoLabel).toBe('merge tag “Paxta” into “Security”');
    await undo.undo();
    expect([...tags.values()].filter((t) => t.name === 'Paxta')).toHaveLength(1);
    expect(byUid(rows, tags, first.uid)).toEqual(['Paxta']);
    expect(byUid(rows, tags, second.uid)).toEqual(['Security', 'Paxta']);
  });
});
