import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileQuery, parseQuery } from '../../../shared/query/index.js';
import { escapeHtml, makeSnippet } from './snippet.js';

const patterns = (q: string) => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error.message);
  return compileQuery(r.query).positive;
};
const article = readFileSync(new URL('../../../../shared/corpus/uz-cyrl/uzt-053.txt', import.meta.url), 'utf8');

describe('makeSnippet', () => {
  it('shows the stretch with the matches, marked as written, cut at word edges', () => {
    const s = makeSnippet(article, patterns('Qozog‘iston mudofaa'), false);
    expect(s).toMatch(/<b>Қозоғистон[^<]*<\/b>/);
    expect(s).toMatch(/<b>[Мм]удофаа<\/b>/);
    const plain = s.replace(/<\/?b>/g, '').replace(/^…|…$/g, '');
    expect(article.replace(/\s+/g, ' ')).toContain(plain);
    expect(plain.length).toBeLessThanOrEqual(240);
  });

  it('shows the start of the text when nothing in it matched', () => {
    const s = makeSnippet('Short text without the word.', patterns('Toshkent'), false);
    expect(s).toBe('Short text without the word.');
  });

  it('marks only the script typed in strict mode', () => {
    expect(makeSnippet('Toshkent va Тошкент', patterns('Toshkent'), true)).toBe('<b>Toshkent</b> va Тошкент');
    expect(makeSnippet('Toshkent va Тошкент', patterns('Toshkent'), false)).toBe('<b>Toshkent</b> va <b>Тошкент</b>');
  });

  it('escapes the text around the marks', () => {
    expect(makeSnippet('<i>Toshkent</i> & "co"', patterns('Toshkent'), false)).toBe('&lt;i&gt;<b>Toshkent</b>&lt;/i&gt; &amp; &quot;co&quot;');
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });
});
