import { readRepo } from '../../tests/support/shared-files.js';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/index.js';
import { compileQuery, evaluate, highlightTerms, parseQuery } from './index.js';

const compiled = (q: string) => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error.message);
  return compileQuery(r.query);
};
const article = (title: string, body: string) => ({ title: tokenize(title), body: tokenize(body) });
const marked = (text: string, terms: string[], strict = false) => highlightTerms(text, terms, { strict }).map((r) => text.slice(r.start, r.end));

describe('compiled queries', () => {
  it('evaluates words, OR, NOT, phrases and title:', () => {
    const a = article('Тошкентда янги метро', 'Toshkent metropoliteni va Samarqand yo‘llari');
    expect(evaluate(compiled('Toshkent Samarqand').root!, a, false)).toBe(true);
    expect(evaluate(compiled('Toshkent -Samarqand').root!, a, false)).toBe(false);
    expect(evaluate(compiled('Buxoro OR Самарқанд').root!, a, false)).toBe(true);
    expect(evaluate(compiled('"Toshkent metropoliteni"').root!, a, false)).toBe(true);
    expect(evaluate(compiled('"metropoliteni Toshkent"').root!, a, false)).toBe(false);
    expect(evaluate(compiled('title:Samarqand').root!, a, false)).toBe(false);
    expect(evaluate(compiled('title:metro').root!, a, false)).toBe(true);
  });

  it('in strict mode matches words only in the script typed', () => {
    const a = article('', 'Тошкент шаҳри');
    expect(evaluate(compiled('Toshkent').root!, a, false)).toBe(true);
    expect(evaluate(compiled('Toshkent').root!, a, true)).toBe(false);
    expect(evaluate(compiled('Тошкент').root!, a, true)).toBe(true);
  });

  it('gives the positive terms back in the query language', () => {
    expect(compiled('Toshkent "Oliy Majlis" toshk* -Buxoro title:Xiva lang:uz').terms).toEqual(['Toshkent', '"Oliy Majlis"', 'toshk*', 'Xiva']);
  });
});

describe('highlightTerms', () => {
  const sample = readRepo('electron/core/search/fixtures/uz-cyrl-kazinform-2025-11-10.txt');

  it('marks the words a search matched, as written, in any script', () => {
    expect(marked(sample, ['Moskva'])).toEqual(expect.arrayContaining(['МОSKVА', 'Москвага']));
    expect(marked(sample, ['Qozog‘iston']).every((w) => w.startsWith('Қозоғистон'))).toBe(true);
    expect(marked('Oʻzbekiston, O‘zbekistonda va Ўзбекистонга', ["O'zbekiston"])).toEqual(['Oʻzbekiston', 'O‘zbekistonda', 'Ўзбекистонга']);
  });

  it('marks a phrase as one stretch and only the script typed in strict mode', () => {
    expect(marked('Oliy Majlis va Oliy sud', ['"Oliy Majlis"'])).toEqual(['Oliy Majlis']);
    expect(marked('Toshkent va Тошкент', ['Toshkent'], true)).toEqual(['Toshkent']);
  });

  it('skips terms that do not parse', () => {
    expect(marked('Toshkent', ['"broken', 'Toshkent'])).toEqual(['Toshkent']);
  });
});
