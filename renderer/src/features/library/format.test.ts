import { describe, expect, it } from 'vitest';
import { countOf, formatDate, languageName } from './format.js';

describe('list formatting', () => {
  it('names the languages of the archive and passes others through', () => {
    expect(languageName('uz-Cyrl')).toBe('Uzbek (Cyrillic)');
    expect(languageName('kk')).toBe('Kazakh');
    expect(languageName('tg')).toBe('tg');
  });
  it('counts in words', () => {
    expect(countOf(1, 'article')).toBe('1 article');
    expect(countOf(100000, 'article')).toBe('100,000 articles');
    expect(countOf(0, 'passage')).toBe('0 passages');
    expect(formatDate(null)).toBe('no date');
  });
});
