import { describe, expect, it } from 'vitest';
import { parseQuery } from './index.js';
import { MAX_QUERY_PREFIXES, MAX_QUERY_TERMS } from './parse.js';
import type { ParsedQuery } from './ast.js';

const ok = (q: string): ParsedQuery => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(`${q}: ${r.error.message}`);
  return r.query;
};
const error = (q: string): string => {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`${q} parsed`);
  return r.error.message;
};

describe('parseQuery', () => {
  it('reads words, phrases, prefixes and fields', () => {
    expect(ok('Тошкент').text).toEqual({ type: 'term', text: 'Тошкент', quoted: false, prefix: false, field: null });
    expect(ok('"Oʻzbekiston Respublikasi"').text).toMatchObject({ type: 'term', text: 'Oʻzbekiston Respublikasi', quoted: true });
    expect(ok('«Ўзбекистон Республикаси»').text).toMatchObject({ quoted: true, text: 'Ўзбекистон Республикаси' });
    expect(ok('toshk*').text).toMatchObject({ text: 'toshk', prefix: true });
    expect(ok('title:Toshkent').text).toMatchObject({ text: 'Toshkent', field: 'title' });
    expect(ok('title:"Toshkent shahri"').text).toMatchObject({ text: 'Toshkent shahri', quoted: true, field: 'title' });
    expect(ok("O'zbekiston").text).toMatchObject({ text: "O'zbekiston" });
  });

  it('makes OR bind tighter than the implicit AND', () => {
    const q = ok('Toshkent Samarqand OR Buxoro -Xiva');
    expect(q.text).toEqual({
      type: 'and',
      children: [
        { type: 'term', text: 'Toshkent', quoted: false, prefix: false, field: null },
        {
          type: 'or',
          children: [
            { type: 'term', text: 'Samarqand', quoted: false, prefix: false, field: null },
            { type: 'term', text: 'Buxoro', quoted: false, prefix: false, field: null },
          ],
        },
        { type: 'not', child: { type: 'term', text: 'Xiva', quoted: false, prefix: false, field: null } },
      ],
    });
  });

  it('groups with parentheses and applies title: to a group', () => {
    const q = ok('title:(Toshkent OR Тошкент) NOT Samarqand');
    expect(q.text).toMatchObject({
      type: 'and',
      children: [{ type: 'or', children: [{ field: 'title' }, { field: 'title' }] }, { type: 'not', child: { text: 'Samarqand' } }],
    });
  });

  it('reads filters, alone or with words', () => {
    expect(ok('lang:uz').filters).toEqual([{ kind: 'lang', value: 'uz', negated: false }]);
    expect(ok('lang:uz-Cyrl -lang:ru source:kun.uz').filters).toEqual([
      { kind: 'lang', value: 'uz-cyrl', negated: false },
      { kind: 'lang', value: 'ru', negated: true },
      { kind: 'source', value: 'kun.uz', negated: false },
    ]);
    expect(ok('Toshkent date:2025-01-01..2025-12-31').filters).toEqual([{ kind: 'date', from: '2025-01-01', to: '2025-12-31', negated: false }]);
    expect(ok('date:2025-01-01..').filters[0]).toMatchObject({ from: '2025-01-01', to: null });
    expect(ok('date:..2024-02').filters[0]).toMatchObject({ from: null, to: '2024-02-29' });
    expect(ok('date:2023').filters[0]).toMatchObject({ from: '2023-01-01', to: '2023-12-31' });
    expect(ok('lang:kk').text).toBeNull();
  });

  it('ignores stray punctuation between words', () => {
    expect(ok('Toshkent , Samarqand').text).toMatchObject({ type: 'and', children: [{ text: 'Toshkent' }, { text: 'Samarqand' }] });
  });

  it('explains malformed queries instead of failing', () => {
    expect(error('"Toshkent')).toMatch(/quote is not closed/);
    expect(error('Toshkent "')).toMatch(/quote is not closed/);
    expect(error('OR')).toMatch(/OR needs a word on each side/);
    expect(error('Toshkent OR')).toMatch(/OR needs a word on each side/);
    expect(error('OR Toshkent')).toMatch(/OR needs a word on each side/);
    expect(error('-')).toMatch(/followed directly by the word/);
    expect(error('Toshkent - ')).toMatch(/followed directly by the word/);
    expect(error('NOT')).toMatch(/followed by the word/);
    expect(error('!!! ,,, ...')).toMatch(/no word to search for/);
    expect(error('""')).toMatch(/quotes hold no word/);
    expect(error('   ')).toMatch(/empty/);
    expect(error('(Toshkent')).toMatch(/parenthesis is not closed/);
    expect(error('Toshkent)')).toMatch(/closing parenthesis/);
    expect(error('()')).toMatch(/no word/);
    expect(error('*')).toMatch(/start of a word/);
    expect(error('to*sh')).toMatch(/end of a word/);
    expect(error('t*')).toMatch(/at least two letters/);
    expect(error('title:')).toMatch(/title: needs/);
    expect(error('lang:')).toMatch(/lang: needs a value/);
    expect(error('lang:123')).toMatch(/language code/);
    expect(error('date:2025-13-01')).toMatch(/date: expects/);
    expect(error('date:2025-02-30')).toMatch(/date: expects/);
    expect(error('date:2025-12-31..2025-01-01')).toMatch(/ends before it starts/);
    expect(error('Toshkent OR lang:uz')).toMatch(/apply to the whole query/);
    expect(error('Toshkent OR -Samarqand')).toMatch(/Every side of OR/);
  });

  it('asks for a word once, however often and in whatever capitals it is typed', () => {
    const once = ok('toshk*').text;
    expect(ok(Array(500).fill('toshk*').join(' ')).text).toEqual(once);
    expect(ok('toshk* TOSHK* Toshk* OR toshk*').text).toEqual(once);
    expect(ok('Toshkent OR toshkent Samarqand').text).toEqual({
      type: 'and',
      children: [
        { type: 'term', text: 'Toshkent', quoted: false, prefix: false, field: null },
        { type: 'term', text: 'Samarqand', quoted: false, prefix: false, field: null },
      ],
    });
    // A phrase, a prefix, a title-only word and the word in another script are other questions.
    expect(ok('Toshkent Тошкент').text).toMatchObject({ type: 'and', children: { length: 2 } });
    expect(ok('Toshkent "Toshkent" toshkent* title:Toshkent').text).toMatchObject({ type: 'and', children: { length: 4 } });
  });

  it('refuses a query of more different words, or prefixes, than it can search at once', () => {
    const words = (n: number, suffix = '') => Array.from({ length: n }, (_, i) => `so${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}${suffix}`).join(' ');
    expect(ok(words(MAX_QUERY_TERMS)).text).toMatchObject({ type: 'and', children: { length: MAX_QUERY_TERMS } });
    expect(error(words(MAX_QUERY_TERMS + 1))).toBe(`The query asks for ${MAX_QUERY_TERMS + 1} different words and phrases; at most ${MAX_QUERY_TERMS} can be searched at once.`);
    expect(ok(words(MAX_QUERY_PREFIXES, '*')).text).toMatchObject({ type: 'and', children: { length: MAX_QUERY_PREFIXES } });
    expect(error(words(MAX_QUERY_PREFIXES + 1, '*'))).toMatch(/has 17 different words ending in \*; at most 16/);
    // Left-out words count too: each is a lookup all the same.
    expect(error(`Toshkent ${words(MAX_QUERY_TERMS).split(' ').map((w) => '-' + w).join(' ')}`)).toMatch(/asks for 65 different words/);
  });

  it('gives the position of the problem', () => {
    const r = parseQuery('Toshkent "Samarqand');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.at).toBe(9);
  });

  it('never throws, whatever the input', () => {
    const pieces = ['"', '(', ')', '-', '*', 'OR', 'AND', 'NOT', 'title:', 'lang:', 'date:', ':', 'Toshkent', 'ʻ', "'", '«', ' '];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      let q = '';
      for (let j = 0; j < 6; j++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        q += pieces[seed % pieces.length] + (seed % 3 === 0 ? ' ' : '');
      }
      const r = parseQuery(q);
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
    }
  });
});
