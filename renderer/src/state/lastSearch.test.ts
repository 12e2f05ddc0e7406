import { describe, expect, it } from 'vitest';
import { lastSearch, rememberSearch } from './lastSearch.js';

describe('the last search', () => {
  it('is remembered with its script mode, so its hits can be added as they were shown', () => {
    expect(lastSearch()).toEqual({ query: '', script: 'any', total: 0 });
    rememberSearch('Toshkent', 'exact', 26);
    expect(lastSearch()).toEqual({ query: 'Toshkent', script: 'exact', total: 26 });
    rememberSearch('Toshkent', 'any', 44);
    expect(lastSearch()).toEqual({ query: 'Toshkent', script: 'any', total: 44 });
  });
});
