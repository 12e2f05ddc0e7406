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

  describe('cuts only between grapheme clusters', () => {
    // A Russian article with stress marks (U+0301, which no precomposed Cyrillic letter holds),
    // an emoji family joined by ZWJ, a flag, a Devanagari word with a conjunct, and a Telegram post.
    const stressed =
      'Ста́рый за́мок на берегу́ стоя́л пусто́й, но замо́к на его́ воро́тах был но́вый. ' +
      'Семья́ 👨‍👩‍👧‍👦 прие́хала из 🇺🇿 Узбекиста́на; на стене́ — надпись क्षत्रिय. ' +
      readFileSync(corpus('ru', 'gazetauz-tg-03829.txt'), 'utf8').replace(/\s+/g, ' ').trim();
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const boundaries = new Set([...segmenter.segment(stressed)].map((g) => g.index).concat(stressed.length));

    it('before a passage, at every length and position', () => {
      for (let at = 1; at < 400; at++) {
        for (let n = 1; n <= 24; n++) {
          const before = contextBefore(stressed, at, n);
          expect(before.length).toBeLessThanOrEqual(n);
          if (before === '') continue;
          // Only a space may have been trimmed off the start, so the kept text ends at the passage.
          expect(stressed.slice(0, at).endsWith(before)).toBe(true);
          expect(boundaries.has(at - before.length), `before ${at}, ${n}: "${before}"`).toBe(true);
        }
      }
    });

    it('after a passage, at every length and position', () => {
      for (let at = 0; at < 400; at++) {
        for (let n = 1; n <= 24; n++) {
          const after = contextAfter(stressed, at, n);
          expect(after.length).toBeLessThanOrEqual(n);
          if (after === '') continue;
          expect(stressed.startsWith(after, at)).toBe(true);
          expect(boundaries.has(at + after.length), `after ${at}, ${n}: "${after}"`).toBe(true);
        }
      }
    });

    it('keeps a stressed word, the emoji family and the flag whole', () => {
      const castle = stressed.indexOf('за́мок');
      // " за́мок" is seven units (the stress mark is one); a context of six cannot hold it.
      expect(contextAfter(stressed, castle - 1, 7)).toBe(' за́мок');
      expect(contextAfter(stressed, castle - 1, 6)).toBe('');
      expect(contextBefore(stressed, castle + 6, 6)).toBe('за́мок');
      expect(contextBefore(stressed, castle + 6, 5)).toBe('');
      const family = stressed.indexOf('👨‍👩‍👧‍👦');
      const size = '👨‍👩‍👧‍👦'.length; // four emoji of two units each, three joiners
      expect(size).toBe(11);
      for (let n = 1; n < size; n++) expect(contextAfter(stressed, family, n)).toBe('');
      expect(contextAfter(stressed, family, size)).toBe('👨‍👩‍👧‍👦');
      for (let n = 1; n < size; n++) expect(contextBefore(stressed, family + size, n)).toBe('');
      expect(contextBefore(stressed, family + size, size)).toBe('👨‍👩‍👧‍👦');
      const flag = stressed.indexOf('🇺🇿');
      expect(contextAfter(stressed, flag, 2)).toBe('');
      expect(contextAfter(stressed, flag, 4)).toBe('🇺🇿');
      expect(contextBefore(stressed, flag + 4, 3)).toBe('');
      expect(contextBefore(stressed, flag + 4, 4)).toBe('🇺🇿');
      const word = stressed.indexOf('क्षत्रिय');
      // "क्षत्रिय" is two conjunct syllables and य: its last sign cannot be left behind.
      expect(contextAfter(stressed, word - 1, 'क्षत्रिय'.length)).toBe('');
      expect(contextAfter(stressed, word - 1, 'क्षत्रिय'.length + 1)).toBe(' क्षत्रिय');
    });

    it('stays whole in a long run of flags and a long stack of marks', () => {
      const flags = 'Флаги: ' + '🇺🇿🇰🇿🇷🇺'.repeat(30) + ' конец';
      const start = flags.indexOf('🇺🇿');
      const flagBoundaries = new Set([...segmenter.segment(flags)].map((g) => g.index));
      for (let at = start; at < start + 360; at += 2) {
        const after = contextAfter(flags, start, at - start + 1);
        expect(flagBoundaries.has(start + after.length), `flags to ${at}`).toBe(true);
      }
      const zalgo = 'а' + '\u0301'.repeat(200) + ' б';
      expect(contextBefore(zalgo, zalgo.length, 150)).toBe('б');
      expect(contextAfter('x' + zalgo, 0, 150)).toBe('');
    });
  });

  it('gives nothing at the edges of the text or for a zero length', () => {
    expect(contextBefore(latin, 0, 50)).toBe('');
    expect(contextAfter(latin, latin.length, 50)).toBe('');
    expect(contextAfter(latin, 10, 0)).toBe('');
  });
});
