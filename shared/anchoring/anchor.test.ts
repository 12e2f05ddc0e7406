import { describe, expect, it } from 'vitest';
import { corpusText } from '../../tests/support/shared-files.js';
import { anchor } from './anchor.js';
import { checkRange, describeRange } from './describe.js';
import { exactOccurrences, matchFuzzy } from './match-quote.js';

const SEED = 'seed/000_854e4821269078e4.txt';

const seed = corpusText(SEED);

/// The range of the n-th (0-based) occurrence of `quote` in `text`.
function rangeOf(text: string, quote: string, n = 0): [number, number] {
  const at = exactOccurrences(text, quote)[n];
  if (at === undefined) throw new Error(`"${quote}" occurs fewer than ${n + 1} times`);
  return [at, at + quote.length];
}

describe('describeRange', () => {
  it('keeps the quote and 32 units of context on each side', () => {
    const [s, e] = rangeOf(seed, 'Владислав Кондратьев');
    const sel = describeRange(seed, s, e);
    expect(sel).toMatchObject({ start: s, end: e, exact: 'Владислав Кондратьев' });
    expect(sel.prefix).toBe(seed.slice(s - 32, s));
    expect(sel.suffix).toBe(seed.slice(e, e + 32));
  });

  it('shortens the context at the edges of the text', () => {
    const sel = describeRange(seed, 0, 6);
    expect(sel.prefix).toBe('');
    const end = describeRange(seed, seed.length - 5, seed.length);
    expect(end.suffix).toBe('');
  });

  it('never cuts an emoji in the context', () => {
    const text = corpusText('corpus/ru/gazetauz-tg-01477.txt');
    const card = text.indexOf('💳');
    // A passage starting 31 units after the emoji's first half: 32 units back would split it.
    const start = card + 33;
    const sel = describeRange(text, start, start + 4);
    expect(sel.prefix.length).toBe(31);
    expect(sel.prefix.startsWith('\uDCB3')).toBe(false);
  });
});

describe('checkRange', () => {
  it('accepts a passage and explains every kind of bad range', () => {
    expect(checkRange(seed, 10, 20)).toBeNull();
    expect(checkRange(seed, 20, 20)).toMatch(/empty/);
    expect(checkRange(seed, 30, 20)).toMatch(/empty/);
    expect(checkRange(seed, 10, seed.length + 1)).toMatch(/past the end/);
    const para = seed.indexOf('\n');
    expect(checkRange(seed, para, para + 1)).toMatch(/white space/);
    const emoji = corpusText('corpus/ru/gazetauz-tg-01477.txt');
    const card = emoji.indexOf('💳');
    expect(checkRange(emoji, card + 1, card + 6)).toMatch(/cuts a character/);
  });
});

