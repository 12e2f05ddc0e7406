import { describe, expect, it } from 'vitest';
import { PageCache, type Page } from './pageCache.js';

const TOTAL = 100_000;

/// A fake library of TOTAL rows that records what was asked.
function library() {
  const calls: [number, number][] = [];
  const loader = async (offset: number, limit: number): Promise<Page<string>> => {
    calls.push([offset, limit]);
    const items = [];
    for (let i = offset; i < Math.min(TOTAL, offset + limit); i++) items.push(`row ${i}`);
    return { items, total: TOTAL };
  };
  return { calls, loader };
}

describe('PageCache', () => {
  it('loads only the pages that cover the visible rows, once', async () => {
    const { calls, loader } = library();
    const cache = new PageCache(loader, 100);
    expect(cache.get(0)).toBeUndefined();
    await cache.ensure(0, 40);
    expect(calls).toEqual([[0, 100]]);
    expect(cache.total).toBe(TOTAL);
    expect(cache.get(40)).toBe('row 40');
    await cache.ensure(90, 130);
    expect(calls).toEqual([
      [0, 100],
      [100, 100],
    ]);
    await cache.ensure(0, 199);
    expect(calls.length).toBe(2);
    expect(cache.get(199)).toBe('row 199');
  });

  it('does not ask twice for a page already on its way', async () => {
    const { calls, loader } = library();
    const cache = new PageCache(loader, 100);
    const a = cache.ensure(0, 10);
    const b = cache.ensure(5, 50);
    await Promise.all([a, b]);
    expect(calls).toEqual([[0, 100]]);
  });

  it('never asks past the end once the total is known', async () => {
    const { calls, loader } = library();
    const cache = new PageCache(loader, 1000);
    await cache.ensure(0, 10);
    await cache.ensure(99_950, 100_400);
    expect(calls).toEqual([
      [0, 1000],
      [99_000, 1000],
    ]);
    expect(cache.get(99_999)).toBe('row 99999');
  });

  it('keeps a bounded number of pages while scrolling the whole list', async () => {
    const { loader } = library();
    const cache = new PageCache(loader, 200, 10);
    for (let first = 0; first < TOTAL; first += 150) await cache.ensure(first, first + 40);
    expect(cache.loadedPages.length).toBeLessThanOrEqual(10);
    expect(cache.loadedPages).toContain(Math.floor((TOTAL - 1) / 200));
    expect(cache.get(TOTAL - 60)).toBe(`row ${TOTAL - 60}`);
  });

  it('ignores answers to a query that was replaced', async () => {
    let release!: () => void;
    const slow = (offset: number, limit: number) =>
      new Promise<Page<string>>((resolve) => {
        release = () => resolve({ items: Array.from({ length: limit }, (_, i) => `old ${offset + i}`), total: 5 });
      });
    const cache = new PageCache<string>(slow, 10);
    const pending = cache.ensure(0, 5);
    cache.reset(async () => ({ items: ['new 0', 'new 1'], total: 2 }));
    release();
    await pending;
    expect(cache.get(0)).toBeUndefined();
    expect(cache.total).toBeNull();
    await cache.ensure(0, 5);
    expect(cache.get(0)).toBe('new 0');
    expect(cache.total).toBe(2);
  });

  it('keeps the error and retries the page on the next ensure', async () => {
    let fail = true;
    const cache = new PageCache<number>(async (offset) => {
      if (fail) throw new Error('offline');
      return { items: [offset], total: 1 };
    }, 10);
    let notified = 0;
    cache.subscribe(() => notified++);
    await cache.ensure(0, 0);
    expect((cache.error as Error).message).toBe('offline');
    fail = false;
    await cache.ensure(0, 0);
    expect(cache.error).toBeNull();
    expect(cache.get(0)).toBe(0);
    expect(notified).toBe(2);
  });

  it('draws a page that arrived before it existed, and waits for one still on its way instead of asking twice', async () => {
    const { calls, loader } = library();
    const cache = new PageCache<string>(loader, 200);
    cache.seed(0, await loader(0, 200));
    calls.length = 0;
    expect(cache.get(5)).toBe('row 5');
    expect(cache.total).toBe(TOTAL);

    let release!: () => void;
    const pending = new Promise<Page<string>>((resolve) => (release = () => resolve({ items: ['early 200'], total: TOTAL })));
    const adopted = cache.adopt(1, pending);
    await cache.ensure(200, 200);
    expect(calls).toEqual([]);
    release();
    await adopted;
    expect(cache.get(200)).toBe('early 200');
    expect(calls).toEqual([]);
  });

  it('reads its pages again in place, keeping the rows shown until the new answer arrives', async () => {
    let version = 1;
    const held: (() => void)[] = [];
    let hold = false;
    const loader = async (offset: number, limit: number): Promise<Page<string>> => {
      const v = version;
      if (hold) await new Promise<void>((r) => held.push(r));
      return { items: Array.from({ length: limit }, (_, i) => `row ${offset + i} v${v}`), total: 1000 };
    };
    const cache = new PageCache(loader, 100);
    await cache.ensure(0, 10);
    await cache.ensure(300, 310);
    version = 2;
    hold = true;
    cache.refresh();
    // Until the answer comes, the rows stay as they were: no blank list.
    expect(cache.get(5)).toBe('row 5 v1');
    expect(held).toHaveLength(2);
    hold = false;
    for (const r of held) r();
    await new Promise((r) => setTimeout(r, 0));
    await cache.ensure(0, 10);
    await cache.ensure(300, 310);
    expect(cache.get(5)).toBe('row 5 v2');
    expect(cache.get(305)).toBe('row 305 v2');
  });

  it('asks again for a page on its way when refreshed, so the list is never left waiting', async () => {
    let version = 1;
    const loader = async (offset: number, limit: number): Promise<Page<string>> => {
      const v = version;
      await new Promise((r) => setTimeout(r, 5));
      return { items: Array.from({ length: limit }, (_, i) => `row ${offset + i} v${v}`), total: 1000 };
    };
    const cache = new PageCache(loader, 100);
    const first = cache.ensure(0, 10);
    version = 2;
    cache.refresh();
    await first;
    await new Promise((r) => setTimeout(r, 20));
    expect(cache.total).toBe(1000);
    expect(cache.get(0)).toBe('row 0 v2');
  });
});
