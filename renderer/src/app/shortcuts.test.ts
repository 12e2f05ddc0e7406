import { describe, expect, it } from 'vitest';
import { isTypingTarget, keyLetter, shortcutFor, type KeyPress } from './shortcuts.js';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('global shortcuts', () => {
  it('focuses search with Ctrl/Cmd+F anywhere and / outside text fields', () => {
    expect(shortcutFor(press('f', { ctrlKey: true }), false)).toBe('focus-search');
    expect(shortcutFor(press('f', { metaKey: true }), true)).toBe('focus-search');
    expect(shortcutFor(press('/'), false)).toBe('focus-search');
    expect(shortcutFor(press('/'), true)).toBeNull();
    expect(shortcutFor(press('f'), false)).toBeNull();
  });

  it('undoes and redoes, but not while typing', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(shortcutFor(press('z', { metaKey: true }), false)).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }), false)).toBe('redo');
    expect(shortcutFor(press('z', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(press('y', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(press('z', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });

  it('passes Escape through everywhere', () => {
    expect(shortcutFor(press('Escape'), true)).toBe('escape');
    expect(shortcutFor(press('Escape'), false)).toBe('escape');
  });

  it('tells text fields from other controls', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('the letter of a key', () => {
  it('reads a Cyrillic layout by the physical key, and a Latin one by the printed letter', () => {
    expect(keyLetter({ key: 'я', code: 'KeyZ' })).toBe('z');
    expect(keyLetter({ key: 'Р', code: 'KeyH' })).toBe('h');
    expect(keyLetter({ key: 'h', code: 'KeyH' })).toBe('h');
    // AZERTY: the key where QWERTY has Q types A, and A is what the user pressed.
    expect(keyLetter({ key: 'a', code: 'KeyQ' })).toBe('a');
    expect(keyLetter({ key: 'Z', code: 'KeyW' })).toBe('z');
    // A Cyrillic letter on a key that has no Latin letter, digits, punctuation and named keys.
    expect(keyLetter({ key: 'х', code: 'BracketLeft' })).toBeNull();
    expect(keyLetter({ key: '1', code: 'Digit1' })).toBeNull();
    expect(keyLetter({ key: '/', code: 'Slash' })).toBeNull();
    expect(keyLetter({ key: 'Escape', code: 'Escape' })).toBeNull();
  });

  it('undoes, redoes and searches on a Russian layout', () => {
    expect(shortcutFor(press('я', { ctrlKey: true, code: 'KeyZ' }), false)).toBe('undo');
    expect(shortcutFor(press('Я', { ctrlKey: true, shiftKey: true, code: 'KeyZ' }), false)).toBe('redo');
    expect(shortcutFor(press('н', { ctrlKey: true, code: 'KeyY' }), false)).toBe('redo');
    expect(shortcutFor(press('а', { metaKey: true, code: 'KeyF' }), true)).toBe('focus-search');
    expect(shortcutFor(press('я', { ctrlKey: true, code: 'KeyZ' }), true)).toBeNull();
  });

  it('keeps the printed letter on a Latin layout that moves the keys', () => {
    // AZERTY: Ctrl+Z is typed on the key where QWERTY has W.
    expect(shortcutFor(press('z', { ctrlKey: true, code: 'KeyW' }), false)).toBe('undo');
    expect(shortcutFor(press('w', { ctrlKey: true, code: 'KeyZ' }), false)).toBeNull();
  });
});
