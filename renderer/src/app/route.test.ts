import { describe, expect, it } from 'vitest';
import { defaultLibrary, formatRoute, parseHash, type Route } from './route.js';

describe('hash routing', () => {
  it('reads the documented addresses', () => {
    expect(parseHash('#/article/12?a=34')).toEqual({ view: 'article', id: 12, annotationId: 34, terms: [] });
    expect(parseHash('#/search?q=%D2%9B%D0%BE%D0%B7%D0%BE%D2%93%D0%B8%D1%81%D1%82%D0%BE%D0%BD')).toEqual({
      view: 'search',
      q: 'қозоғистон',
      script: 'any',
      page: 0,
    });
  });

  it('falls back to the library on unknown or damaged hashes', () => {
    for (const h of ['', '#', '#/', '#/nowhere', '#/article/abc', '#/article/0', '#/article/-3']) {
      expect(parseHash(h)).toEqual(defaultLibrary);
    }
  });

  it('drops malformed parameters instead of passing them on', () => {
    expect(parseHash('#/library?from=2025-13&to=yesterday&tag=x&sort=bogus')).toEqual(defaultLibrary);
    expect(parseHash('#/passages?tags=3,x,,0,7&match=weird')).toEqual({
      view: 'passages',
      tagIds: [3, 7],
      match: 'any',
      lang: undefined,
      dateFrom: undefined,
      dateTo: undefined,
    });
  });

  it('round-trips every kind of route, with Cyrillic and reserved characters', () => {
    const routes: Route[] = [
      defaultLibrary,
      { view: 'library', sort: 'title', order: 'asc', lang: 'uz-Cyrl', source: 'Kun.uz & co', dateFrom: '2024-01-01', dateTo: '2025-02-03', tagId: 9 },
      { view: 'library', sort: 'date', order: 'asc' },
      { view: 'search', q: '"Ўзбекистон Республикаси" OR Toshkent -sport date:2025-01-01..', script: 'exact', page: 3 },
      { view: 'search', q: 'a#b?c=d&e', script: 'any', page: 0 },
      { view: 'tags' },
      { view: 'tags', tagId: 4 },
      { view: 'passages', tagIds: [1, 2, 3], match: 'all', lang: 'ru', dateFrom: '2020-05-05', dateTo: undefined },
      { view: 'collections' },
      { view: 'collections', collectionId: 8 },
      { view: 'article', id: 12, annotationId: 34, terms: ['Қозоғистон', 'Kazakhstan'] },
      { view: 'article', id: 5, annotationId: undefined, terms: [] },
    ];
    for (const r of routes) {
      const hash = formatRoute(r);
      expect(hash.startsWith('#/')).toBe(true);
      const back = parseHash(hash) as Record<string, unknown>;
      for (const [k, v] of Object.entries(r)) expect(back[k], `${hash} → ${k}`).toEqual(v);
    }
  });

  it('keeps the default library address short', () => {
    expect(formatRoute(defaultLibrary)).toBe('#/library');
    expect(formatRoute({ view: 'search', q: '', script: 'any', page: 0 })).toBe('#/search');
  });
});
