import { describe, expect, it } from 'vitest';
import { listShared, readShared } from '../../tests/support/shared-files.js';
import { byPath, titleSortKey } from './sort-key.js';

const byKey = (a: string, b: string) => {
  const x = titleSortKey(a);
  const y = titleSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const sorted = (titles: string[]) => [...titles].sort(byKey);
/// A fixed shuffle, so that a test does not pass by leaving its input in order.
const shuffled = <T>(list: T[]) => list.map((x, i) => [(i * 7919) % 104729, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

/// The titles of a corpus folder (the seed header's line: ` date YYYY-MM-DD <title>`).
function corpusTitles(folder: string): string[] {
  return listShared(`corpus/${folder}/`)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readShared(`corpus/${folder}/${f}`).split('\n', 1)[0].replace(/^ date \S+ /, '').normalize('NFC'));
}

const KAZAKH = 'А Ә Б В Г Ғ Д Е Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я'.split(' ');
const UZBEK_CYRILLIC = 'А Б В Г Ғ Д Е Ж З И Й К Қ Л М Н О П Р С Т У Ў Ф Х Ҳ Ц Ч Ш Ъ Ь Э Ю Я'.split(' ');
const RUSSIAN = 'А Б В Г Д Е Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я'.split(' ');

describe('titleSortKey', () => {
  it('puts the letters of the Kazakh, Uzbek and Russian alphabets in their alphabets’ order, whatever their case', () => {
    for (const alphabet of [KAZAKH, UZBEK_CYRILLIC, RUSSIAN]) {
      // Words, not bare letters, so each letter is compared with what follows it too.
      const words = alphabet.flatMap((l) => [`${l}бв`, `${l.toLowerCase()}ба`]);
      expect(sorted(shuffled(words))).toEqual(alphabet.flatMap((l) => [`${l.toLowerCase()}ба`, `${l}бв`]));
    }
  });

  it('files a lower-case Cyrillic title among the upper-case ones, not after Я', () => {
    expect(sorted(['Яблоко', 'Бала', 'абай', 'ёлка', 'Жаңа', 'ўзбек', 'қала', 'Ямщик'])).toEqual([
      'абай',
      'Бала',
      'ёлка',
      'Жаңа',
      'қала',
      'ўзбек',
      'Яблоко',
      'Ямщик',
    ]);
  });

  it('orders the first words of real Kazakh and Uzbek titles as the languages’ collation in ICU does', () => {
    for (const [folder, locale] of [
      ['kk', 'kk'],
      ['uz-cyrl', 'uz-Cyrl'],
    ]) {
      const words = [
        ...new Set(
          corpusTitles(folder)
            .map((t) => t.split(/\s+/)[0].replace(/[^\p{L}]/gu, ''))
            .filter((w) => /^\p{Script=Cyrillic}+$/u.test(w)),
        ),
      ];
      expect(words.length, folder).toBeGreaterThan(50);
      const icu = new Intl.Collator(locale, { sensitivity: 'base' });
      const ours = sorted(shuffled(words));
      const outOfOrder = ours.slice(1).filter((w, i) => icu.compare(ours[i], w) > 0);
      expect(outOfOrder, folder).toEqual([]);
      // The letters of the languages' own are among them, so the check is not vacuous.
      expect(words.some((w) => /[әғқңөұүһі]/iu.test(w) || /[ўқғҳ]/iu.test(w)), folder).toBe(true);
    }
  });

  it('sorts whole real titles with their quotes and numbers, word by word', () => {
    const titles = corpusTitles('uz-cyrl');
    const order = sorted(shuffled(titles));
    // Latin before Cyrillic, numbers (after a currency sign, left out) before both.
    expect(order.slice(0, 3).map((t) => t.split(' ')[0])).toEqual(['$100', '2017', 'Pepsi']);
    // Every title of the folder, each once.
    expect([...order].sort()).toEqual([...titles].sort());
    const firstLetters = order.map((t) => t.replace(/^[^\p{L}\p{N}]+/u, '')[0].toUpperCase()).filter((l) => /\p{Script=Cyrillic}/u.test(l));
    // The Cyrillic letters the titles start with come in the order of the Uzbek alphabet.
    const positions = firstLetters.map((l) => UZBEK_CYRILLIC.indexOf(l === 'Ё' ? 'Е' : l));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('puts Latin letters of their own right after their base letter, and other diacritics only after the plain letter', () => {
    expect(sorted(['banana', 'Äpfel', 'azamat', 'Apple', 'Şahar', 'Sahar', 'Tahar', 'Öz', 'Pul', 'Ozod', 'Üy', 'Uy', 'Vaqt'])).toEqual([
      'Apple',
      'azamat',
      'Äpfel',
      'banana',
      'Ozod',
      'Öz',
      'Pul',
      'Sahar',
      'Şahar',
      'Tahar',
      'Uy',
      'Üy',
      'Vaqt',
    ]);
    // é is a different e only when nothing else tells the titles apart.
    expect(sorted(['cafés', 'café', 'cafe', 'Cafe', 'caffeine'])).toEqual(['cafe', 'Cafe', 'café', 'cafés', 'caffeine']);
    // Kazakh Latin: ğ after g, ı before i, ñ after n.
    expect(sorted(['Ilim', 'ğalym', 'gül', 'ıqylas', 'ñ', 'nan', 'oqu'])).toEqual(['gül', 'ğalym', 'ıqylas', 'Ilim', 'nan', 'ñ', 'oqu']);
  });

  it('reads Uzbek oʻ and gʻ as letters after o and g, whichever apostrophe writes them', () => {
    const titles = ['Oʻzbekiston', 'Ozod', 'Orol', 'O‘qituvchi', "O'g'il", 'Pul', 'Gʻalaba', 'Guliston', 'Hokim', 'Ōzbek'];
    expect(sorted(titles)).toEqual(['Guliston', 'Gʻalaba', 'Hokim', 'Orol', 'Ozod', "O'g'il", 'O‘qituvchi', 'Ōzbek', 'Oʻzbekiston', 'Pul']);
    // The same words written with different apostrophes are the same words.
    expect(titleSortKey('Oʻzbekiston').split('\u0001')[0]).toBe(titleSortKey('O‘zbekiston').split('\u0001')[0]);
    // An apostrophe anywhere else (the tutuq belgisi, a possessive) is left out.
    expect(sorted(['Maʼno', 'Mana', 'Manba'])).toEqual(['Mana', 'Manba', 'Maʼno']);
  });

  it('puts numbers first, by value, Latin before Cyrillic and other scripts after both', () => {
    expect(sorted(['Ω mega', 'Zebra', 'абай', '10 мая', '2 мая', 'apple', '007 мая', 'Қала'])).toEqual([
      '2 мая',
      '007 мая',
      '10 мая',
      'apple',
      'Zebra',
      'абай',
      'Қала',
      'Ω mega',
    ]);
  });

  it('leaves quotes and punctuation out, and sorts word by word', () => {
    expect(sorted(['«Ёлғизлик»', 'Елена', 'Ежик', '"Quoted"', 'Quit', 'Qulf', '(Ёж)'])).toEqual(['Quit', 'Qulf', '"Quoted"', '(Ёж)', 'Ежик', '«Ёлғизлик»', 'Елена']);
    expect(sorted(['Newark', 'New York', 'New-Zealand', 'News'])).toEqual(['New York', 'New-Zealand', 'Newark', 'News']);
  });

  it('gives keys whose order does not depend on how a letter is encoded', () => {
    expect(titleSortKey('Қала')).toBe(titleSortKey('Қала'.normalize('NFD')));
    expect(titleSortKey('café')).toBe(titleSortKey('cafe\u0301'));
    expect(titleSortKey('Ａｐｐｌｅ')).toBe(titleSortKey('Apple'));
    expect(titleSortKey('İlim').split('\u0001').slice(0, 2)).toEqual(titleSortKey('ilim').split('\u0001').slice(0, 2));
  });
});

describe('byPath', () => {
  it('puts a parent right before its children and orders each level as titles', () => {
    const paths = [['Places2'], ['Places', 'Шаҳар'], ['Places'], ['Әлем'], ['Places', 'City'], ['Алем'], ['Places', 'Ауыл']];
    expect(byPath(paths, (p) => p).map((p) => p.join('/'))).toEqual(['Places', 'Places/City', 'Places/Ауыл', 'Places/Шаҳар', 'Places2', 'Алем', 'Әлем']);
  });
});
