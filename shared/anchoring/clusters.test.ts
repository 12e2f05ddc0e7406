import { afterEach, describe, expect, it, vi } from 'vitest';
import { corpusText } from '../../tests/support/shared-files.js';
import { clusterBoundaryAtOrAfter, clusterBoundaryAtOrBefore, isClusterBoundary } from './clusters.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/// Every cluster boundary of `text`, found by segmenting all of it (the reference).
function boundariesOf(text: string): boolean[] {
  const at = new Array<boolean>(text.length + 1).fill(false);
  for (const g of segmenter.segment(text)) at[g.index] = true;
  at[text.length] = true;
  return at;
}

/// Checks the three functions at every UTF-16 offset of `text` against the reference.
function expectAgreement(text: string): void {
  const at = boundariesOf(text);
  for (let i = 0; i <= text.length; i++) {
    let after = i;
    while (!at[after]) after++;
    let before = i;
    while (!at[before]) before--;
    expect(isClusterBoundary(text, i), `boundary at ${i}`).toBe(at[i]);
    expect(clusterBoundaryAtOrAfter(text, i), `at or after ${i}`).toBe(after);
    expect(clusterBoundaryAtOrBefore(text, i), `at or before ${i}`).toBe(before);
  }
}

describe('grapheme cluster boundaries near an offset', () => {
  it('agree with segmenting the whole text, in Russian with stress marks, emoji, flags and Devanagari', () => {
    const text =
      'В Ташке́нте откры́лся ста́рый за́мок, но замо́к на его́ воро́тах был но́вый.\r\n' +
      'Семья́ 👨‍👩‍👧‍👦 прие́хала из 🇺🇿 Узбекиста́на; 👍🏽 — नई दिल्ली में बैठक हुई। क्षत्रिय\n' +
      corpusText('corpus/ru/gazetauz-tg-01477.txt');
    expectAgreement(text);
  });

  it('pair flag letters from the start of their run, however long the run', () => {
    // 40 flags with nothing between them: a stretch that began inside the run would pair
    // the letters the wrong way round after an odd start.
    const flags = '🇺🇿🇰🇿🇷🇺🇰🇬🇹🇯'.repeat(8);
    expectAgreement(`Флаги: ${flags} и ${flags.slice(2)}.`);
  });

  it('keep long clusters whole: a chain of emoji joined by ZWJ, a letter under many marks, a prepended mark', () => {
    const chain = Array.from({ length: 20 }, () => '👩🏽‍💻').join('\u200d');
    const zalgo = 'з' + '\u0301\u0316\u0317\u0318'.repeat(30);
    expectAgreement(`начало ${chain}конец ${zalgo}а ؀ ١٢ 🏳️‍🌈 क्‍ष`);
  });

  it('segment only a few characters around the offset, not the whole article', () => {
    const article = corpusText('corpus/ru/ods-meduza-6.txt');
    const text = (article + '\n').repeat(4); // about 100 KB of text
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    let offsets = 0;
    for (let i = 1000; i < text.length; i += 997) {
      clusterBoundaryAtOrAfter(text, i);
      clusterBoundaryAtOrBefore(text, i);
      offsets += 2;
    }
    const segmented = segment.mock.calls.reduce((sum, [input]) => sum + String(input).length, 0);
    expect(segment).toHaveBeenCalled();
    expect(segmented / offsets).toBeLessThan(100);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });
});
