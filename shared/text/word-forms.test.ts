import { describe, expect, it } from 'vitest';
import { isFormOf, stemsOf, tokenize } from './index.js';

const key = (w: string) => tokenize(w)[0].key;
const isForm = (query: string, word: string) => isFormOf(stemsOf(key(query)), key(word));

describe('suffixed forms', () => {
  it('finds Uzbek suffixes in either script', () => {
    expect(isForm('Қозоғистон', 'Қозоғистонга')).toBe(true);
    expect(isForm('Қозоғистон', 'Қозоғистоннинг')).toBe(true);
    expect(isForm('Qozog‘iston', 'Қозоғистонда')).toBe(true);
    expect(isForm('Ўзбекистон', 'O‘zbekistonliklarning')).toBe(true);
    expect(isForm('kitob', 'kitoblarimizdan')).toBe(true);
    expect(isForm('yurak', 'yuragi')).toBe(true);
  });

  it('finds Kazakh suffixes', () => {
    expect(isForm('Қазақстан', 'Қазақстанның')).toBe(true);
    expect(isForm('Қазақстан', 'қазақстандықтар')).toBe(true);
    expect(isForm('Астана', 'Астанаға')).toBe(true);
  });

  it('finds Russian inflections, also where the ending changes', () => {
    expect(isForm('Ташкент', 'Ташкенте')).toBe(true);
    expect(isForm('Москва', 'Москве')).toBe(true);
    expect(isForm('Moskva', 'Москвой')).toBe(true);
    expect(isForm('Россия', 'России')).toBe(true);
    expect(isForm('Путин', 'Путина')).toBe(true);
  });

  it('does not take any longer word that starts the same way', () => {
    expect(isForm('olma', 'Olmaota')).toBe(false);
    expect(isForm('Toshkent', 'Toshkentovich')).toBe(false);
    expect(isForm('Путин', 'путинизмологический')).toBe(false);
    expect(isForm('Москва', 'Москворецкий')).toBe(false);
  });

  it('matches short words in their exact form only', () => {
    expect(isForm('tosh', 'toshkent')).toBe(false);
    expect(isForm('ота', 'отаси')).toBe(false);
    expect(isForm('ота', 'Ота')).toBe(true);
    expect(stemsOf(key('ота'))).toEqual([{ stem: 'ota', sets: [], needsSuffix: false }]);
  });
});
