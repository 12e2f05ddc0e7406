// Results-as-you-type: wait until typing pauses, then ask; and when answers come back out of
// order, keep only the answer to the newest question. Plain functions, so they are tested
// without a DOM.

/// A debounced function: `call` restarts the wait, `flush` runs a pending call now, `cancel` drops it.
export interface Debounced<A extends unknown[]> {
  call(...args: A): void;
  flush(): void;
  cancel(): void;
}

/// Delay `fn` until calls have paused for `ms` milliseconds.
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const run = () => {
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) fn(...args);
  };
  return {
    call(...args) {
      pending = args;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(run, ms);
    },
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}

/// What a superseded request resolves to instead of its (now stale) answer.
export const STALE: unique symbol = Symbol('stale');

/// Wrap an async function so only the latest call's result is delivered; earlier calls that
/// finish later resolve to STALE (and their errors are swallowed the same way).
export function latestOnly<A extends unknown[], R>(fn: (...args: A) => Promise<R>): {
  (...args: A): Promise<R | typeof STALE>;
  /// Make every call in flight stale (the view closed, or the input was cleared).
  invalidate(): void;
} {
  let seq = 0;
  const wrapped = async (...args: A): Promise<R | typeof STALE> => {
    const mine = ++seq;
    try {
      const value = await fn(...args);
      return mine === seq ? value : STALE;
    } catch (e) {
      if (mine !== seq) return STALE;
      throw e;
    }
  };
  return Object.assign(wrapped, {
    invalidate() {
      seq++;
    },
  });
}
