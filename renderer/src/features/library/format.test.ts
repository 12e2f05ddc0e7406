import { describe, expect, it } from 'vitest';
import { countOf, formatDate, groupThousands, languageName } from './format.js';

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
  it('groups thousands exactly as the locale formatter does, without it', () => {
    const samples = [0, 1, 7, 12, 999, 1_000, 1_001, 12_345, 99_999, 100_000, 123_456, 1_000_000, 9_876_543_210, -1, -1_234, Number.MAX_SAFE_INTEGER];
    for (const n of samples) expect(groupThousands(n)).toBe(n.toLocaleString('en'));
    for (let n = 1; n < 1e15; n = n * 7 + 3) expect(groupThousands(n)).toBe(n.toLocaleString('en'));
    expect(groupThousands(1234.5)).toBe((1234.5).toLocaleString('en'));
  });
});
