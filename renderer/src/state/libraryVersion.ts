// A counter that goes up whenever the library's contents change under the views (an import,
// the samples, a collection edit), so lists that cache pages know to start over.
import { useSyncExternalStore } from 'react';

let version = 0;
const listeners = new Set<() => void>();

/// Say that articles, collections or annotations changed outside the view that shows them.
export function libraryChanged(): void {
  version++;
  for (const l of listeners) l();
}

/// A number that changes whenever the library's contents do.
export function useLibraryVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
}
