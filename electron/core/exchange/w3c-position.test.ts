import { describe, expect, it } from 'vitest';
import { codePointLength } from '../../../shared/anchoring/codepoints.js';
import { PositionReader } from './w3c-position.js';

// Many decomposable letters (ў, ё, й) before two nearby occurrences of the same word: in the
// decomposed text every position is far larger than in the stored one, so a position read as if
// it counted the stored text lands nearer the wrong occurrence.
const stored = `${'Бу йил ўқувчилар ёзги таътилга чиқишди. '.repeat(8)}Улар бўлган жойда бўлган гапни айтди.`;
const nfd = stored.normalize('NFD');
const first = stored.indexOf('бўлган');
const second = stored.indexOf('бўлган', first + 1);

/// A selector as a tool that keeps the text decomposed writes it: position and quote in that text.
function decomposedSelector(start: number, end: number, count: (s: string) => number, context = true) {
  const s = nfd.indexOf(stored.slice(start, end).normalize('NFD'), stored.slice(0, start).normalize('NFD').length);
  const e = s + stored.slice(start, end).normalize('NFD').length;
  return {
    start: count(nfd.slice(0, s)),
    end: count(nfd.slice(0, e)),
    exact: nfd.slice(s, e),
    ...(context ? { prefix: nfd.slice(Math.max(0, s - 32), s), suffix: nfd.slice(e, e + 32) } : {}),
  };
}

describe('PositionReader', () => {
  it('maps a position counted in the decomposed text onto the stored one, at the right one of two occurrences', () => {
    const reader = new PositionReader();
    for (const context of [true, false]) {
      const sel = decomposedSelector(second, second + 'бўлган'.length, codePointLength, context);
      // The naive reading points well past the second occurrence's stored place.
      expect(sel.start - second).toBeGreaterThan(20);
      expect(reader.storedPosition(stored, sel)).toEqual({ start: second, end: second + 6, confirmed: true });
      const one = decomposedSelector(first, first + 'бўлган'.length, codePointLength, context);
      expect(reader.storedPosition(stored, one)).toEqual({ start: first, end: first + 6, confirmed: true });
    }
  });

  it('reads UTF-16 positions when code points do not fit the quote', () => {
    const withEmoji = `😀😀 ${stored}`;
    const at = withEmoji.lastIndexOf('бўлган');
    const d = withEmoji.normalize('NFD');
    const s = d.lastIndexOf('бўлган'.normalize('NFD'));
    const e = s + 'бўлган'.normalize('NFD').length;
    const sel = { start: s, end: e, exact: d.slice(s, e) };
    expect(new PositionReader().storedPosition(withEmoji, sel)).toEqual({ start: at, end: at + 6, confirmed: true });
  });

  it('takes positions of the stored text as they are, in code points', () => {
    const text = `😀 ${stored}`;
    const at = text.lastIndexOf('бўлган');
    const sel = { start: codePointLength(text.slice(0, at)), end: codePointLength(text.slice(0, at)) + 6, exact: 'бўлган' };
    expect(new PositionReader().storedPosition(text, sel)).toEqual({ start: at, end: at + 6, confirmed: true });
  });

  it('gives only a hint when no reading holds the quote', () => {
    const got = new PositionReader().storedPosition(stored, { start: 3, end: 6, exact: 'бошқа' });
    expect(got).toEqual({ start: 3, end: 6, confirmed: false });
    expect(new PositionReader().storedPosition(stored, { start: 0, end: stored.length + 400, exact: 'x' })).toBeNull();
  });
});
