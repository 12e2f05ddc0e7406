// Undo and redo of annotation and tag actions. Each action knows how to undo and redo itself
// through the API (re-creating a deleted annotation with its uid, renaming back…), so the
// stack holds closures, not snapshots of the library.
//
// Those closures refer to tags, and a tag's id does not last: undo can bring a deleted tag back
// only as a new row with a new id, and a tag can be deleted for good (with its passages, or
// merged without an undo) while older actions still mention it. So the stack also keeps the one
// record of where each tag its actions know of is now (`tags`), shared by every kind of action,
// and takes an action out of the history when what it refers to is gone for good, instead of
// failing on it again at every press. Annotations move too: undo brings a deleted one back with
// its uid but perhaps under a new row id, so the stack keeps where each one is now (`annotations`)
// for every action that names annotations, a highlight's own or a tag merge's.

/// A change that knows how to take itself back and do itself again.
export interface UndoableAction {
  /// Shown in menus and notices: "Undo highlight", "Redo rename tag".
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/// Thrown by an action when something it needs has been deleted for good; `message` says what,
/// in words that can follow the action's label.
export class GoneError extends Error {
  /// The API's code for the same situation, so both are handled alike.
  readonly code = 'not_found';
}

/// Why undo or redo could not be done and never will be: the action has left the history.
export class RemovedFromHistory extends Error {
  readonly code = 'removed_from_history';
  constructor(
    readonly action: UndoableAction,
    reason: string,
  ) {
    super(`${action.label}: ${reason.trim().replace(/\.$/, '')}; it has been removed from the history.`);
    this.name = 'RemovedFromHistory';
  }
}

/// A tag as recorded actions know it: the id it has now, and, once it has been deleted for good,
/// why (`gone`). Actions hold these rather than bare ids, taken when the action is recorded.
export interface TagRef {
  readonly id: number;
  readonly gone: string | null;
}

type MutableTagRef = { id: number; gone: string | null };

/// Where the tags that recorded actions refer to are now. A tag brought back by undo keeps its
/// ref under its new id; a new tag that happens to get an old, freed id gets a ref of its own.
export class TagRefs {
  /// The ref of each tag that exists (as far as the history knows), by its id now.
  private readonly byId = new Map<number, MutableTagRef>();

  /// The ref for the tag that has this id now.
  ref(id: number): TagRef {
    return this.byId.get(id) ?? this.created(id);
  }

  /// A tag has just been created with this id: a fresh ref, whatever had the id before.
  created(id: number): TagRef {
    const ref: MutableTagRef = { id, gone: null };
    this.byId.set(id, ref);
    return ref;
  }

  /// The tag has been deleted in a way undo can take back; `recreated` follows when it does.
  deleted(ref: TagRef): void {
    if (this.byId.get(ref.id) === ref) this.byId.delete(ref.id);
  }

  /// The tag has been deleted with no way back; `why` completes "Could not undo …: ".
  deletedForGood(ref: TagRef, why: string): void {
    this.deleted(ref);
    (ref as MutableTagRef).gone = why;
  }

  /// Undo or redo brought the tag back as a new row with this id.
  recreated(ref: TagRef, id: number): void {
    this.deleted(ref);
    Object.assign(ref as MutableTagRef, { id, gone: null });
    this.byId.set(id, ref as MutableTagRef);
  }

  /// The tag's id now, for a call that cannot do without it; a GoneError when it is gone for good.
  id(ref: TagRef): number {
    if (ref.gone !== null) throw new GoneError(ref.gone);
    return ref.id;
  }

  /// The ids now of those tags that still exist, for restoring what can be restored.
  idsOf(refs: readonly TagRef[]): number[] {
    return refs.filter((r) => r.gone === null).map((r) => r.id);
  }
}

/// An annotation as recorded actions know it: its uid, which lasts, and its row id when recorded.
export interface AnnotationKey {
  readonly uid: string;
  readonly id: number;
}

/// The row id each annotation recorded actions refer to has now, by uid.
export class AnnotationIds {
  private readonly byUid = new Map<string, number>();

  /// The annotation's row id now: the last one noted for its uid, else the one it was recorded with.
  of(a: AnnotationKey): number {
    return this.byUid.get(a.uid) ?? a.id;
  }

  /// The annotation is (again) in the library under this row id.
  noted(a: AnnotationKey): void {
    this.byUid.set(a.uid, a.id);
  }
}

type Listener = () => void;

/// Done and undone actions, newest last; a new action clears what was undone.
export class UndoStack {
  /// Where the tags the recorded actions refer to are now.
  readonly tags = new TagRefs();
  /// Where the annotations the recorded actions refer to are now.
  readonly annotations = new AnnotationIds();
  private done: UndoableAction[] = [];
  private undone: UndoableAction[] = [];
  private listeners = new Set<Listener>();
  private busy = false;

  constructor(private readonly limit = 200) {}

  /// Record an action that has just been done.
  push(action: UndoableAction): void {
    this.done.push(action);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    this.emit();
  }

  get canUndo(): boolean {
    return this.done.length > 0 && !this.busy;
  }
  get canRedo(): boolean {
    return this.undone.length > 0 && !this.busy;
  }
  get undoLabel(): string | null {
    return this.done.at(-1)?.label ?? null;
  }
  get redoLabel(): string | null {
    return this.undone.at(-1)?.label ?? null;
  }

  /// Undo the newest action. A failure leaves it in place to try again, unless what it refers
  /// to is gone for good: then it is removed (RemovedFromHistory), so the next undo reaches the
  /// actions before it.
  async undo(): Promise<UndoableAction | null> {
    return this.step('undo');
  }

  /// Redo the newest undone action; failures are handled as for undo.
  async redo(): Promise<UndoableAction | null> {
    return this.step('redo');
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async step(direction: 'undo' | 'redo'): Promise<UndoableAction | null> {
    const from = () => (direction === 'undo' ? this.done : this.undone);
    const action = from().at(-1);
    if (!action || this.busy) return null;
    this.busy = true;
    try {
      await (direction === 'undo' ? action.undo() : action.redo());
    } catch (e) {
      if (!isGone(e)) throw e;
      remove(from(), action);
      this.emit();
      throw new RemovedFromHistory(action, e.message);
    } finally {
      this.busy = false;
    }
    // The action itself, not whatever is on top: a change may have been recorded while it ran
    // (and that replaced the list of undone actions, hence the lists are looked up again).
    remove(from(), action);
    (direction === 'undo' ? this.undone : this.done).push(action);
    this.emit();
    return action;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

// `not_found` is the one failure that trying again cannot cure: the API's word for a row that
// no longer exists, and what GoneError says. Anything else (the library busy or unreachable, a
// name taken meanwhile) may pass, so the action stays.
export function isGone(e: unknown): e is { code: 'not_found'; message: string } {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return code === 'not_found' && typeof message === 'string';
}

function remove(list: UndoableAction[], action: UndoableAction): void {
  const at = list.lastIndexOf(action);
  if (at >= 0) list.splice(at, 1);
}

/// The app's one undo history.
export const undoStack = new UndoStack();
