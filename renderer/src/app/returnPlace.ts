// Where a list was left, so that coming back to it (the Back button, the browser's back,
// Alt+Left) shows the list as it was: scrolled to the same place and, when an article was opened
// from it, with the keyboard focus on the link that was followed, as a browser does for whole
// pages. The scroll offset is noted as the list scrolls, since a list can be left for any view
// (the navigation, a shortcut, the browser's back) and only while it scrolls is its history entry
// surely the current one; the link is noted when it is followed.
//
// A place belongs to one history entry, not to an address: clicking "Library" in the navigation
// makes a new entry at the same address, and that one must open at the top. Entries are told
// apart by a key kept in their `history.state`, which the browser hands back when it returns to
// the entry; a new entry has no key, so nothing is remembered for it. Places live in memory only:
// after a reload a list opens the way it always did.

/// How far down a list was and which of its links was followed.
export interface ReturnPlace {
  /// Which list this was: one history entry may show another list later (a new sort or filter
  /// rewrites the entry's address), and that list must not take this one's place.
  list: string;
  /// The scroll offset of the list's scrolling element, in pixels.
  top: number;
  /// The `href` of the link followed, to be focused again; null when the list was left otherwise.
  link: string | null;
  /// How many items a list that loads more on request ("Show more") had loaded, to load as many
  /// again before scrolling.
  extent?: number;
}

/// The part of `window.history` this needs.
export interface EntryHistory {
  readonly state: unknown;
  replaceState(data: unknown, unused: string): void;
}

const KEY = 'qalamEntry';

function record(state: unknown): Record<string, unknown> | null {
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : null;
}

/// Places remembered for the entries of one history; the most recent `limit` are kept.
export function createReturnPlaces(history: () => EntryHistory, limit = 100) {
  const places = new Map<string, ReturnPlace>();
  // The keys of an earlier page load are still in history.state after a reload: a prefix of
  // this load keeps a new key from meeting an old one.
  const load = Math.random().toString(36).slice(2, 10);
  let made = 0;

  const entryKey = (stamp: boolean): string | null => {
    const h = history();
    const state = record(h.state);
    const key = state?.[KEY];
    if (typeof key === 'string') return key;
    if (!stamp) return null;
    const fresh = `${load}-${++made}`;
    h.replaceState({ ...state, [KEY]: fresh }, '');
    return fresh;
  };

  const remember = (place: ReturnPlace): void => {
    const key = entryKey(true)!;
    places.delete(key);
    places.set(key, place);
    if (places.size > limit) places.delete(places.keys().next().value!);
  };

  return {
    /// Note the place of a list in the current history entry (as it is being left by a link).
    remember,
    /// Note how far `list` is scrolled (and, for one that loads more on request, how many items it
    /// has) in the current history entry, keeping the link noted for it there, if any: coming
    /// back, that link has the focus again when it is still drawn.
    scrolled(list: string, top: number, extent?: number): void {
      const key = entryKey(false);
      const known = key === null ? undefined : places.get(key);
      const same = known?.list === list ? known : undefined;
      remember({ list, top, link: same?.link ?? null, extent: extent ?? same?.extent });
    },
    /// The place `list` was left at in the current history entry, when the app has come back to
    /// an entry it left from that list.
    recall(list: string): ReturnPlace | undefined {
      const key = entryKey(false);
      const place = key === null ? undefined : places.get(key);
      return place?.list === list ? place : undefined;
    },
  };
}

/// The app's places, in the window's history.
export const returnPlaces = createReturnPlaces(() => window.history);

/// The element that scrolls `el` (the nearest ancestor, itself included, that scrolls vertically).
export function scrollingElement(el: Element): Element {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const overflow = getComputedStyle(at).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return at;
  }
  return document.scrollingElement ?? document.documentElement;
}

/// Focus the link to `href` inside `container` without scrolling, unless the user has already
/// put the focus on something (only the page or the main area, where a change of view leaves it,
/// count as nothing). False when the link is not there.
export function focusLinkBack(container: Element, href: string): boolean {
  const link = Array.from(container.querySelectorAll<HTMLAnchorElement>('a[href]')).find((a) => a.getAttribute('href') === href);
  if (!link) return false;
  const active = document.activeElement;
  if (!active || active === document.body || active.matches('main')) link.focus({ preventScroll: true });
  return true;
}
