import { describe, expect, it } from 'vitest';
import { articleDoc } from './schema.js';
import { uzCyrlText } from './test-fixtures.js';
import { TextMap } from './textmap.js';

/// Every offset and every position of a text, checked against the document ProseMirror builds.
function checkThoroughly(text: string): void {
  const doc = articleDoc(text);
  const map = new TextMap(text);
  expect(map.docSize).toBe(doc.content.size);
  expect(map.paragraphCount).toBe(doc.childCount);
  for (let offset = 0; offset <= text.length; offset++) {
    const pos = map.toPos(offset);
    const $pos = doc.resolve(pos);
    // Every offset lands inside a paragraph's content, never between paragraphs.
    expect($pos.parent.type.name).toBe('paragraph');
    expect(map.toOffset(pos)).toBe(offset);
    // The character after the offset is the character after the position (or a paragraph end at '\n').
    const after = text[offset];
    if (after === undefined || after === '\n') expect($pos.parentOffset).toBe($pos.parent.content.size);
    else expect(doc.textBetween(pos, pos + 1)).toBe(after);
  }
  let previous = -1;
  for (let pos = 0; pos <= doc.content.size; pos++) {
    const offset = map.toOffset(pos);
    expect(offset).toBeGreaterThanOrEqual(previous);
    previous = offset;
  }
  expect(map.toOffset(doc.content.size)).toBe(text.length);
}

describe('TextMap', () => {
  it('maps a real Cyrillic article both ways, and ranges read back the same text', () => {
    const text = uzCyrlText;
    expect(text).toContain('Қозоғистон');
    checkThoroughly(text);
    const doc = articleDoc(text);
    const map = new TextMap(text);
    const word = 'Мудофаа вазирлиги';
    const start = text.indexOf(word);
    expect(start).toBeGreaterThan(0);
    const { from, to } = map.rangeToPos(start, start + word.length);
    expect(doc.textBetween(from, to)).toBe(word);
    // A range across paragraphs reads back with the '\n' where the paragraph break is.
    const secondBreak = text.indexOf('\n', text.indexOf('\n') + 1);
    const a = secondBreak - 10;
    const b = secondBreak + 12;
    const r = map.rangeToPos(a, b);
    expect(doc.textBetween(r.from, r.to, '\n')).toBe(text.slice(a, b));
  });

  it('handles the paragraph boundaries: first, last, and the offsets on either side of a break', () => {
    const text = 'ab\ncd';
    const map = new TextMap(text);
    // <p>ab</p><p>cd</p>: content of the first at 1..3, of the second at 5..7.
    expect([0, 1, 2, 3, 4, 5].map((o) => map.toPos(o))).toEqual([1, 2, 3, 5, 6, 7]);
    expect(map.toOffset(0)).toBe(0); // before the first paragraph
    expect(map.toOffset(4)).toBe(3); // between the paragraphs: start of the second
    expect(map.toOffset(8)).toBe(5); // after the last paragraph: end of the text
    expect(map.paragraphAtOffset(2)).toBe(0); // the '\n' belongs to the paragraph it ends
    expect(map.paragraphAtOffset(3)).toBe(1);
    checkThoroughly(text);
  });

  it('keeps empty paragraphs (leading, doubled and trailing line breaks) and the empty text', () => {
    for (const text of ['', '\n', '\n\nx', 'x\n\n\ny', 'x\n', '\n\n']) checkThoroughly(text);
    const map = new TextMap('a\n\nb');
    expect(map.paragraphCount).toBe(3);
    expect(map.toPos(2)).toBe(4); // the empty paragraph's only position
    expect(map.paragraphStart(2)).toBe(3);
    expect(map.paragraphEnd(1)).toBe(2);
  });

  it('counts astral characters as two units on both sides', () => {
    const text = 'Ўзбек 𝔘𝔷 😀\n𐰴𐰺 end';
    checkThoroughly(text);
    const doc = articleDoc(text);
    const map = new TextMap(text);
    const emoji = text.indexOf('😀');
    const { from, to } = map.rangeToPos(emoji, emoji + 2);
    expect(doc.textBetween(from, to)).toBe('😀');
    const turkic = text.indexOf('𐰴𐰺');
    const r = map.rangeToPos(turkic, turkic + 4);
    expect(doc.textBetween(r.from, r.to)).toBe('𐰴𐰺');
  });

  it('refuses offsets and positions outside the text rather than guessing', () => {
    const map = new TextMap('abc');
    expect(() => map.toPos(-1)).toThrow(RangeError);
    expect(() => map.toPos(4)).toThrow(/outside the text/);
    expect(() => map.toPos(1.5)).toThrow(RangeError);
    expect(() => map.toOffset(6)).toThrow(/outside the document/);
  });
});
