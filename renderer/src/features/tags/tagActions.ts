// Tag changes that can be taken back: each does the change through the API, records how to
// undo and redo it on the app's undo stack, and refreshes the codebook.
import type { Tag } from '../../../../shared/model.js';
import type { Api } from '../../../../shared/contract/index.js';
import type { UndoStack } from '../../state/undo.js';

/// What the Tags view may change in one go.
export interface TagEdit {
  name?: string;
  parentId?: number | null;
  color?: string;
  description?: string;
}

type TagApi = Pick<Api, 'updateTag' | 'mergeTags' | 'createTag' | 'deleteTag' | 'passages' | 'updateAnnotation'>;

/// Only the fields that differ from the tag as it is.
export function changedFields(tag: Tag, edit: TagEdit): TagEdit {
  const out: TagEdit = {};
  if (edit.name !== undefined && edit.name.trim() !== tag.name) out.name = edit.name.trim();
  if (edit.parentId !== undefined && edit.parentId !== tag.parentId) out.parentId = edit.parentId;
  if (edit.color !== undefined && edit.color.toLowerCase() !== tag.color.toLowerCase()) out.color = edit.color.toLowerCase();
  if (edit.description !== undefined && edit.description !== tag.description) out.description = edit.description;
  return out;
}

/// The words for an edit in "Undone: …": rename, move, recolour, or edit when several.
export function editLabel(tag: Tag, change: TagEdit): string {
  const kinds = Object.keys(change);
  if (kinds.length === 1 && change.name !== undefined) return `rename tag “${tag.name}” to “${change.name}”`;
  if (kinds.length === 1 && change.parentId !== undefined) return `move tag “${tag.name}”`;
  if (kinds.length === 1 && change.color !== undefined) return `recolour tag “${tag.name}”`;
  if (kinds.length === 1 && change.description !== undefined) return `describe tag “${tag.name}”`;
  return `edit tag “${tag.name}”`;
}

/// The fields' values as they were, to undo an edit.
export function inverseOf(tag: Tag, change: TagEdit): TagEdit {
  const out: TagEdit = {};
  if (change.name !== undefined) out.name = tag.name;
  if (change.parentId !== undefined) out.parentId = tag.parentId;
  if (change.color !== undefined) out.color = tag.color;
  if (change.description !== undefined) out.description = tag.description;
  return out;
}

// Undo can bring a deleted tag back only as a new row with a new id; every recorded action
// refers to tags by their first id and looks up the newest through this map, so a chain such as
// create → delete → undo delete → undo create still reaches the right tag.
/// Undoable codebook changes through the API.
export class TagActions {
  private readonly renamedIds = new Map<number, number>();

  /// The id a tag has now, following any re-creations by undo or redo.
  id(original: number): number {
    let id = original;
    for (let hops = 0; this.renamedIds.has(id) && hops < 1000; hops++) id = this.renamedIds.get(id)!;
    return id;
  }

  private recreated(original: number, now: number): void {
    const current = this.id(original);
    if (current !== now) this.renamedIds.set(current, now);
  }

  private withIds(edit: TagEdit): TagEdit {
    return edit.parentId == null ? edit : { ...edit, parentId: this.id(edit.parentId) };
  }

  constructor(
    private readonly api: TagApi,
    private readonly undo: Pick<UndoStack, 'push'>,
    private readonly onChanged: () => void,
  ) {}

  /// Rename, move, recolour or describe; nothing happens (and nothing is recorded) when nothing changed.
  async edit(tag: Tag, edit: TagEdit): Promise<Tag | null> {
    const change = changedFields(tag, edit);
    if (Object.keys(change).length === 0) return null;
    const updated = await this.api.updateTag({ id: tag.id, ...change });
    const back = inverseOf(tag, change);
    this.undo.push({
      label: editLabel(tag, change),
      undo: async () => {
        await this.api.updateTag({ id: this.id(tag.id), ...this.withIds(back) });
        this.onChanged();
      },
      redo: async () => {
        await this.api.updateTag({ id: this.id(tag.id), ...this.withIds(change) });
        this.onChanged();
      },
    });
    this.onChanged();
    return updated;
  }

  /// Merge one tag into another. The undo brings the tag back (as a new tag with the same name,
  /// colour, place and children) and gives its passages their old tags again; when the tag has
  /// more passages than that can sensibly replay, the merge is done without an undo.
  async merge(source: Tag, target: Tag, children: readonly Tag[], undoLimit = 5000): Promise<{ undoable: boolean }> {
    const carried = await this.annotationsOf(source.id, undoLimit);
    await this.api.mergeTags({ sourceId: source.id, targetId: target.id });
    this.onChanged();
    if (!carried) return { undoable: false };
    this.undo.push({
      label: `merge tag “${source.name}” into “${target.name}”`,
      undo: async () => {
        const parentId = source.parentId === null ? null : this.id(source.parentId);
        const again = await this.api.createTag({ name: source.name, parentId, color: source.color, description: source.description });
        this.recreated(source.id, again.id);
        for (const child of children) await this.api.updateTag({ id: this.id(child.id), parentId: again.id });
        for (const a of carried) await this.api.updateAnnotation({ id: a.id, tagIds: a.tagIds.map((t) => this.id(t)) });
        this.onChanged();
      },
      redo: async () => {
        await this.api.mergeTags({ sourceId: this.id(source.id), targetId: this.id(target.id) });
        this.onChanged();
      },
    });
    return { undoable: true };
  }

  /// Every annotation carrying a tag (id and tags), or null when there are more than `limit`.
  private async annotationsOf(tagId: number, limit: number): Promise<{ id: number; tagIds: number[] }[] | null> {
    const out: { id: number; tagIds: number[] }[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.api.passages({ tagIds: [tagId], match: 'any', context: 0, offset, limit: 1000 });
      if (page.total > limit) return null;
      for (const p of page.items) out.push({ id: p.annotation.id, tagIds: p.annotation.tagIds });
      if (page.items.length < 1000 || out.length >= page.total) return out;
    }
  }

  /// Delete a tag; `force` when annotations carry it (the server refuses otherwise). A tag that
  /// carried nothing and had no children comes back on undo.
  async remove(tag: Tag, hasChildren: boolean, force: boolean): Promise<{ deleted: number; annotationsAffected: number }> {
    const result = await this.api.deleteTag({ id: tag.id, force });
    this.onChanged();
    if (result.annotationsAffected === 0 && !hasChildren) {
      this.undo.push({
        label: `delete tag “${tag.name}”`,
        undo: async () => {
          await this.recreate(tag);
          this.onChanged();
        },
        redo: async () => {
          await this.api.deleteTag({ id: this.id(tag.id), force: false });
          this.onChanged();
        },
      });
    }
    return result;
  }

  /// Create a tag; undo deletes it again (unless something was tagged with it meanwhile).
  async create(name: string, parentId: number | null, color?: string): Promise<Tag> {
    const tag = await this.api.createTag({ name, parentId, color });
    this.undo.push({
      label: `create tag “${tag.name}”`,
      undo: async () => {
        await this.api.deleteTag({ id: this.id(tag.id), force: false });
        this.onChanged();
      },
      redo: async () => {
        await this.recreate(tag);
        this.onChanged();
      },
    });
    this.onChanged();
    return tag;
  }

  private async recreate(tag: Tag): Promise<void> {
    const parentId = tag.parentId === null ? null : this.id(tag.parentId);
    const again = await this.api.createTag({ name: tag.name, parentId, color: tag.color, description: tag.description });
    this.recreated(tag.id, again.id);
  }
}
