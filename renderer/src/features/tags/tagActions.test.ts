import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../../../../shared/model.js';
import { describeError } from '../../state/describeError.js';
import { UndoStack } from '../../state/undo.js';
import { changedFields, editLabel, TagActions } from './tagActions.js';

/// An in-memory codebook that behaves as the contract says: merge moves annotations and removes
/// the source, delete refuses `in_use` without force, an unknown tag or parent is `not_found`.
function fakeArchive() {
  let nextTag = 10;
  const tags = new Map<number, Tag>();
  const anns = new Map<number, { id: number; tagIds: number[] }>();
  const mk = (id: number, name: string, parentId: number | null, color = '#336699'): Tag => ({ id, uid: `u${id}`, name, parentId, path: [name], color, description: '', count: 0 });
  tags.set(1, mk(1, 'Economy', null));
  tags.set(2, mk(2, 'Cotton', 1, '#aa5500'));
  tags.set(3, mk(3, 'Paxta', 1, '#00aa55'));
  tags.set(4, mk(4, 'Harvest', 3));
  anns.set(100, { id: 100, tagIds: [3] });
  anns.set(101, { id: 101, tagIds: [3, 2] });
  anns.set(102, { id: 102, tagIds: [2] });
  const ann = (a: { id: number; tagIds: number[] }) => ({ id: a.id, tagIds: [...a.tagIds] }) as unknown as Annotation;
  const notFound = () => Object.assign(new Error('no such tag'), { code: 'not_found' });
  const api = {
    async updateTag(i: { id: number; name?: string; parentId?: number | null; color?: string; description?: string }) {
      const t = tags.get(i.id);
      if (!t || (i.parentId != null && !tags.has(i.parentId))) throw notFound();
      const next = { ...t, ...Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) } as Tag;
      tags.set(i.id, next);
      return next;
    },
    async createTag(i: { name: string; parentId?: number | null; color?: string; description?: string }) {
      if (i.parentId != null && !tags.has(i.parentId)) throw notFound();
      const t = mk(nextTag++, i.name, i.parentId ?? null, i.color);
      tags.set(t.id, t);
      return t;
    },
    async mergeTags({ sourceId, targetId }: { sourceId: number; targetId: number }) {
      for (const a of anns.values()) if (a.tagIds.includes(sourceId)) a.tagIds = [...new Set(a.tagIds.map((t) => (t === sourceId ? targetId : t)))];
      for (const t of tags.values()) if (t.parentId === sourceId) t.parentId = targetId;
      tags.delete(sourceId);
      return tags.get(targetId)!;
    },
    async deleteTag({ id, force }: { id: number; force?: boolean }) {
      const used = [...anns.values()].filter((a) => a.tagIds.includes(id));
      if (used.length && !force) throw Object.assign(new Error('in use'), { code: 'in_use' });
      for (const a of used) a.tagIds = a.tagIds.filter((t) => t !== id);
      tags.delete(id);
      return { deleted: 1, annotationsAffected: used.length };
    },
    async passages({ tagIds, offset = 0, limit = 100 }: { tagIds: number[]; offset?: number; limit?: number }) {
      const hits = [...anns.values()].filter((a) => a.tagIds.some((t) => tagIds.includes(t)));
      return { total: hits.length, items: hits.slice(offset, offset + limit).map((a) => ({ annotation: ann(a), articleTitle: '', articleDate: null, articleLang: 'en', before: '', after: '' })) };
    },
    async updateAnnotation({ id, tagIds }: { id: number; tagIds?: number[] }) {
      const a = anns.get(id)!;
      if (tagIds) a.tagIds = [...tagIds];
      return ann(a);
    },
  };
  return { api, tags, anns };
}

