// A value the whole app can read and set, for React through useSyncExternalStore.
import { useSyncExternalStore } from 'react';

/// A shared value with a React hook.
export interface Store<T> {
  get(): T;
  set(next: T): void;
  use(): T;
}

/// A store holding `initial` until set.
export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  };
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of listeners) l();
    },
    use: () => useSyncExternalStore(subscribe, () => value),
  };
}
