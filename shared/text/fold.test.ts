import { listShared, readShared } from '../../tests/support/shared-files.js';
import { describe, expect, it } from 'vitest';
import { foldWord, indexKeys, tokenize } from './index.js';

const read = (path: string) => readShared(`corpus/${path}`);
const key = (word: string) => {
  const tokens = tokenize(word);
  expect(tokens).toHaveLength(1);
  return tokens[0].key;
};
const sameKey = (...words: string[]) => expect(new Set(words.map(key)).size, words.join(' / ')).toBe(1);
const differentKeys = (a: string, b: string) => expect(key(a), `${a} vs ${b}`).not.toBe(key(b));

describe('folding across scripts', () => {
  it('folds Uzbek Cyrillic, 1995 Latin and new Latin to one key', () => {
    sameKey('Тошкент', 'Toshkent', 'Toşkent', 'ТОШКЕНТ', 'toshkent');
    sameKey('Қозоғистонга', 'Qozog‘istonga', 'Qozoḡistonga');
    sameKey('Чўлпон', 'Cho‘lpon', 'Çōlpon');
  });

  it('reads every apostrophe of oʻ/gʻ alike, and ў as oʻ', () => {
    sameKey("O'zbekiston", 'Oʻzbekiston', 'O‘zbekiston', 'O’zbekiston', 'Oʼzbekiston', 'O`zbekiston', 'Ўзбекистон', 'Ōzbekiston');
    sameKey("tog'", 'tog‘', 'тоғ');
  });

  it('drops the tutuq belgisi and the hard sign alike', () => {
    sameKey('маълум', "ma'lum", 'ma’lum', 'maʼlum');
    sameKey('аъзо', 'a’zo');
  });

  it('reads look-alike letters in the script of the rest of the word', () => {
    sameKey('Moskva', 'Москва', 'МОSKVА', 'MOSKVA');
    sameKey('Kazinform', 'Кazinform');
    sameKey('XVIII', 'ХVIII');
    sameKey('Астана', 'Aстана', 'Astana');
    sameKey('мемлекеттiк', 'мемлекеттік');
    sameKey('среди', 'Cреди');
    expect(foldWord('ХVIII', 0, 5).script).toBe('latin');
    expect(foldWord('Aстана', 0, 6).script).toBe('cyrillic');
    expect(foldWord('Кazinform', 0, 9).script).toBe('latin');
  });

  it('gives Russian words their common Latin spellings', () => {
    sameKey('Путин', 'Putin');
    sameKey('Михаил', 'Mikhail');
    sameKey('Жуков', 'Zhukov');
    sameKey('Джизак', 'Dzhizak');
    sameKey('Ельцин', 'Yeltsin');
    sameKey('Хабаровск', 'Khabarovsk');
  });

  it('folds Kazakh Cyrillic and the 2021 Kazakh Latin alphabet together', () => {
    sameKey('Қазақстан', 'Qazaqstan');
    sameKey('мемлекеттік', 'memlekettık');
    sameKey('өнер', 'öner');
    sameKey('үй', 'üi');
    sameKey('ұлт', 'ūlt');
    sameKey('әлем', 'älem');
    sameKey('жаңа', 'jaña');
    sameKey('ағаш', 'ağaş');
    // In words that show a Kazakh letter, i after a vowel is й and h is х, as the 2021 alphabet writes them.
    sameKey('халықтың', 'halyqtyñ');
    sameKey('айтылған', 'aitylğan');
    sameKey('Ерланға', 'Erlanğa');
    sameKey('Азияға', 'Aziiağa');
  });

  it('keeps the letters that tell words apart within Cyrillic', () => {
    differentKeys('й', 'и');
    differentKeys('ўн', 'ун');
    differentKeys('қол', 'кол');
    differentKeys('ғор', 'гор');
    differentKeys('ҳол', 'хол');
    differentKeys('бой', 'бои');
    // … and their Latin counterparts stay apart too
    differentKeys("o'n", 'un');
    differentKeys('qol', 'kol');
    differentKeys("g'or", 'gor');
    differentKeys('hol', 'xol');
  });

  it('is case-insensitive in every script', () => {
    sameKey('қозоғистон', 'Қозоғистон', 'ҚОЗОҒИСТОН');
    sameKey('ÖNER', 'öner');
    sameKey('İstanbul', 'istanbul');
  });

  it('folds decomposed letters like composed ones', () => {
    sameKey('Qozog\u0304iston', 'Qozoḡiston');
    sameKey('O\u0304zbekiston', 'Ōzbekiston');
  });
});

describe('tokenize', () => {
  it('gives offsets into the original text', () => {
    const text = '«Ўзбекистон» — O‘zbekiston, tog‘! МОSKVА';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toEqual(['Ўзбекистон', 'O‘zbekiston', 'tog‘', 'МОSKVА']);
  });

  it('keeps apostrophes inside words and after o/g, not around quoted words', () => {
    expect(tokenize("don't 'quoted' a’zo").map((t) => t.text)).toEqual(["don't", 'quoted', 'a’zo']);
  });

  it('cuts at hyphens, spaces and punctuation, and keeps numbers', () => {
    expect(tokenize('Hamkorlik-2022, 26-sentabr').map((t) => t.key)).toEqual(['hamkorlik', '2022', '26', 'sentabr']);
  });

  it('leaves out words that fold to nothing', () => {
    expect(tokenize('ь ъ').length).toBe(0);
  });
});

describe('indexKeys on the corpus', () => {
  const folders = ['uz-cyrl', 'uz-latn', 'uz-latn-new', 'kk', 'ru', 'en'];
  const sample = folders.flatMap((d) =>
    listShared(`corpus/${d + '/'}`)
      .sort()
      .slice(0, 60)
      .map((f) => read(`${d}/${f}`)),
  );

  it('stores one plain word per token, which unicode61 keeps whole', () => {
    for (const text of sample) {
      const keys = indexKeys(text);
      expect(keys).toBe(tokenize(text).map((t) => t.key).join(' '));
      expect(keys).toMatch(/^[\p{L}\p{Nd}]+( [\p{L}\p{Nd}]+)*$/u);
    }
    // Latin and Cyrillic words fold to ASCII.
    expect(indexKeys(read('uz-cyrl/uzt-053.txt'))).toMatch(/^[a-z0-9 ]+$/);
    expect(indexKeys(read('kk/' + listShared(`corpus/${'kk/'}`).sort()[0]))).toMatch(/^[a-z0-9 ]+$/);
  });

  it('folds the three Uzbek versions of the parallel texts to the same words', () => {
    let total = 0;
    let missing = 0;
    for (const f of listShared(`corpus/${'uz-cyrl/'}`)) {
      const cyr = tokenize(read(`uz-cyrl/${f}`));
      for (const other of ['uz-latn', 'uz-latn-new']) {
        const keys = new Set(tokenize(read(`${other}/${f}`)).map((t) => t.key));
        for (const t of cyr) {
          total++;
          if (!keys.has(t.key)) missing++;
        }
      }
    }
    // What is left are spelling differences of the texts themselves (сентябрь/sentabr, ц as ts or s).
    expect(missing / total).toBeLessThan(0.003);
  });
});
