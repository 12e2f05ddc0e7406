import { describe, expect, it } from 'vitest';
import { corpusText } from '../../tests/support/shared-files.js';
import type { TextSelectors } from '../model.js';
import { isWellFormedText } from '../text/well-formed.js';
import { anchor } from './anchor.js';
import { CONTEXT_LENGTH, describeRange } from './describe.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/// Offsets where grapheme clusters begin, by segmenting the whole text (the reference).
function boundariesOf(text: string): number[] {
  return [...segmenter.segment(text)].map((g) => g.index).concat(text.length);
}

// Russian as dictionaries and books for learners print it, with the stress marked by U+0301 after
// the vowel (no precomposed Cyrillic letter holds it): за́мок "castle" and замо́к "lock" differ
// only in it.
const STRESSED =
  'В Ташке́нте откры́лся по́сле реставра́ции ста́рый за́мок, но замо́к на его́ воро́тах был но́вый. ' +
  'Экскурсово́ды расска́зывают, что зда́ние постро́или в XIX ве́ке, а в сове́тское вре́мя в нём был музе́й.';

const FAMILY = `Семья́ 👨‍👩‍👧‍👦 прие́хала на пра́здник. ${corpusText('corpus/ru/gazetauz-tg-00396.txt')}`;

const FLAGS = `Делега́ции 🇺🇿 Узбекиста́на и 🇰🇿 Казахста́на подписа́ли соглаше́ние. ${corpusText('corpus/ru/gazetauz-tg-01477.txt')}`;

// Hindi: vowel signs and the virama belong to the consonant before them.
const DEVANAGARI = 'नई दिल्ली में भारत और उज़्बेकिस्तान के विदेश मंत्रियों की बैठक हुई। दोनों देशों ने व्यापार बढ़ाने पर सहमति जताई।';

/// Describes a passage at every cluster boundary of `text`, and checks that each context is the
/// longest run of whole clusters that fits in CONTEXT_LENGTH units, and that the passage itself
/// is kept as given.
function expectWholeClusters(text: string): void {
  const bounds = boundariesOf(text);
  const isBound = new Set(bounds);
  for (let k = 0; k + 3 < bounds.length; k++) {
    const [start, end] = [bounds[k], bounds[k + 3]];
    const sel = describeRange(text, start, end);
    expect(sel).toMatchObject({ start, end, exact: text.slice(start, end) });
    const from = bounds.find((b) => b >= start - CONTEXT_LENGTH)!;
    const to = bounds.filter((b) => b <= end + CONTEXT_LENGTH).pop()!;
    expect(sel.prefix, `prefix of ${start}`).toBe(text.slice(from, start));
    expect(sel.suffix, `suffix of ${end}`).toBe(text.slice(end, to));
    expect(isBound.has(start - sel.prefix.length) && isBound.has(end + sel.suffix.length)).toBe(true);
  }
}

describe('describeRange cuts the context between grapheme clusters', () => {
  it('keeps a Russian letter with its stress mark', () => {
    const mark = STRESSED.indexOf('за́мок') + 2;
    expect(STRESSED[mark]).toBe('\u0301');
    // 32 units before the passage falls between "а" and its mark: the context gives up both.
    const start = mark + CONTEXT_LENGTH;
    const sel = describeRange(STRESSED, start, start + 5);
    expect(sel.prefix).toBe(STRESSED.slice(mark + 1, start));
    expect(sel.prefix).not.toMatch(/^\p{M}/u);
    // 32 units after it falls there too: the suffix ends before "а".
    const end = mark - CONTEXT_LENGTH;
    const after = describeRange(STRESSED, end - 5, end);
    expect(after.suffix).toBe(STRESSED.slice(end, mark - 1));
    expectWholeClusters(STRESSED);
  });

  it('keeps an emoji family joined by ZWJ whole', () => {
    const family = FAMILY.indexOf('👨‍👩‍👧‍👦');
    const start = family + 5 + CONTEXT_LENGTH; // 32 units back is inside the family
    const sel = describeRange(FAMILY, start, start + 4);
    expect(sel.prefix).toBe(FAMILY.slice(family + '👨‍👩‍👧‍👦'.length, start));
    expect(sel.prefix).not.toContain('\u200d');
    expectWholeClusters(FAMILY);
  });

  it('keeps both letters of a flag', () => {
    const flag = FLAGS.indexOf('🇰🇿');
    const start = flag + 2 + CONTEXT_LENGTH; // 32 units back is between 🇰 and 🇿
    const sel = describeRange(FLAGS, start, start + 4);
    expect(sel.prefix).toBe(FLAGS.slice(flag + 4, start));
    expect(sel.prefix).not.toMatch(/^\p{Regional_Indicator}/u);
    const end = flag + 2 - CONTEXT_LENGTH;
    expect(describeRange(FLAGS, end - 4, end).suffix).toBe(FLAGS.slice(end, flag));
    expectWholeClusters(FLAGS);
  });

  it('keeps a Devanagari consonant with its vowel sign', () => {
    const syllable = DEVANAGARI.indexOf('दि'); // द + ि
    const start = syllable + 1 + CONTEXT_LENGTH;
    const sel = describeRange(DEVANAGARI, start, start + 3);
    expect(sel.prefix).not.toMatch(/^\p{M}/u);
    expectWholeClusters(DEVANAGARI);
  });

  it('never leaves half a surrogate pair in a context, at any offset', () => {
    const text = `${FAMILY}\n${FLAGS}`;
    // Every passage of two code points, from every code point boundary.
    const starts = [...text].reduce<number[]>((at, c) => at.concat(at[at.length - 1] + c.length), [0]);
    for (let k = 0; k + 2 < starts.length; k++) {
      const sel = describeRange(text, starts[k], starts[k + 2]);
      expect(isWellFormedText(sel.prefix) && isWellFormedText(sel.suffix), `context of ${starts[k]}`).toBe(true);
    }
  });

  it('never moves the passage itself, even when it begins or ends inside a cluster', () => {
    const mark = STRESSED.indexOf('за́мок') + 2;
    // From the stress mark to the middle of the family: the range is kept as given.
    const text = `${STRESSED} ${FAMILY}`;
    const family = text.indexOf('👨‍👩‍👧‍👦');
    const sel = describeRange(text, mark, family + 3);
    expect(sel).toMatchObject({ start: mark, end: family + 3, exact: text.slice(mark, family + 3) });
    expect(text.slice(mark - sel.prefix.length, mark)).toBe(sel.prefix);
    expect(text.startsWith(sel.suffix, family + 3)).toBe(true);
  });
});

