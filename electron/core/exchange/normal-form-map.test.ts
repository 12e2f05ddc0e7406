import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../articles/normalize.js';
import { CORPUS } from '../export/sample-library.js';
import { normalFormMap, normalQuote } from './normal-form-map.js';

const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/// The spans of the words of `text`, in order.
const wordSpans = (text: string) => [...text.matchAll(WORD)].map((m) => [m.index!, m.index! + m[0].length]);

describe('normalFormMap', () => {
  it('maps every word of a decomposed Uzbek text with Windows line ends onto the stored text', () => {
    const stored = normalizeText(readFileSync(join(CORPUS, 'uz-cyrl', 'uzt-054.txt'), 'utf8'));
    // As a macOS tool on a shared drive might keep it: decomposed, CRLF, spaces at line ends,
    // blank lines before and after.
    const original = `\r\n\r\n${stored.normalize('NFD').replace(/\n/g, ' \t\r\n')}\r\n\r\n`;
    const map = normalFormMap(original)!;
    expect(map.text).toBe(stored);
    const before = wordSpans(original);
    const after = wordSpans(stored);
    expect(before.length).toBe(after.length);
    // The decomposed letters really shift the offsets (ў, ё, й are two code points there).
    expect(before.at(-1)![0] - after.at(-1)![0]).toBeGreaterThan(50);
    before.forEach(([s, e], k) => {
      expect([map.start(s), map.end(e)]).toEqual(after[k]);
    });
  });

  it('maps decomposed Latin letters (ä, ş, ō) the same way', () => {
    const stored = normalizeText(readFileSync(join(CORPUS, 'uz-latn-new', 'uzt-054.txt'), 'utf8')) + ' Bärbel';
    const map = normalFormMap(stored.normalize('NFD'))!;
    const before = wordSpans(stored.normalize('NFD'));
    const after = wordSpans(stored);
    before.forEach(([s, e], k) => expect([map.start(s), map.end(e)]).toEqual(after[k]));
  });

  it('keeps a letter whole when an offset falls between it and its accent', () => {
    const map = normalFormMap('ки\u0306ин')!;
    expect(map.text).toBe('кйин');
    expect(map.start(2)).toBe(1);
    expect(map.end(2)).toBe(2);
  });

  it('merges characters that compose without being marks, and counts surrogate pairs', () => {
    const map = normalFormMap('\u1100\u1161\u11a8 😀e\u0301!')!;
    expect(map.text).toBe('각 😀é!');
    expect([map.start(4), map.end(6)]).toEqual([2, 4]);
    expect([map.start(6), map.end(8)]).toEqual([4, 5]);
    expect(map.end(9)).toBe(6);
    expect(map.end(1)).toBe(1);
  });

  it('leaves text already in normal form as it is', () => {
    const map = normalFormMap('Тошкент\nшаҳри')!;
    expect([map.start(3), map.end(9)]).toEqual([3, 9]);
  });
});

describe('normalQuote', () => {
  it('composes a quote and gives it the stored line ends', () => {
    expect(normalQuote('прие\u0308м \r\nплатежей')).toBe('приём\nплатежей');
  });
});
