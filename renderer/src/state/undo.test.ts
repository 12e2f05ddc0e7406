import { describe, expect, it } from 'vitest';
import { describeError } from './describeError.js';
import { GoneError, TagRefs, UndoStack, type UndoableAction } from './undo.js';

/// An action that records its steps and fails the way it is told to.
function step(label: string, log: string[], fail: { undo?: () => Error; redo?: () => Error } = {}): UndoableAction {
  return {
    label,
    undo: async () => {
      const e = fail.undo?.();
      if (e) throw e;
      log.push(`undo ${label}`);
    },
    redo: async () => {
      const e = fail.redo?.();
      if (e) throw e;
      log.push(`redo ${label}`);
    },
  };
}

const apiError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('UndoStack', () => {
  it('removes an action whose subject is gone for good, says so, and reaches the earlier ones', async () => {
    const stack = new UndoStack();
    const log: string[] = [];
    stack.push(step('create tag “A”', log));
    stack.push(step('move tag “B”', log, { undo: () => apiError('not_found', 'There is no tag with id 2.') }));
    let heard = 0;
    stack.subscribe(() => heard++);

    const failure = await stack.undo().catch((e: unknown) => e);
    expect(describeError(failure, 'undo')).toBe('Could not undo: move tag “B”: There is no tag with id 2; it has been removed from the history.');
    expect(heard).toBe(1);
    expect(stack.canRedo).toBe(false);
    expect(stack.undoLabel).toBe('create tag “A”');
    expect((await stack.undo())?.label).toBe('create tag “A”');
    expect(log).toEqual(['undo create tag “A”']);
  });

  it('does the same for redo', async () => {
    const stack = new UndoStack();
    const log: string[] = [];
    stack.push(step('highlight', log));
    stack.push(step('recolour tag “B”', log, { redo: () => new GoneError('the tag “B” has been deleted') }));
    await stack.undo();
    await stack.undo();
    expect(stack.redoLabel).toBe('highlight');
    await stack.redo();
    const failure = await stack.redo().catch((e: unknown) => e);
    expect(describeError(failure, 'redo')).toBe('Could not redo: recolour tag “B”: the tag “B” has been deleted; it has been removed from the history.');
    expect(stack.canRedo).toBe(false);
    expect(stack.undoLabel).toBe('highlight');
  });

  it('keeps an action that failed for another reason, so it can be tried again', async () => {
    const stack = new UndoStack();
    const log: string[] = [];
    let offline = true;
    stack.push(step('note', log, { undo: () => (offline ? apiError('internal', 'The library is not responding.') : undefined)! }));
    await expect(stack.undo()).rejects.toThrow('The library is not responding.');
    expect(stack.undoLabel).toBe('note');
    expect(stack.canUndo).toBe(true);
    offline = false;
    expect((await stack.undo())?.label).toBe('note');
    expect(log).toEqual(['undo note']);
  });

  it('moves the action it ran even when another was recorded meanwhile', async () => {
    const stack = new UndoStack();
    const log: string[] = [];
    stack.push(step('first', log));
    const running = stack.undo();
    stack.push(step('second', log));
    await running;
    expect(stack.undoLabel).toBe('second');
    expect(stack.redoLabel).toBe('first');
  });
});

describe('TagRefs', () => {
  it('follows a tag to the id undo gave it, and tells a new tag that reuses a freed id apart', () => {
    const refs = new TagRefs();
    const methodology = refs.ref(7);
    expect(refs.ref(7)).toBe(methodology);
    refs.deleted(methodology);
    const newcomer = refs.created(7); // the archive may hand a freed id to the next new tag
    refs.recreated(methodology, 9);
    expect(refs.id(methodology)).toBe(9);
    expect(refs.ref(9)).toBe(methodology);
    expect(refs.ref(7)).toBe(newcomer);
    refs.deletedForGood(newcomer, 'the tag “Zeta” has been deleted');
    expect(refs.idsOf([methodology, newcomer])).toEqual([9]);
    expect(() => refs.id(newcomer)).toThrow(GoneError);
    expect(refs.ref(7)).not.toBe(newcomer);
  });
});
