// The current route, kept in step with the location hash.
import { useEffect, useSyncExternalStore } from 'react';
import { formatRoute, parseHash, type Route } from './route.js';

let current: Route = parseHash(typeof window === 'undefined' ? '' : window.location.hash);
const listeners = new Set<() => void>();
// Places visited inside the app in this tab: Back leaves the app when there are none.
let visited = 0;

function onHashChange(): void {
  current = parseHash(window.location.hash);
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    visited++;
    onHashChange();
  });
}

/// Go back to the previous place in the app, or to the library when the app was opened here.
export function goBack(): void {
  if (visited > 0) {
    visited -= 2; // the hashchange that Back causes counts once more
    window.history.back();
  } else {
    navigate({ view: 'library', sort: 'date', order: 'desc' });
  }
}

/// Go somewhere. `replace` rewrites the current history entry (typing in the search box should
/// not leave one entry per letter in the Back history).
export function navigate(route: Route, { replace = false }: { replace?: boolean } = {}): void {
  const hash = formatRoute(route);
  if (hash === window.location.hash) return;
  if (replace) {
    window.history.replaceState(null, '', hash);
    onHashChange();
  } else {
    window.location.hash = hash;
  }
}

/// The route now, outside React.
export function currentRoute(): Route {
  return current;
}

/// The route now; re-renders when the hash changes.
export function useRoute(): Route {
  const route = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  // Normalise the address bar once (an empty hash becomes #/library) so reloads are stable.
  useEffect(() => {
    if (!window.location.hash) window.history.replaceState(null, '', formatRoute(current));
  }, []);
  return route;
}
