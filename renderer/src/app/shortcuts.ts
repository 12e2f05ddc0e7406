// The global keyboard shortcuts, decided from the key alone so the rules are tested without a
// browser: Ctrl/Cmd+F or `/` go to the search box, Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and
// Ctrl+Y redo, Escape closes what is open. Undo and `/` are left alone while typing, where the
// text field's own undo and the slash character belong to the user. Letters are read with
// `keyLetter`, so the shortcuts also work while the keyboard types Cyrillic.

/// What a global shortcut asks for.
export type ShortcutAction = 'focus-search' | 'undo' | 'redo' | 'escape';

/// The parts of a KeyboardEvent the decision needs.
export interface KeyPress {
  key: string;
  /// The physical key (`KeyZ`); browsers always give it, tests may leave it out.
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/// The letter a key press stands for, lower-cased, or null for keys that are not letters.
/// A Latin letter is taken as typed, so a French (AZERTY) or German layout gets the letters
/// printed on its keys; a letter of another script (Ctrl+Z arrives as `я` on a Russian layout)
/// stands for the letter of the key it was typed on, so shortcuts stay on the same keys there.
export function keyLetter(e: Pick<KeyPress, 'key' | 'code'>): string | null {
  if ([...e.key].length !== 1 || !/\p{L}/u.test(e.key)) return null;
  if (/\p{Script=Latin}/u.test(e.key)) return e.key.toLowerCase();
  const physical = /^Key([A-Z])$/.exec(e.code ?? '');
  return physical ? physical[1]!.toLowerCase() : null;
}

/// The global shortcut a key press means, if any; `typing` when focus is in a text field.
export function shortcutFor(e: KeyPress, typing: boolean): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = keyLetter(e) ?? (e.key.length === 1 ? e.key.toLowerCase() : e.key);
  if (e.altKey) return null;
  if (key === 'Escape') return 'escape';
  if (mod && key === 'f' && !e.shiftKey) return 'focus-search';
  if (!mod && key === '/' && !typing) return 'focus-search';
  if (typing) return null;
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (e.ctrlKey && !e.metaKey && key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/// Whether an element takes typed text (inputs, text areas, editable content, selects).
export function isTypingTarget(el: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const nonText = ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'];
  return !nonText.includes((el.type ?? 'text').toLowerCase());
}
