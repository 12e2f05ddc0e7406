import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor, type KeyPress } from './shortcuts.js';

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
