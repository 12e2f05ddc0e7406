import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../tests/support/corpus.js';
import { contextAfter, contextBefore } from './context.js';

const latin = readFileSync(corpus('uz-latn', 'uzt-053.txt'), 'utf8').split('\n').slice(1).join('\n');
const emoji = readFileSync(corpus('ru', 'gazetauz-tg-01477.txt'), 'utf8').split('\n').slice(1).join('\n');

describe('keyword-in-context', () => {
  it('cuts the context before a passage at the start of a word, never inside one', () => {
    const at = latin.indexOf('Mudofaa vazirligi');
    for (let n = 1; n <= 60; n++) {
      const before = contextBefore(latin, at, n);
      expect(before.length).toBeLessThanOrEqual(n);
      expect(latin.slice(0, at).endsWith(before)).toBe(true);
      // What comes just before the cut is not a letter continuing the first word.
      const cut = at - before.length;
      if (before.length > 0 && /^\p{L}/u.test(before)) expect(/[\p{L}‘’]/u.test(latin[cut - 1] ?? ' ')).toBe(false);
    }
  });

  it('keeps Uzbek words with the ‘ letter whole', () => {
    const at = latin.indexOf('Mudofaa');
    // "Qozog‘iston " is 12 units: a context of 9 must not start with "g‘iston".
    expect(contextBefore(latin, at, 9)).toBe('');
    expect(contextBefore(latin, at, 12)).toBe('Qozog‘iston ');
  });

  it('cuts the context after a passage at the end of a word, and shows line breaks as spaces', () => {
    const at = latin.indexOf('ma’lum qildi.') + 'ma’lum qildi.'.length;
    // A hyphenated name is one word: cut before it, not inside it. The line break becomes a space.
    expect(contextAfter(latin, at, 12)).toBe(' “');
    expect(contextAfter(latin, at, 17)).toBe(' “Hamkorlik-2022”');
    expect(contextAfter(latin, at, 15)).toBe(' “');
    const words = contextAfter(latin, latin.indexOf('Olmaota'), 30);
    expect(words).toBe('Olmaota viloyatlarida bo‘lib');
  });

  it('never splits an emoji', () => {
    const card = emoji.indexOf('💳');
    const after = contextAfter(emoji, card - 2, 3);
    expect(after).not.toMatch(/[\uD800-\uDBFF]$/);
    const before = contextBefore(emoji, card + 8, 7);
    expect(before).not.toMatch(/^[\uDC00-\uDFFF]/);
  });

  it('gives nothing at the edges of the text or for a zero length', () => {
    expect(contextBefore(latin, 0, 50)).toBe('');
    expect(contextAfter(latin, latin.length, 50)).toBe('');
    expect(contextAfter(latin, 10, 0)).toBe('');
  });
});
