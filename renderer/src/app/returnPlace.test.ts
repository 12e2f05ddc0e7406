import { describe, expect, it } from 'vitest';
import { createReturnPlaces, type EntryHistory } from './returnPlace.js';

/// A history as the browser keeps one: entries with their state, new ones pushed by a change of
/// address (without state), Back and Forward moving between them.
class FakeHistory implements EntryHistory {
  entries: { url: string; state: unknown }[] = [{ url: '#/library', state: null }];
  at = 0;
  get state() {
    return this.entries[this.at].state;
  }
  replaceState(data: unknown) {
    this.entries[this.at] = { ...this.entries[this.at], state: structuredClone(data) };
  }
  go(url: string) {
    this.entries.splice(this.at + 1, Infinity, { url, state: null });
    this.at++;
  }
  /// What `navigate(…, { replace: true })` does: a new address in the same entry, state cleared.
  replaceAddress(url: string) {
    this.entries[this.at] = { url, state: null };
  }
  back() {
    this.at--;
  }
  forward() {
    this.at++;
  }
}

const place = (top: number, link: string, list = 'library') => ({ list, top, link });

describe('return places', () => {
  it('gives a list its place back when the app returns to the entry it was left from', () => {
    const history = new FakeHistory();
    const places = createReturnPlaces(() => history);
    places.remember(place(7200, '#/article/12'));
    history.go('#/article/12');
    expect(places.recall('library')).toBeUndefined();
    history.back();
    expect(places.recall('library')).toEqual(place(7200, '#/article/12'));
    // Forward and back again: still there.
    history.forward();
    history.back();
    expect(places.recall('library')).toEqual(place(7200, '#/article/12'));
  });

  it('keeps what the entry held in its state already', () => {
    const history = new FakeHistory();
    history.entries[0].state = { scroll: 3 };
    createReturnPlaces(() => history).remember(place(1, '#/article/1'));
    expect(history.state).toMatchObject({ scroll: 3 });
  });

  it('starts a new entry at the same address afresh', () => {
    const history = new FakeHistory();
    const places = createReturnPlaces(() => history);
    places.remember(place(7200, '#/article/12'));
    history.go('#/article/12');
    // "Library" in the navigation: a new entry, though the address is the one left.
    history.go('#/library');
    expect(places.recall('library')).toBeUndefined();
    history.back();
    history.back();
    expect(places.recall('library')?.top).toBe(7200);
  });

  it('forgets the place when the entry shows another list', () => {
    const history = new FakeHistory();
    const places = createReturnPlaces(() => history);
    places.remember(place(7200, '#/article/12', 'library:date'));
    // A new sort rewrites the entry's address and clears its state.
    history.replaceAddress('#/library?sort=title');
    expect(places.recall('library:title')).toBeUndefined();
    places.remember(place(600, '#/article/40', 'library:title'));
    history.go('#/article/40');
    history.back();
    expect(places.recall('library:date')).toBeUndefined();
    expect(places.recall('library:title')?.link).toBe('#/article/40');
  });

  it('keeps the newest place of each entry, and only so many entries', () => {
    const history = new FakeHistory();
    const places = createReturnPlaces(() => history, 2);
    places.remember(place(100, '#/article/1'));
    places.remember(place(200, '#/article/2'));
    expect(places.recall('library')?.link).toBe('#/article/2');
    history.go('#/search?q=a');
    places.remember(place(10, '#/article/3', 'search'));
    history.go('#/search?q=b');
    places.remember(place(20, '#/article/4', 'search'));
    history.back();
    expect(places.recall('search')?.top).toBe(10);
    history.back();
    expect(places.recall('library')).toBeUndefined();
  });

  it('never takes a key from before a reload for one of its own', () => {
    const history = new FakeHistory();
    createReturnPlaces(() => history).remember(place(900, '#/article/9'));
    // A reload: memory starts empty, the entry keeps its state.
    const afterReload = createReturnPlaces(() => history);
    expect(afterReload.recall('library')).toBeUndefined();
    history.go('#/library');
    afterReload.remember(place(50, '#/article/5'));
    history.back();
    expect(afterReload.recall('library')).toBeUndefined();
    history.forward();
    expect(afterReload.recall('library')?.top).toBe(50);
  });

  it('keeps how far a list was scrolled, for coming back after leaving it any way', () => {
    const history = new FakeHistory();
    const places = createReturnPlaces(() => history);
    places.scrolled('library', 300);
    places.scrolled('library', 4200);
    // Left by the navigation: no link was followed.
    history.go('#/tags');
    expect(places.recall('library')).toBeUndefined();
    history.back();
    expect(places.recall('library')).toEqual({ list: 'library', top: 4200, link: null });
  });

  it('keeps the link followed when the list scrolls afterwards, but not for another list', () => {
    const history = new FakeHistory();
    const places = createReturnPlaces(() => history);
    places.remember(place(7200, '#/article/12'));
    history.go('#/article/12');
    history.back();
    // Put back where it was, then scrolled a little further before leaving again.
    places.scrolled('library', 7200);
    places.scrolled('library', 7260);
    expect(places.recall('library')).toEqual(place(7260, '#/article/12'));
    places.scrolled('library:title', 0);
    expect(places.recall('library:title')).toEqual({ list: 'library:title', top: 0, link: null });
  });
});
