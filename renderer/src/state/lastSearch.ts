// The search the user ran last, so Collections and Export can offer "the current search's hits".
// Its script mode is part of it: the hits of `Toshkent` in the exact script are not those of
// `Toshkent` in every script.

/// A search as run: its query, how it matched scripts, and how many hits it had.
export interface RememberedSearch {
  query: string;
  script: 'any' | 'exact';
  total: number;
}

let last: RememberedSearch = { query: '', script: 'any', total: 0 };

/// Note the search just run and how many hits it had.
export function rememberSearch(query: string, script: 'any' | 'exact', total: number): void {
  last = { query, script, total };
}

/// The search run last in this window (empty query when none).
export function lastSearch(): RememberedSearch {
  return last;
}
