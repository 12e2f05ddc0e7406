// Undo and redo of annotation and tag actions. Each action knows how to undo and redo itself
// through the API (re-creating a deleted annotation with its uid, renaming back…), so the
// stack holds closures, not snapshots of the library.

/// A change that knows how to take itself back and do itself again.
export interface UndoableAction {
  /// Shown in menus and notices: "Undo highlight", "Redo rename tag".
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

type Listener = () => void;

/// Done and undone actions, newest last; a new action clears what was undone.
export class UndoStack {
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

  async undo(): Promise<UndoableAction | null> {
    const action = this.done.at(-1);
    if (!action || this.busy) return null;
    await this.run(() => action.undo());
    this.done.pop();
    this.undone.push(action);
    this.emit();
    return action;
  }

  async redo(): Promise<UndoableAction | null> {
    const action = this.undone.at(-1);
    if (!action || this.busy) return null;
    await this.run(() => action.redo());
    this.undone.pop();
    this.done.push(action);
    this.emit();
    return action;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(step: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await step();
    } finally {
      this.busy = false;
    }
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/// The app's one undo history.
export const undoStack = new UndoStack();
