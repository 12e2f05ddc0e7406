// Keeping the keyboard focus somewhere useful when an action takes away the control that had it.
// A browser drops the focus to the page when the focused element is removed, hidden or disabled,
// and a keyboard user then starts again from the top of the window. Two tools: a hook that puts
// the focus on a view's chosen fallback when that happens inside the view, and a one-off request
// to focus something that is not drawn yet (a new collection, the first row of a list) once it is.
import { useEffect, useRef, type RefObject } from 'react';

/// Something that can take the focus, or nothing yet.
export type FocusFinder = () => HTMLElement | null | undefined;

/// Whether the keyboard focus is nowhere in particular: on the page itself.
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

/// Whether an element can take the focus now: in the page, drawn, and not disabled.
export function canFocus(el: Element | null | undefined): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  if (el.matches(':disabled') || el.closest('[inert]')) return false;
  return el.getClientRects().length > 0;
}

/// When an element inside `region` has the focus and then loses it because it was removed,
/// hidden or disabled, and nothing else took the focus, give the focus to what `fallback` finds,
/// now or once it is drawn (see `focusWhenDrawn`); `onRescued` hears where it went. Focus the user
/// moved on purpose (a click on blank space, another window) is left alone, and so is focus lost
/// from inside an element matching `except` (a part of the view that looks after its own focus).
/// `region` must stay mounted while the view is.
export function useFocusRescue(
  region: RefObject<HTMLElement | null>,
  fallback: FocusFinder,
  options: { except?: string; onRescued?: (el: HTMLElement) => void } = {},
): void {
  const latest = useRef({ fallback, ...options });
  latest.current = { fallback, ...options };

  useEffect(() => {
    const el = region.current;
    if (!el) return;
    let live = true;
    let pending: (() => void) | null = null;
    const onFocusOut = (e: FocusEvent) => {
      const target = e.target;
      // Focus moving to another element needs no help.
      if (e.relatedTarget !== null || !(target instanceof HTMLElement)) return;
      const { except } = latest.current;
      if (except && target.closest(except)) return;
      // Chromium reports the loss before the element goes: look once the change is complete.
      queueMicrotask(() => {
        if (!live || !focusIsLost() || canFocus(target)) return;
        pending?.();
        pending = focusWhenDrawn(() => latest.current.fallback(), { onFocused: (to) => latest.current.onRescued?.(to) });
      });
    };
    el.addEventListener('focusout', onFocusOut);
    return () => {
      live = false;
      el.removeEventListener('focusout', onFocusOut);
      pending?.();
    };
  }, [region]);
}

/// Focus what `find` finds as soon as it is drawn, unless the focus has moved on in the meantime:
/// it must still be on `holder` (by default, wherever it is when this is asked) or have been lost
/// to the page. Gives up after `timeoutMs`; `onFocused` hears when it is done. Returns a function
/// that cancels the request.
export function focusWhenDrawn(
  find: FocusFinder,
  { holder = document.activeElement, timeoutMs = 10_000, onFocused }: { holder?: Element | null; timeoutMs?: number; onFocused?: (el: HTMLElement) => void } = {},
): () => void {
  let done = false;
  const stop = () => {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
  };
  const attempt = () => {
    if (done) return;
    if (document.activeElement !== holder && !focusIsLost()) {
      stop();
      return;
    }
    const el = find();
    if (!canFocus(el)) return;
    stop();
    el.focus();
    onFocused?.(el);
  };
  const observer = new MutationObserver(attempt);
  const timer = setTimeout(stop, timeoutMs);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'hidden', 'disabled', 'aria-busy', 'style'] });
  attempt();
  return stop;
}