describe('anchor', () => {
  const quote = 'Қозоғистон Россиянинг минтақадаги энг яқин ҳамкори ҳисобланади';
  const [s, e] = rangeOf(seed, quote);
  const sel = describeRange(seed, s, e);

  it('keeps a passage where it was when the text is unchanged', () => {
    expect(anchor(seed, sel)).toEqual({ status: 'anchored', start: s, end: e });
  });

  it('follows a passage moved by a paragraph inserted before it', () => {
    const inserted = 'Таҳририятдан: мақола 2025 йил 12 ноябрда янгиланди.\n';
    const changed = inserted + seed;
    const found = anchor(changed, sel);
    expect(found).toEqual({ status: 'moved', start: s + inserted.length, end: e + inserted.length });
    expect(changed.slice(found.start, found.end)).toBe(quote);
  });

  it('finds a passage whose own words were edited, by a fuzzy match', () => {
    const edited = seed.slice(0, s) + quote.replace('энг яқин', 'энг муҳим') + seed.slice(e);
    const found = anchor(edited, sel);
    expect(found.status).toBe('moved');
    expect(found.start).toBe(s);
    expect(edited.slice(found.start, found.end)).toBe(quote.replace('энг яқин', 'энг муҳим'));
  });

  it('finds an edited passage that also moved, and ignores a changed context', () => {
    const para = seed.indexOf('\n', e);
    const moved = seed.slice(para + 1) + '\n' + seed.slice(0, s) + 'Аслида, ' + quote.replace('ҳисобланади', 'саналади') + seed.slice(e, para);
    const found = anchor(moved, sel);
    expect(found.status).toBe('moved');
    expect(moved.slice(found.start, found.end)).toBe(quote.replace('ҳисобланади', 'саналади'));
  });

  it('orphans a passage whose sentence was deleted, and keeps the old selectors', () => {
    const sentenceEnd = seed.indexOf('.', e) + 1;
    const cut = seed.slice(0, s) + seed.slice(sentenceEnd);
    expect(cut.includes('минтақадаги энг яқин')).toBe(false);
    expect(anchor(cut, sel)).toEqual({ status: 'orphaned', start: s, end: e });
  });

  it('picks, among duplicates of the quote, the one whose context matches', () => {
    const phrase = 'Марказий Осиё';
    const occurrences = exactOccurrences(seed, phrase);
    expect(occurrences.length).toBeGreaterThanOrEqual(4);
    for (let n = 1; n < occurrences.length; n++) {
      const [ds, de] = rangeOf(seed, phrase, n);
      const dup = describeRange(seed, ds, de);
      // Prepend text so the previous occurrence lands 3 units from the stored position and
      // this one far away: only the context can tell them apart.
      const lead = 'Ж'.repeat(ds - occurrences[n - 1] + 2) + '\n';
      const changed = lead + seed;
      expect(changed.slice(ds + 3, ds + 3 + phrase.length)).toBe(phrase);
      const found = anchor(changed, dup);
      expect(found.start, `occurrence ${n}`).toBe(ds + lead.length);
      expect(found.status).toBe('moved');
    }
  });

  it('picks the nearest duplicate when the contexts are alike', () => {
    const para = 'Бу савдо-иқтисодий ҳамкорлик.\n';
    const filler = 'Таҳририятдан: мақола янгиланди.\n';
    const text = filler + para.repeat(4) + seed;
    const [ds, de] = rangeOf(text, 'савдо-иқтисодий', 1);
    const sel2 = describeRange(text, ds, de);
    // Copies 2 and 3 have the same prefix and suffix. Shorten the text before them so that the
    // stored position falls 5 units before copy 3 and far from copy 2.
    const cut = para.length - 5;
    const changed = text.slice(cut);
    const found = anchor(changed, sel2);
    expect(found.status).toBe('moved');
    expect(found.start).toBe(ds + 5);
    expect(changed.slice(found.start - 3, found.start)).toBe('Бу ');
  });

  it('counts on real text with emoji: a passage after 💳 moves with the text', () => {
    const text = corpusText('corpus/ru/gazetauz-tg-01477.txt');
    const [ps, pe] = rangeOf(text, 'Ссылка на группу приюта');
    const sel2 = describeRange(text, ps, pe);
    const changed = text.replace('💳Uzcard', 'Uzcard');
    const found = anchor(changed, sel2);
    expect(found).toEqual({ status: 'moved', start: ps - 2, end: pe - 2 });
  });

  it('finds a long passage (most of an article) after a few words changed inside it', () => {
    const text = corpusText('corpus/ru/ods-meduza-6.txt');
    const ls = text.indexOf(' ', 200) + 1;
    const le = text.lastIndexOf(' ', text.length - 200);
    expect(le - ls).toBeGreaterThan(5000);
    const sel2 = describeRange(text, ls, le);
    const middle = Math.floor((ls + le) / 2);
    const changed = 'Обновлено.\n' + text.slice(0, middle) + ' (уточнение редакции) ' + text.slice(middle);
    const t0 = performance.now();
    const found = anchor(changed, sel2);
    const ms = performance.now() - t0;
    expect(found.status).toBe('moved');
    expect(found.start).toBe(ls + 'Обновлено.\n'.length);
    expect(found.end).toBe(le + 'Обновлено.\n'.length + ' (уточнение редакции) '.length);
    expect(ms).toBeLessThan(500);
  });

  it('finds a short quote with a changed letter only where its context agrees', () => {
    const [ws, we] = rangeOf(seed, 'Тоқаев');
    const short = describeRange(seed, ws, we);
    // The same look-alike spelling in unrelated surroundings is refused…
    const elsewhere = `${'Сўнгги хабарлар. '.repeat(3)}Токаев${'.\nСўнгги хабарлар. '.repeat(3)}`;
    expect(matchFuzzy(elsewhere, short)).toBeNull();
    // …and accepted in the passage's own place.
    const respelled = seed.slice(0, ws) + 'Токаев' + seed.slice(we);
    expect(anchor(respelled, short)).toEqual({ status: 'moved', start: ws, end: we });
  });
});
