import { useCallback, useLayoutEffect, useState, type DependencyList, type RefObject } from 'react';

export interface Viewport {
  top: number;
  height: number;
}

/// The scroll position and height of a scrolling element, read at most once a frame: what a
/// windowed list needs to decide which rows to draw. `sync` reads it at once, for a list that has
/// just scrolled itself and must draw the new rows before focusing one.
export function useScrollViewport(
  ref: RefObject<HTMLElement | null>,
  initialHeight: number,
  deps: DependencyList = [],
): [Viewport, () => void] {
  const [view, setView] = useState<Viewport>({ top: 0, height: initialHeight });
  const sync = useCallback(() => {
    const el = ref.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
  }, [ref]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, deps); // the caller says when to attach again (a list that appears later)
  return [view, sync];
}
