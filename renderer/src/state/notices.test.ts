import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentNotices, dismissAll, notify } from './notices.js';

describe('the status area', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    dismissAll();
  });
  afterEach(() => vi.useRealTimers());

  it('lets messages other than errors fade by themselves, and keeps errors until dismissed', () => {
    notify('Saved tag “Leaders”.');
    notify('The library could not be opened.', 'error');
    expect(currentNotices().map((n) => n.kind)).toEqual(['info', 'error']);
    vi.advanceTimersByTime(6000);
    expect(currentNotices().map((n) => n.text)).toEqual(['The library could not be opened.']);
    expect(dismissAll()).toBe(true);
    expect(currentNotices()).toEqual([]);
  });

  it('shows at most three, the newest last, and a repeated message once', () => {
    for (const text of ['Undone: note', 'Undone: delete highlight', 'Saved tag “Leaders”.', 'Undone: note']) notify(text);
    expect(currentNotices().map((n) => n.text)).toEqual(['Undone: delete highlight', 'Saved tag “Leaders”.', 'Undone: note']);
  });
});
