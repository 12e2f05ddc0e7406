// Every change a reader makes to annotations, as undoable actions. Each action talks to the API,
// tells the open views what changed, and pushes its inverse on the undo stack:
//   create ↔ delete (brought back with the same uid), tag and note edits ↔ the previous values.
// An annotation brought back by undo may get a new row id, so actions find it again by its uid
// (through the undo stack, which tag merges use too); its tags may have been brought back under new ids too, so actions hold them as the undo stack's
// tag refs, and leave out those deleted for good.
import type { Api } from '../../../../shared/contract/index.js';
import type { Annotation } from '../../../../shared/model.js';
import type { TagRef, UndoStack } from '../../state/undo.js';

/// The calls the actions need (the app passes the real client; tests a fake).
export type AnnotationApi = Pick<Api, 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation'>;

/// What happened to an annotation, as views need to hear it.
export type AnnotationChange =
  | { type: 'added'; annotation: Annotation }
  | { type: 'changed'; annotation: Annotation }
  | { type: 'removed'; annotation: Annotation };

export interface AnnotationActionDeps {
  api: AnnotationApi;
  undo: Pick<UndoStack, 'push' | 'tags' | 'annotations'>;
  /// Tags just applied (for the number-key shortcuts).
  onTagsUsed?: (tagIds: readonly number[]) => void;
  /// After every change that reached the library (to refresh the codebook's counts).
  onSettled?: () => void;
}

export interface NewAnnotation {
  articleId: number;
  start: number;
  end: number;
  tagIds?: number[];
  /// Tags to create on the fly (or find by name).
  tagNames?: string[];
  note?: string;
}

export interface AnnotationEdit {
  tagIds?: number[];
  tagNames?: string[];
  note?: string;
}

/// Creates, edits and deletes annotations, undoably, and tells subscribers.
export class AnnotationActions {
  private readonly listeners = new Set<(change: AnnotationChange) => void>();

  constructor(private readonly deps: AnnotationActionDeps) {}

  /// Hear every change (including those made by undo and redo); returns the unsubscribe function.
  subscribe(listener: (change: AnnotationChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /// Highlight a passage.
  async create(input: NewAnnotation): Promise<Annotation> {
    if (!(input.end > input.start)) throw new Error('Select some text to highlight first.');
    const created = await this.deps.api.createAnnotation(input);
    this.added(created);
    this.deps.onTagsUsed?.(created.tagIds);
    const tags = this.tagRefs(created);
    this.deps.undo.push({
      label: 'highlight',
      undo: async () => void this.removed(await this.deps.api.deleteAnnotation({ id: this.currentId(created) })),
      redo: async () => this.added(await this.recreate(created, tags)),
    });
    return created;
  }

  /// Change an annotation's tags or note.
  async update(current: Annotation, edit: AnnotationEdit): Promise<Annotation> {
    const next = await this.deps.api.updateAnnotation({ id: this.currentId(current), ...edit });
    this.changed(next);
    if (edit.tagIds || edit.tagNames) this.deps.onTagsUsed?.(next.tagIds.filter((id) => !current.tagIds.includes(id)));
    const label = edit.note !== undefined && !edit.tagIds && !edit.tagNames ? 'note' : 'tags';
    const before = this.tagRefs(current);
    const after = this.tagRefs(next);
    this.deps.undo.push({
      label,
      undo: async () => this.restore(current, before),
      redo: async () => this.restore(next, after),
    });
    return next;
  }

  /// Delete an annotation.
  async remove(current: Annotation): Promise<Annotation> {
    const deleted = await this.deps.api.deleteAnnotation({ id: this.currentId(current) });
    this.removed(deleted);
    const tags = this.tagRefs(deleted);
    this.deps.undo.push({
      label: 'delete highlight',
      undo: async () => this.added(await this.recreate(deleted, tags)),
      redo: async () => void this.removed(await this.deps.api.deleteAnnotation({ id: this.currentId(deleted) })),
    });
    return deleted;
  }

  /// Set an annotation's tags and note back to a recorded state.
  private async restore(target: Annotation, tags: readonly TagRef[]): Promise<void> {
    const tagIds = this.deps.undo.tags.idsOf(tags);
    const restored = await this.deps.api.updateAnnotation({ id: this.currentId(target), tagIds, note: target.note });
    this.changed(restored);
  }

  private recreate(a: Annotation, tags: readonly TagRef[]): Promise<Annotation> {
    const tagIds = this.deps.undo.tags.idsOf(tags);
    return this.deps.api.createAnnotation({ articleId: a.articleId, start: a.start, end: a.end, tagIds, note: a.note, uid: a.uid });
  }

  /// An annotation's tags as refs, taken when an action is recorded (while its ids are current).
  private tagRefs(a: Annotation): TagRef[] {
    return a.tagIds.map((id) => this.deps.undo.tags.ref(id));
  }

  private currentId(a: Annotation): number {
    return this.deps.undo.annotations.of(a);
  }

  private added(annotation: Annotation): void {
    this.deps.undo.annotations.noted(annotation);
    this.emit({ type: 'added', annotation });
  }

  private changed(annotation: Annotation): void {
    this.deps.undo.annotations.noted(annotation);
    this.emit({ type: 'changed', annotation });
  }

  private removed(annotation: Annotation): Annotation {
    this.emit({ type: 'removed', annotation });
    return annotation;
  }

  private emit(change: AnnotationChange): void {
    for (const l of this.listeners) l(change);
    this.deps.onSettled?.();
  }
}
