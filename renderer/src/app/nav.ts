// The main navigation and the top bar's words, shared by the app shell (App.tsx) and the first
// screen drawn before the app has loaded (boot/firstRows.ts), so the two look the same.
import type { View } from './route.js';

/// The views in the navigation, with their addresses.
export const NAV: readonly { view: Exclude<View, 'article'>; label: string; hash: string }[] = [
  { view: 'library', label: 'Library', hash: '#/library' },
  { view: 'search', label: 'Search', hash: '#/search' },
  { view: 'tags', label: 'Tags', hash: '#/tags' },
  { view: 'passages', label: 'Passages', hash: '#/passages' },
  { view: 'collections', label: 'Collections', hash: '#/collections' },
];

/// What the search box says while empty.
export const SEARCH_PLACEHOLDER = 'Search the archive  ( / )';
