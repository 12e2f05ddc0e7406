import { describe, expect, it } from 'vitest';
import { prefetch, prefetchKey, takePrefetched } from './prefetch.js';

describe('calls started before the app', () => {
  it('hands the answer to the first taker only, with its value once it arrived', async () => {
    let calls = 0;
    const key = prefetchKey('listArticles', { sort: 'date', order: 'desc', offset: 0, limit: 200 });
    const started = prefetch(key, async () => ({ total: ++calls }));
    expect(prefetch(key, async () => ({ total: ++calls }))).toBe(started);
    expect(calls).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    const first = takePrefetched<{ total: number }>(key);
    expect(first?.done).toBe(true);
    expect(first?.value).toEqual({ total: 1 });
    expect(takePrefetched(key)).toBeUndefined();
  });

  it('forgets a call that failed, so the view asks again and reports its own error', async () => {
    const key = prefetchKey('listTags', {});
    prefetch(key, () => Promise.reject(new Error('offline'))).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(takePrefetched(key)).toBeUndefined();
  });

  it('keys calls by name and input', () => {
    expect(prefetchKey('listTags', undefined)).toBe('listTags:{}');
    expect(prefetchKey('listArticles', { sort: 'date' })).not.toBe(prefetchKey('listArticles', { sort: 'title' }));
  });
});
