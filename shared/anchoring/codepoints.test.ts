import { describe, expect, it } from 'vitest';
import { CodePointIndex, codePointLength, codePointToUtf16, splitsSurrogatePair, utf16ToCodePoint } from './codepoints.js';
import { corpusText } from '../../tests/support/shared-files.js';

const SEED = 'seed/000_854e4821269078e4.txt';


// Telegram posts of gazeta.uz with emoji (outside the BMP) in their body.
const withEmoji = ['corpus/ru/gazetauz-tg-01477.txt', 'corpus/ru/gazetauz-tg-00396.txt'];

describe('code points ↔ UTF-16 offsets', () => {
  it.each(withEmoji)('agrees with Array.from counting at every character boundary of %s', (file) => {
    const text = corpusText(file);
    const index = new CodePointIndex(text);
    const chars = Array.from(text);
    expect(chars.length).toBeLessThan(text.length); // the file really has astral characters
    expect(index.codePointLength).toBe(chars.length);
    expect(codePointLength(text)).toBe(chars.length);
    let utf16 = 0;
    for (let cp = 0; cp <= chars.length; cp++) {
      expect(index.toUtf16(cp)).toBe(utf16);
      expect(index.toCodePoint(utf16)).toBe(cp);
      if (cp < chars.length) utf16 += chars[cp].length;
    }
  });

  it('places the code point after an emoji one unit before its UTF-16 offset', () => {
    const text = corpusText('corpus/ru/gazetauz-tg-01477.txt');
    const at = text.indexOf('💳');
    const after = at + 2;
    expect(text.slice(after, after + 6)).toBe('Uzcard');
    expect(utf16ToCodePoint(text, after)).toBe(Array.from(text.slice(0, after)).length);
    expect(utf16ToCodePoint(text, at)).toBe(Array.from(text.slice(0, at)).length);
    expect(codePointToUtf16(text, utf16ToCodePoint(text, after))).toBe(after);
  });

  it('is the identity on a text without astral characters (the Uzbek seed article)', () => {
    const text = corpusText(SEED);
    const index = new CodePointIndex(text);
    expect(index.codePointLength).toBe(text.length);
    for (const offset of [0, 1, 500, text.length]) {
      expect(index.toCodePoint(offset)).toBe(offset);
      expect(index.toUtf16(offset)).toBe(offset);
    }
  });

  it('refuses offsets inside a surrogate pair or outside the text', () => {
    const text = corpusText('corpus/ru/gazetauz-tg-01477.txt');
    const inside = text.indexOf('💳') + 1;
    expect(splitsSurrogatePair(text, inside)).toBe(true);
    expect(splitsSurrogatePair(text, inside - 1)).toBe(false);
    expect(() => utf16ToCodePoint(text, inside)).toThrow(/surrogate pair/);
    expect(() => utf16ToCodePoint(text, text.length + 1)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, codePointLength(text) + 1)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, 1.5)).toThrow(RangeError);
  });

  it('handles an emoji at the very start and end of a text', () => {
    const text = '🌟Итоги 2022 🌟';
    const index = new CodePointIndex(text);
    expect(index.toUtf16(1)).toBe(2);
    expect(index.toCodePoint(text.length)).toBe(13);
    expect(index.toUtf16(13)).toBe(text.length);
  });
});