describe('TagActions', () => {
  it('renames with an undo that puts the old name back, and a redo', async () => {
    const { api, tags } = fakeArchive();
    const stack = new UndoStack();
    let changes = 0;
    const actions = new TagActions(api as never, stack, () => changes++);
    await actions.edit(tags.get(2)!, { name: '  Cotton trade ', color: '#AA5500' });
    expect(tags.get(2)!.name).toBe('Cotton trade');
    expect(stack.undoLabel).toBe('rename tag “Cotton” to “Cotton trade”');
    await stack.undo();
    expect(tags.get(2)!.name).toBe('Cotton');
    await stack.redo();
    expect(tags.get(2)!.name).toBe('Cotton trade');
    expect(changes).toBe(3);
  });

  it('records nothing when nothing changed', async () => {
    const { api, tags } = fakeArchive();
    const stack = new UndoStack();
    const actions = new TagActions(api as never, stack, () => undefined);
    expect(await actions.edit(tags.get(1)!, { name: 'Economy', parentId: null })).toBeNull();
    expect(stack.canUndo).toBe(false);
  });

  it('moves and recolours back on undo', async () => {
    const { api, tags } = fakeArchive();
    const stack = new UndoStack();
    const actions = new TagActions(api as never, stack, () => undefined);
    await actions.edit(tags.get(3)!, { parentId: null, color: '#123456' });
    expect(tags.get(3)).toMatchObject({ parentId: null, color: '#123456' });
    expect(stack.undoLabel).toBe('edit tag “Paxta”');
    await stack.undo();
    expect(tags.get(3)).toMatchObject({ parentId: 1, color: '#00aa55' });
  });

  it('undoes a merge: the tag, its child and its passages come back', async () => {
    const { api, tags, anns } = fakeArchive();
    const stack = new UndoStack();
    const actions = new TagActions(api as never, stack, () => undefined);
    const paxta = tags.get(3)!;
    const result = await actions.merge(paxta, tags.get(2)!, [tags.get(4)!]);
    expect(result.undoable).toBe(true);
    expect(tags.has(3)).toBe(false);
    expect(anns.get(100)!.tagIds).toEqual([2]);
    expect(anns.get(101)!.tagIds).toEqual([2]);
    await stack.undo();
    const back = [...tags.values()].find((t) => t.name === 'Paxta')!;
    expect(back).toMatchObject({ parentId: 1, color: '#00aa55' });
    expect(tags.get(4)!.parentId).toBe(back.id);
    expect(anns.get(100)!.tagIds).toEqual([back.id]);
    expect(anns.get(101)!.tagIds).toEqual([back.id, 2]);
    expect(anns.get(102)!.tagIds).toEqual([2]);
    await stack.redo();
    expect(tags.has(back.id)).toBe(false);
    expect(anns.get(100)!.tagIds).toEqual([2]);
  });

  it('merges without an undo when the tag carries too much to replay', async () => {
    const { api, tags } = fakeArchive();
    const stack = new UndoStack();
    const actions = new TagActions(api as never, stack, () => undefined);
    expect(await actions.merge(tags.get(3)!, tags.get(2)!, [], 1)).toEqual({ undoable: false });
    expect(stack.canUndo).toBe(false);
  });

  it('passes the refusal of a tag in use through, and deletes with force', async () => {
    const { api, tags, anns } = fakeArchive();
    const stack = new UndoStack();
    const actions = new TagActions(api as never, stack, () => undefined);
    await expect(actions.remove(tags.get(2)!, false, false)).rejects.toMatchObject({ code: 'in_use' });
    expect(tags.has(2)).toBe(true);
    expect(await actions.remove(tags.get(2)!, false, true)).toEqual({ deleted: 1, annotationsAffected: 2 });
    expect(anns.get(102)!.tagIds).toEqual([]);
    expect(stack.canUndo).toBe(false);
  });

  it('brings back an unused tag after delete, and removes a created one on undo', async () => {
    const { api, tags } = fakeArchive();
    const stack = new UndoStack();
    const actions = new TagActions(api as never, stack, () => undefined);
    const created = await actions.create('Сиёсат', null, '#884422');
    await actions.remove(tags.get(created.id)!, false, false);
    expect(tags.has(created.id)).toBe(false);
    await stack.undo();
    expect([...tags.values()].some((t) => t.name === 'Сиёсат' && t.color === '#884422')).toBe(true);
    await stack.undo();
    expect([...tags.values()].some((t) => t.name === 'Сиёсат')).toBe(false);
  });

  it('keeps earlier undos working on a tag that undo re-created', async () => {
    const { api, tags, anns } = fakeArchive();
    const stack = new UndoStack();
    const actions = new TagActions(api as never, stack, () => undefined);
    const renamed = (await actions.edit(tags.get(3)!, { name: 'Paxta (raw)' }))!;
    await actions.merge(renamed, tags.get(2)!, [tags.get(4)!]);
    await stack.undo();
    await stack.undo();
    const back = [...tags.values()].filter((t) => t.name.startsWith('Paxta'));
    expect(back.map((t) => t.name)).toEqual(['Paxta']);
    await stack.redo(); // the rename reaches the tag under its new id
    expect(tags.get(back[0]!.id)!.name).toBe('Paxta (raw)');
    await stack.redo();
    expect(tags.has(back[0]!.id)).toBe(false);
    expect(anns.get(100)!.tagIds).toEqual([2]);
  });

  it('drops a move of a tag later deleted with its passages, and goes on to the actions before it', async () => {
    const { api, tags } = fakeArchive();
    const stack = new UndoStack();
    const actions = new TagActions(api as never, stack, () => undefined);
    const zeta = await actions.create('Zeta', null);
    await actions.edit(tags.get(2)!, { parentId: 3 });
    // Cotton carries passages: the user confirms, and the deletion cannot be undone.
    expect(await actions.remove(tags.get(2)!, false, true)).toMatchObject({ annotationsAffected: 2 });
    expect(stack.undoLabel).toBe('move tag “Cotton”');

    const failure = await stack.undo().catch((e: unknown) => e);
    expect(describeError(failure, 'undo')).toBe('Could not undo: move tag “Cotton”: the tag “Cotton” has been deleted; it has been removed from the history.');
    expect(stack.undoLabel).toBe('create tag “Zeta”');
    await stack.undo();
    expect(tags.has(zeta.id)).toBe(false);
    expect(stack.canUndo).toBe(false);
  });

  it('brings back a tag under its place, or at the top when that parent was merged away for good', async () => {
    const { api, tags } = fakeArchive();
    const stack = new UndoStack();
    const actions = new TagActions(api as never, stack, () => undefined);
    const child = await actions.create('Ginning', 3);
    await actions.remove(tags.get(child.id)!, false, false);
    expect(await actions.merge(tags.get(3)!, tags.get(2)!, [tags.get(4)!], 1)).toEqual({ undoable: false });
    await stack.undo();
    expect([...tags.values()].find((t) => t.name === 'Ginning')).toMatchObject({ parentId: null });
    await stack.redo();
    expect([...tags.values()].some((t) => t.name === 'Ginning')).toBe(false);
  });

  it('describes single changes precisely', () => {
    const t = { id: 1, uid: 'u', name: 'A', parentId: null, path: ['A'], color: '#000000', description: '', count: 0 };
    expect(changedFields(t, { color: '#000000', description: '' })).toEqual({});
    expect(editLabel(t, { color: '#ffffff' })).toBe('recolour tag “A”');
    expect(editLabel(t, { parentId: 3 })).toBe('move tag “A”');
  });
});
