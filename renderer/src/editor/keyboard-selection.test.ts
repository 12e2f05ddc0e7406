import { describe, expect, it } from 'vitest';
import { selectionMove } from './keyboard-selection.js';

const key = (k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('keyboard selection keys', () => {
  it('extends by character, word, line and to the line edges with Shift', () => {
    expect(selectionMove(key('ArrowRight', { shiftKey: true }))).toEqual({ direction: 'forward', granularity: 'character' });
    expect(selectionMove(key('ArrowLeft', { shiftKey: true, ctrlKey: true }))).toEqual({ direction: 'backward', granularity: 'word' });
    expect(selectionMove(key('ArrowDown', { shiftKey: true }))).toEqual({ direction: 'forward', granularity: 'line' });
    expect(selectionMove(key('Home', { shiftKey: true }))).toEqual({ direction: 'backward', granularity: 'lineboundary' });
  });

  it('leaves plain arrows (scrolling) and other keys alone', () => {
    expect(selectionMove(key('ArrowRight'))).toBeNull();
    expect(selectionMove(key('h', { shiftKey: true }))).toBeNull();
    expect(selectionMove(key('PageDown', { shiftKey: true }))).toBeNull();
  });
});
