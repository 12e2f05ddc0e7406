import { EditorState } from 'prosemirror-state';
import type { Decoration, DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_IDS_ATTR,
  buildHighlightSet,
  colourKey,
  highlightKey,
  highlightPlugin,
  removeHighlight,
  resetHighlights,
  upsertHighlight,
  type HighlightSpan,
} from './highlights.js';
import { articleDoc } from './schema.js';
import { uzCyrlText } from './test-fixtures.js';
import { TextMap } from './textmap.js';

/// A decoration's attributes (prosemirror-view keeps them on the decoration's type).
function attrs(d: Decoration): Record<string, string> {
  return (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
}

/// A set as plain data, in document order, for comparing two sets.
function describeSet(set: DecorationSet): { from: number; to: number; attrs: Record<string, string> }[] {
  return set
    .find()
    .map((d) => ({ from: d.from, to: d.to, attrs: attrs(d) }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

function spanOf(text: string, id: number, phrase: string, color: string, occurrence = 0): HighlightSpan {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" is not in the fixture`);
  return { id, start, end: start + phrase.length, color };
}

describe('highlight decorations on a real Uzbek Cyrillic article', () => {
  const text = uzCyrlText;
  const doc = articleDoc(text);
  const map = new TextMap(text);
  const outer = spanOf(text, 1, 'Бу ҳақда Қозоғистон Мудофаа вазирлиги маълум қилди.', '#e57373');
  const inner = spanOf(text, 2, 'Мудофаа вазирлиги', '#64b5f6');
  const crossing = spanOf(text, 3, 'маълум қилди.\n«Ҳамкорлик-2022»', '#81c784');

  it('draws overlapping annotations as segments over exactly their text, inner colour first', () => {
    const spans = new Map([outer, inner, crossing].map((s) => [s.id, s]));
    const decorations = describeSet(buildHighlightSet(doc, map, spans));
    const drawn = decorations.map((d) => ({ text: doc.textBetween(d.from, d.to, '\n'), ids: d.attrs[ANNOTATION_IDS_ATTR] }));
    expect(drawn).toEqual([
      { text: 'Бу ҳақда Қозоғистон ', ids: '1' },
      { text: 'Мудофаа вазирлиги', ids: '2 1' },
      { text: ' ', ids: '1' },
      { text: 'маълум қилди.', ids: '3 1' }, // the crossing one is shorter,
      { text: '«Ҳамкорлик-2022»', ids: '3' }, // cut at the paragraph break: one piece per paragraph
    ]);
    const overlap = decorations[1]!.attrs;
    expect(overlap.class).toBe('qalam-hl qalam-hl--overlap');
    expect([overlap['data-hl'], overlap['data-hl2']]).toEqual(['64b5f6', 'e57373']);
    expect(decorations[0]!.attrs.class).toBe('qalam-hl');
    expect(decorations[0]!.attrs['data-hl']).toBe('e57373');
    expect(decorations[0]!.attrs['data-hl2']).toBeUndefined();
    // Positions come from the one text map: the start of each piece is the mapped offset.
    expect(decorations[1]!.from).toBe(map.toPos(inner.start));
    expect(decorations[4]!.to).toBe(map.toPos(crossing.end));
  });

  it('adds, recolours and removes one highlight by patching, ending where a full rebuild would', () => {
    const far = spanOf(text, 9, 'Рекламани ёпиш', '#ffb74d');
    let state = EditorState.create({ doc, plugins: [highlightPlugin(map, [outer, crossing, far])] });
    const rebuilt = (spans: HighlightSpan[]) => describeSet(buildHighlightSet(doc, map, new Map(spans.map((s) => [s.id, s]))));
    const farDecoration = (s: EditorState) => highlightKey.getState(s)!.set.find(map.toPos(far.start), map.toPos(far.end));
    const farBefore = farDecoration(state);
    expect(farBefore).toHaveLength(1);

    state = state.apply(upsertHighlight(state.tr, inner));
    expect(describeSet(highlightKey.getState(state)!.set)).toEqual(rebuilt([outer, crossing, far, inner]));
    // The segment far from the change keeps its very decoration (same spec object): nothing was rebuilt there.
    expect(farDecoration(state)[0]!.spec).toBe(farBefore[0]!.spec);

    const recoloured = { ...inner, color: '#ba68c8' };
    state = state.apply(upsertHighlight(state.tr, recoloured));
    expect(describeSet(highlightKey.getState(state)!.set)).toEqual(rebuilt([outer, crossing, far, recoloured]));

    const moved = { ...outer, start: outer.start + 3 };
    state = state.apply(upsertHighlight(state.tr, moved));
    expect(describeSet(highlightKey.getState(state)!.set)).toEqual(rebuilt([moved, crossing, far, recoloured]));

    state = state.apply(removeHighlight(state.tr, outer.id));
    expect(describeSet(highlightKey.getState(state)!.set)).toEqual(rebuilt([crossing, far, recoloured]));
    expect(highlightKey.getState(state)!.spans.has(outer.id)).toBe(false);

    state = state.apply(resetHighlights(state.tr, []));
    expect(highlightKey.getState(state)!.set.find()).toEqual([]);
  });

  it('keeps a long article with 2,000 random overlapping highlights equal to a rebuild through many patches', () => {
    // About 100 KB: the fixture repeated, as the benchmark's article is.
    const long = Array.from({ length: Math.ceil(100_000 / text.length) }, () => text).join('\n');
    const longDoc = articleDoc(long);
    const longMap = new TextMap(long);
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const colours = ['#e57373', '#64b5f6', '#81c784', '#ffb74d'];
    const spans: HighlightSpan[] = [];
    for (let id = 1; id <= 2000; id++) {
      const start = next(long.length - 300);
      spans.push({ id, start, end: start + 5 + next(250), color: colours[id % 4]! });
    }
    let state = EditorState.create({ doc: longDoc, plugins: [highlightPlugin(longMap, spans)] });
    const live = new Map(spans.map((s) => [s.id, s]));
    for (let k = 0; k < 40; k++) {
      if (k % 3 === 2) {
        const id = 1 + next(2000);
        live.delete(id);
        state = state.apply(removeHighlight(state.tr, id));
      } else {
        const start = next(long.length - 300);
        const span = { id: 3000 + k, start, end: start + 1 + next(400), color: colours[k % 4]! };
        live.set(span.id, span);
        state = state.apply(upsertHighlight(state.tr, span));
      }
    }
    const patched = highlightKey.getState(state)!.set;
    expect(describeSet(patched)).toEqual(describeSet(buildHighlightSet(longDoc, longMap, live)));
    // Every piece stays inside one paragraph, even where its segment crosses a break.
    for (const d of patched.find()) expect(longDoc.resolve(d.from).sameParent(longDoc.resolve(d.to))).toBe(true);
  });

  it('lets only six-digit hex colours into the attributes that select CSS rules', () => {
    expect(colourKey('#A1B2C3')).toBe('a1b2c3');
    expect(colourKey('red')).toBe('f2c94c');
    expect(colourKey('#123"]{}body{x:y')).toBe('f2c94c');
    expect(colourKey(undefined)).toBe('f2c94c');
  });
});
