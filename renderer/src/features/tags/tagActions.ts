// Tag changes that can be taken back: each does the change through the API, records how to
// undo and redo it on the app's undo stack, and refreshes the codebook.
import type { Tag } from '../../../../shared/model.js';
import type { Api } from '../../../../shared/contract/index.js';
import { isGone, type AnnotationKey, type TagRef, type TagRefs, type UndoStack } from '../../state/undo.js';

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

/// Undoable codebook changes through the API. Recorded actions refer to tags through the undo
/// stack's TagRefs, which follow a tag to its new id when undo brings it back, and know when
/// one has been deleted for good.
export class TagActions {
  constructor(
    private readonly api: TagApi,
    private readonly undo: Pick<UndoStack, 'push' | 'tags' | 'annotations'>,
    private readonly onChanged: () => void,
  ) {}

  private get refs(): TagRefs {
    return this.undo.tags;
  }

  /// Rename, move, recolour or describe; nothing happens (and nothing is recorded) when nothing changed.
  async edit(tag: Tag, edit: TagEdit): Promise<Tag | null> {
    const change = changedFields(tag, edit);
    if (Object.keys(change).length === 0) return null;
    const updated = await this.api.updateTag({ id: tag.id, ...change });
    const ref = this.refs.ref(tag.id);
    const back = this.withRefs(inverseOf(tag, change));
    const again = this.withRefs(change);
    this.undo.push({
      label: editLabel(tag, change),
      undo: async () => {
        await this.api.updateTag({ id: this.refs.id(ref), ...back() });
        this.onChanged();
      },
      redo: async () => {
        await this.api.updateTag({ id: this.refs.id(ref), ...again() });
        this.onChanged();
      },
    });
    this.onChanged();
    return updated;
  }

  /// The edit with its parent taken as a ref now, and given by its id then.
  private withRefs(edit: TagEdit): () => TagEdit {
    if (edit.parentId == null) return () => edit;
    const parent = this.refs.ref(edit.parentId);
    return () => ({ ...edit, parentId: this.refs.id(parent) });
  }

  /// Merge one tag into another. The undo brings the tag back (as a new tag with the same name,
  /// colour, place and children) and gives its passages their old tags again; when the tag has
  /// more passages than that can sensibly replay, the merge is done without an undo.
  ///
  /// Passages are found by uid, so one deleted and brought back since still gets its tag back;
  /// one deleted for good has no tags to give back and is passed over. An undo that fails part
  /// way (the library unreachable) goes on from where it stopped when tried again, rather than
  /// bringing the tag back twice.
  async merge(source: Tag, target: Tag, children: readonly Tag[], undoLimit = 5000): Promise<{ undoable: boolean }> {
    const carried = await this.annotationsOf(source.id, undoLimit);
    await this.api.mergeTags({ sourceId: source.id, targetId: target.id });
    const sourceRef = this.refs.ref(source.id);
    this.onChanged();
    if (!carried) {
      this.refs.deletedForGood(sourceRef, `the tag “${source.name}” has been merged into “${target.name}”`);
      return { undoable: false };
    }
    // Refs are taken while the source's id still leads to its ref.
    const targetRef = this.refs.ref(target.id);
    const parent = this.parentRef(source);
    const childRefs = children.map((c) => this.refs.ref(c.id));
    const passages = carried.map((a) => ({ key: a.key, tags: a.tagIds.map((t) => this.refs.ref(t)) }));
    this.refs.deleted(sourceRef);
    // The tag's id once this undo has brought it back; null while it is merged away.
    let back: number | null = null;
    this.undo.push({
      label: `merge tag “${source.name}” into “${target.name}”`,
      undo: async () => {
        back ??= await this.recreate(sourceRef, source, parent);
        for (const child of childRefs) await this.api.updateTag({ id: this.refs.id(child), parentId: back });
        for (const a of passages) {
          try {
            await this.api.updateAnnotation({ id: this.undo.annotations.of(a.key), tagIds: this.refs.idsOf(a.tags) });
          } catch (e) {
            if (!isGone(e)) throw e;
          }
        }
        this.onChanged();
      },
      redo: async () => {
        await this.api.mergeTags({ sourceId: this.refs.id(sourceRef), targetId: this.refs.id(targetRef) });
        this.refs.deleted(sourceRef);
        back = null;
        this.onChanged();
      },
    });
    return { undoable: true };
  }

  /// Every annotation carrying a tag (which it is, and its tags), or null when there are more than `limit`.
  private async annotationsOf(tagId: number, limit: number): Promise<{ key: AnnotationKey; tagIds: number[] }[] | null> {
    const out: { key: AnnotationKey; tagIds: number[] }[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.api.passages({ tagIds: [tagId], match: 'any', context: 0, offset, limit: 1000 });
      if (page.total > limit) return null;
      for (const p of page.items) out.push({ key: { uid: p.annotation.uid, id: p.annotation.id }, tagIds: p.annotation.tagIds });
      if (page.items.length < 1000 || out.length >= page.total) return out;
    }
  }

  /// Delete a tag; `force` when annotations carry it (the server refuses otherwise). A tag that
  /// carried nothing and had no children comes back on undo; otherwise it is gone for good, and
  /// so are the recorded actions that need it.
  async remove(tag: Tag, hasChildren: boolean, force: boolean): Promise<{ deleted: number; annotationsAffected: number }> {
    const result = await this.api.deleteTag({ id: tag.id, force });
    const ref = this.refs.ref(tag.id);
    this.onChanged();
    if (result.annotationsAffected > 0 || hasChildren) {
      this.refs.deletedForGood(ref, `the tag “${tag.name}” has been deleted`);
      return result;
    }
    this.refs.deleted(ref);
    const parent = this.parentRef(tag);
    this.undo.push({
      label: `delete tag “${tag.name}”`,
      undo: async () => {
        await this.recreate(ref, tag, parent);
        this.onChanged();
      },
      redo: async () => {
        await this.api.deleteTag({ id: this.refs.id(ref), force: false });
        this.refs.deleted(ref);
        this.onChanged();
      },
    });
    return result;
  }

  /// Create a tag; undo deletes it again (unless something was tagged with it meanwhile).
  async create(name: string, parentId: number | null, color?: string): Promise<Tag> {
    const tag = await this.api.createTag({ name, parentId, color });
    const ref = this.refs.created(tag.id);
    const parent = this.parentRef(tag);
    this.undo.push({
      label: `create tag “${tag.name}”`,
      undo: async () => {
        await this.api.deleteTag({ id: this.refs.id(ref), force: false });
        this.refs.deleted(ref);
        this.onChanged();
      },
      redo: async () => {
        await this.recreate(ref, tag, parent);
        this.onChanged();
      },
    });
    this.onChanged();
    return tag;
  }

  private parentRef(tag: Tag): TagRef | null {
    return tag.parentId === null ? null : this.refs.ref(tag.parentId);
  }

  /// Bring a deleted tag back as it was; at the top of the codebook when its parent is gone for
  /// good, since the tag itself can still be restored. Returns the tag's new id.
  private async recreate(ref: TagRef, tag: Tag, parent: TagRef | null): Promise<number> {
    const parentId = parent === null || parent.gone !== null ? null : parent.id;
    const again = await this.api.createTag({ name: tag.name, parentId, color: tag.color, description: tag.description });
    this.refs.recreated(ref, again.id);
    return again.id;
  }
}
