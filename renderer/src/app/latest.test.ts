import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, latestOnly, STALE } from './latest.js';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once with the last arguments after the pause', () => {
    const seen: string[] = [];
    const d = debounce((q: string) => seen.push(q), 150);
    d.call('қ');
    vi.advanceTimersByTime(100);
    d.call('қо');
    vi.advanceTimersByTime(100);
    d.call('қоз');
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(149);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['қоз']);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['қоз']);
  });

  it('flushes now and cancels for good', () => {
    const seen: string[] = [];
    const d = debounce((q: string) => seen.push(q), 150);
    d.call('a');
    d.flush();
    expect(seen).toEqual(['a']);
    d.flush();
    expect(seen).toEqual(['a']);
    d.call('b');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['a']);
  });
});

describe('latestOnly', () => {
  function deferred<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  it('drops answers that arrive after a newer question', async () => {
    const pending = new Map<string, ReturnType<typeof deferred<string>>>();
    const ask = latestOnly((q: string) => {
      const d = deferred<string>();
      pending.set(q, d);
      return d.promise;
    });
    const first = ask('old');
    const second = ask('new');
    pending.get('new')!.resolve('new answer');
    pending.get('old')!.resolve('old answer');
    expect(await second).toBe('new answer');
    expect(await first).toBe(STALE);
  });

  it('reports the latest error but swallows stale ones', async () => {
    const pending: ReturnType<typeof deferred<string>>[] = [];
    const ask = latestOnly(() => {
      const d = deferred<string>();
      pending.push(d);
      return d.promise;
    });
    const a = ask();
    const b = ask();
    pending[0].reject(new Error('stale failure'));
    pending[1].reject(new Error('bad query'));
    expect(await a).toBe(STALE);
    await expect(b).rejects.toThrow('bad query');
  });

  it('invalidate makes calls in flight stale', async () => {
    const ask = latestOnly(async (n: number) => n * 2);
    const p = ask(2);
    ask.invalidate();
    expect(await p).toBe(STALE);
    expect(await ask(3)).toBe(6);
  });
});