describe('anchor finds passages described with either cut', () => {
  /// Selectors as they were stored before contexts were cut between clusters: exactly 32 units
  /// either side, wherever that fell (here: after a stress mark's letter, inside a family, between
  /// a flag's letters, or between the halves of a surrogate pair, as imported data may hold).
  function storedBefore(text: string, start: number, end: number): TextSelectors {
    return { start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
  }

  const cases: { name: string; text: string; cutAt: (text: string) => number }[] = [
    { name: 'a stress mark', text: STRESSED, cutAt: (t) => t.indexOf('его́') + 3 },
    { name: 'an emoji family', text: FAMILY, cutAt: (t) => t.indexOf('👨‍👩‍👧‍👦') + 3 },
    { name: 'a flag', text: FLAGS, cutAt: (t) => t.indexOf('🇺🇿') + 2 },
  ];

  it.each(cases)('in unchanged and changed text, when the old prefix began inside $name', ({ text, cutAt }) => {
    // A passage whose old 32-unit prefix began at the cut, running to the end of a word.
    const cut = cutAt(text);
    const s = cut + 32;
    const e = text.indexOf(' ', s + 6);
    const quote = text.slice(s, e);
    const old = storedBefore(text, s, e);
    const fresh = describeRange(text, s, e);
    expect(fresh.prefix.length).toBeLessThan(old.prefix.length);
    expect(old.prefix.endsWith(fresh.prefix)).toBe(true);

    for (const sel of [old, fresh]) {
      expect(anchor(text, sel)).toEqual({ status: 'anchored', start: s, end: e });
      const inserted = 'Обновлено редакцией.\n';
      expect(anchor(inserted + text, sel)).toEqual({ status: 'moved', start: s + inserted.length, end: e + inserted.length });
      // A copy of the quote in other words, placed 3 units from the old position, loses to the
      // one farther away whose context agrees.
      const decoy = `Сообщение: ${quote} — не подтвердилось.\n`;
      const shift = 'Ъ'.repeat(s + 3 - 'Сообщение: '.length);
      const withDecoy = shift + decoy + text;
      const found = anchor(withDecoy, sel);
      expect(withDecoy.slice(found.start, found.end)).toBe(quote);
      expect(found.start).toBe(s + shift.length + decoy.length);
    }
  });

  it('when the old prefix begins with half a surrogate pair', () => {
    const family = FAMILY.indexOf('👨‍👩‍👧‍👦');
    const start = family + 1 + 32; // 32 units back is the low half of 👨
    const end = start + 6;
    const old = storedBefore(FAMILY, start, end);
    expect(isWellFormedText(old.prefix)).toBe(false);
    const inserted = 'Обновлено редакцией.\n';
    expect(anchor(inserted + FAMILY, old)).toEqual({ status: 'moved', start: start + inserted.length, end: end + inserted.length });
    expect(isWellFormedText(describeRange(FAMILY, start, end).prefix)).toBe(true);
  });
});
