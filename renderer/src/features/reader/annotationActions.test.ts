import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/model.js';
import { UndoStack } from '../../state/undo.js';
import { AnnotationActions, type AnnotationApi, type AnnotationChange } from './annotationActions.js';
import { uzCyrlText } from '../../editor/test-fixtures.js';

/// An in-memory library that behaves like the archive: new row ids on every insert, uids kept
/// when given, tag names resolved to ids (created when missing), deleted rows returned.
function fakeApi(text: string) {
  const rows = new Map<number, Annotation>();
  const tagIdsByName = new Map<string, number>([['Security', 1]]);
  let nextId = 1;
  let nextUid = 1;
  const calls: string[] = [];
  const resolveTags = (ids: number[] = [], names: string[] = []) => [
    ...ids,
    ...names.map((n) => tagIdsByName.get(n) ?? (tagIdsByName.set(n, 100 + tagIdsByName.size), tagIdsByName.get(n)!)),
  ];
  const api: AnnotationApi = {
    async createAnnotation(input) {
      calls.push('create');
      if (input.uid && [...rows.values()].some((r) => r.uid === input.uid)) throw new Error('uid already exists');
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
        tagIds: resolveTags(input.tagIds, input.tagNames),
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
      if (!row) throw new Error(`no annotation ${input.id}`);
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
      if (!row) throw new Error(`no annotation ${input.id}`);
      rows.delete(input.id);
      return row;
    },
  };
  return { api, rows, calls };
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
});
