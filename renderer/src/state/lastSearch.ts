// The search the user ran last, so Collections and Export can offer "the current search's hits".
let last = { query: '', total: 0 };

/// Note the search just run and how many hits it had.
export function rememberSearch(query: string, total: number): void {
  last = { query, total };
}

/// The search run last in this window (empty query when none).
export function lastSearch(): { query: string; total: number } {
  return last;
}
