// Calls the first screen needs, started by the entry module while the app's code (React, the
// views) is still downloading and starting: the server answers in parallel instead of after.
// Each answer is taken once, by the first view that asks for the same call with the same input;
// anything later goes to the server as usual, so a prefetched answer is never served stale.

/// A call started early: its promise, and its value once it has arrived.
export interface Prefetched<T> {
  promise: Promise<T>;
  /// Set when the call succeeded, so a view can draw the answer in its very first render.
  done: boolean;
  value?: T;
}

const started = new Map<string, Prefetched<unknown>>();

/// The key of a call: its name and its input as JSON (key order matters: build inputs one way).
export function prefetchKey(name: string, input: unknown): string {
  return `${name}:${JSON.stringify(input ?? {})}`;
}

/// Start a call now and keep its answer for the first taker; returns the call's promise (the one
/// already started, when there is one).
export function prefetch<T>(key: string, call: () => Promise<T>): Promise<T> {
  const running = started.get(key) as Prefetched<T> | undefined;
  if (running) return running.promise;
  const entry: Prefetched<T> = { promise: call(), done: false };
  entry.promise.then(
    (value) => {
      entry.value = value;
      entry.done = true;
    },
    // A failed prefetch is forgotten: the view asks again and shows that error itself.
    () => started.delete(key),
  );
  started.set(key, entry as Prefetched<unknown>);
  return entry.promise;
}

/// The early call for this key, if one was started and not yet taken; taking it removes it.
export function takePrefetched<T>(key: string): Prefetched<T> | undefined {
  const entry = started.get(key) as Prefetched<T> | undefined;
  if (entry) started.delete(key);
  return entry;
}

/// Keep an answer that came some other way (with the page itself) for the first taker of `key`,
/// as if its call had been started early and had arrived.
export function seedPrefetch<T>(key: string, value: T): void {
  started.set(key, { promise: Promise.resolve(value), done: true, value });
}
