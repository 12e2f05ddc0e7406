// Selecting text with the keyboard in a read-only view. The view is not contenteditable, so the
// browser offers no caret; but Selection.modify() extends a selection in any text, by character,
// word or line, with the browser's own idea of lines and words (bidi, wrapping). Shift+arrows,
// Shift+Home/End, with Ctrl (Alt on macOS) for words, as in an editor.
import type { EditorView } from 'prosemirror-view';

type Granularity = 'character' | 'word' | 'line' | 'lineboundary';

interface Move {
  direction: 'forward' | 'backward';
  granularity: Granularity;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/// The selection move a key stands for, or null when the key is not a selection key.
export function selectionMove(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): Move | null {
  if (!event.shiftKey) return null;
  const byWord = isMac ? event.altKey : event.ctrlKey;
  switch (event.key) {
    case 'ArrowLeft':
      return { direction: 'backward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowRight':
      return { direction: 'forward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' };
    case 'Home':
      return { direction: 'backward', granularity: 'lineboundary' };
    case 'End':
      return { direction: 'forward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/// Where keyboard selection starts when the text has none yet: the first character visible in the
/// view's scroll area, so a reader who scrolled to a passage starts there, not at the top.
function startingPoint(view: EditorView): number {
  const box = view.dom.getBoundingClientRect();
  const top = Math.max(box.top, 0) + 4;
  const found = view.posAtCoords({ left: box.left + 1, top });
  return found ? found.pos : 1;
}

/// Handle a keydown in the view: extend the DOM selection (ProseMirror picks it up through its
/// selectionchange observer, as it does for the mouse). Returns true when the key was used.
export function handleSelectionKey(view: EditorView, event: KeyboardEvent): boolean {
  const move = selectionMove(event);
  if (!move) return false;
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection) return false;
  const inside = selection.anchorNode && view.dom.contains(selection.anchorNode);
  if (!inside) {
    const { node, offset } = view.domAtPos(startingPoint(view));
    selection.collapse(node, offset);
  }
  // Selection.modify is not in TypeScript's DOM types everywhere; every engine Qalam runs in has it.
  (selection as Selection & { modify(alter: string, direction: string, granularity: string): void }).modify(
    'extend',
    move.direction,
    move.granularity,
  );
  event.preventDefault();
  return true;
}
