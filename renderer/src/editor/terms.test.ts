import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { articleDoc } from './schema.js';
import { buildTermSet, setTerms, termKey, termPlugin, termRanges } from './terms.js';
import { uzCyrlText, uzLatnText } from './test-fixtures.js';
import { TextMap } from './textmap.js';

const words = (text: string, ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));

describe('search terms in the reader', () => {
  it('marks a Latin query in Cyrillic text, in the Cyrillic script it is written in', () => {
    const marked = words(uzCyrlText, termRanges(uzCyrlText, ['Qozog‘iston']));
    expect(marked.length).toBeGreaterThan(1);
    // Every marked word is a form of Қозоғистон (Қозоғистонга, Қозоғистоннинг…), as written.
    for (const w of marked) expect(w).toMatch(/^Қозоғистон/);
    expect(marked).toContain('Қозоғистонга');
  });

  it('marks a Cyrillic query in Latin text, whatever apostrophe the text uses for oʻ/gʻ', () => {
    const marked = words(uzLatnText, termRanges(uzLatnText, ['Қозоғистон']));
    expect(marked.length).toBeGreaterThan(1);
    for (const w of marked) expect(w).toMatch(/^Qozog‘iston/);
    // Typed with a plain apostrophe, the query still finds the text's U+2018.
    expect(words(uzLatnText, termRanges(uzLatnText, ["qozog'iston"]))).toEqual(marked);
  });

  it('marks whole words that start with a term, never parts of words or empty terms', () => {
    const text = 'Мудофаа вазирлиги; вазир; бевазир.';
    expect(words(text, termRanges(text, ['ВАЗИР']))).toEqual(['вазирлиги', 'вазир']);
    expect(termRanges(text, ['', '  ', '—'])).toEqual([]);
  });

  it('puts the decorations on the words through the text map, and replaces them when terms change', () => {
    const text = uzCyrlText;
    const doc = articleDoc(text);
    const map = new TextMap(text);
    const set = buildTermSet(doc, map, text, ['Мудофаа']);
    const found = set.find().map((d) => doc.textBetween(d.from, d.to));
    expect(found.length).toBeGreaterThan(0);
    for (const w of found) expect(w.toLowerCase()).toMatch(/^мудофаа/);

    let state = EditorState.create({ doc, plugins: [termPlugin(map, text, ['Мудофаа'])] });
    expect(termKey.getState(state)!.find().length).toBe(found.length);
    state = state.apply(setTerms(state.tr, []));
    expect(termKey.getState(state)!.find()).toEqual([]);
  });
});
