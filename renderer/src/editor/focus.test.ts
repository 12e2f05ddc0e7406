import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { ACTIVE_CLASS, FLASH_CLASS, focusKey, focusPlugin, setActive, setFlash } from './focus.js';
import { articleDoc } from './schema.js';
import { uzCyrlText } from './test-fixtures.js';
import { TextMap } from './textmap.js';

describe('focus decorations', () => {
  const doc = articleDoc(uzCyrlText);
  const map = new TextMap(uzCyrlText);
  const phrase = 'Коллектив хавфсизлик шартномаси';
  const start = uzCyrlText.indexOf(phrase);
  const range = { id: 4, start, end: start + phrase.length };

  it('outlines the active annotation and pulses the flashed one over exactly their text, independently', () => {
    let state = EditorState.create({ doc, plugins: [focusPlugin(map)] });
    state = state.apply(setActive(state.tr, range));
    state = state.apply(setFlash(state.tr, { ...range, id: 5 }));
    const found = focusKey
      .getState(state)!
      .set.find()
      .map((d) => ({ text: doc.textBetween(d.from, d.to), cls: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class }));
    expect(found).toEqual([
      { text: phrase, cls: ACTIVE_CLASS },
      { text: phrase, cls: FLASH_CLASS },
    ]);
    state = state.apply(setFlash(state.tr, null));
    expect(focusKey.getState(state)!.active).toEqual(range);
    expect(focusKey.getState(state)!.set.find()).toHaveLength(1);
    state = state.apply(setActive(state.tr, null));
    expect(focusKey.getState(state)!.set.find()).toEqual([]);
  });

  it('ignores ranges that are empty or run past the text', () => {
    let state = EditorState.create({ doc, plugins: [focusPlugin(map)] });
    state = state.apply(setActive(state.tr, { id: 1, start: 10, end: 10 }));
    state = state.apply(setFlash(state.tr, { id: 2, start: 0, end: uzCyrlText.length + 5 }));
    expect(focusKey.getState(state)!.set.find()).toEqual([]);
  });
});
