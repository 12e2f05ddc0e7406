// The side panel: the article's annotations in text order, each with its quote, all its tags
// (wrapping onto as many lines as they need) and its note.
// Windowed, so an article with thousands of highlights costs a screenful of rows to draw. A row is
// as tall as its content: until it is drawn its height is estimated from that content, and once
// drawn it is measured before the frame is painted (see panelWindow.ts). When a measured row above
// the view turns out taller or shorter than estimated, the scroll position moves with it, so what
// the reader sees stays put.
import { useScrollViewport } from '../../app/useScrollViewport.js';
import { memo, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { Annotation, Tag } from '../../../../shared/model.js';
import { estimateRowHeight, keepInPlace, rowsInView, rowTops, scrollToShow } from './panelWindow.js';
import { tagLabel } from './tagMatch.js';

/// What the reader asks of the panel.
export interface AnnotationsPanelHandle {
  /// Scroll the entry of annotation `id` into view and give it the focus (after a delete, say).
  focusEntry(id: number): void;
}

interface AnnotationsPanelProps {
  annotations: readonly Annotation[];
  byId: ReadonlyMap<number, Tag>;
  activeId: number | null;
  onPick: (annotation: Annotation) => void;
  ref?: Ref<AnnotationsPanelHandle>;
}

const OVERSCAN = 4;
/// The list's width before it has been laid out: the panel at its narrowest (16rem).
const NARROWEST = 256;
/// Passes of scrolling and measuring a reveal may take before it settles for where it is.
const REVEAL_PASSES = 8;

/// What the list knows of a row's height: estimated from its content with the tags and width it
/// was last laid out for, and measured once drawn (kept while its tag labels and the width stay).
interface RowSize {
  byId: ReadonlyMap<number, Tag>;
  width: number;
  labels: string;
  estimate: number;
  measured: number | null;
}

/// An entry to bring into view, and whether to focus it once it is there.
interface Reveal {
  id: number;
  focus: boolean;
  passes: number;
}

function tagsOf(a: Annotation, byId: ReadonlyMap<number, Tag>): Tag[] {
  return a.tagIds.map((id) => byId.get(id)).filter((t): t is Tag => t !== undefined);
}

/// Memoised: the reader draws again on every change of the text's selection, and the panel (which
/// measures its rows whenever it draws) need not.
export const AnnotationsPanel = memo(function AnnotationsPanel({ annotations, byId, activeId, onPick, ref }: AnnotationsPanelProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const hasRows = annotations.length > 0;
  // The scroll position and height of the list, read at most once a frame.
  const [view, syncView] = useScrollViewport(scroller, 600, [hasRows]);
  /// Row sizes by annotation: a changed annotation is a new object, so it is sized afresh.
  const sizes = useRef(new WeakMap<Annotation, RowSize>());
  const [width, setWidth] = useState(NARROWEST);
  const [measurements, setMeasurements] = useState(0);
  const reveal = useRef<Reveal | null>(null);
  /// Bumped to draw the panel again when a reveal is asked for.
  const [, setRevealRequests] = useState(0);
  const shownActive = useRef<number | null>(null);

  // Sizing every row on every pass would cost milliseconds for thousands of them: a row is sized
  // again only when the codebook or the width has changed since, and its tag labels are compared
  // only then.
  const sizeOf = (a: Annotation): RowSize => {
    const known = sizes.current.get(a);
    if (known && known.byId === byId && known.width === width) return known;
    const tags = tagsOf(a, byId);
    const labels = tags.map(tagLabel).join('\u0000');
    const estimate = estimateRowHeight(
      {
        quoteChars: Math.min(a.exact.length, 181),
        quoteBreaks: a.exact.includes('\n'),
        tagChars: tags.map((t) => tagLabel(t).length),
        noteChars: a.note.length,
        warning: a.status === 'orphaned',
      },
      width,
    );
    const measured = known && known.width === width && known.labels === labels ? known.measured : null;
    const size: RowSize = { byId, width, labels, estimate, measured };
    sizes.current.set(a, size);
    return size;
  };
  const heightOf = (a: Annotation): number => {
    const size = sizeOf(a);
    return size.measured ?? size.estimate;
  };
  const tops = useMemo(() => rowTops(annotations.map(heightOf)), [annotations, byId, width, measurements]);

  useImperativeHandle(ref, () => ({
    focusEntry(id: number) {
      reveal.current = { id, focus: true, passes: 0 };
      setRevealRequests((n) => n + 1);
    },
  }));

  // Rows are as wide as the list; a new width makes every measured height stale (see sizeOf).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = () => {
      if (el.clientWidth > 0) setWidth(el.clientWidth);
    };
    read();
    const resize = new ResizeObserver(read);
    resize.observe(el);
    return () => resize.disconnect();
  }, [hasRows]);

  // After every render, before it is painted: measure the rows just drawn, keep the view in place
  // if they were not the height the list assumed, and bring a requested entry into view.
  useLayoutEffect(() => {
    const el = scroller.current;
    const ul = list.current;
    if (!el || !ul) return;
    let after = tops;
    let changed = false;
    for (const li of ul.children as HTMLCollectionOf<HTMLElement>) {
      const index = Number(li.dataset.index);
      const a = annotations[index];
      if (!a) continue;
      const height = li.getBoundingClientRect().height;
      const size = sizeOf(a);
      if (size.measured !== null && Math.abs(height - size.measured) <= 0.5) continue;
      size.measured = height;
      changed ||= Math.abs(height - (tops[index + 1]! - tops[index]!)) > 0.5;
    }
    if (changed) {
      after = rowTops(annotations.map(heightOf));
      // The list takes its new height now, not at the next render: a position past the old end
      // would otherwise be cut back to it.
      ul.style.height = `${after[annotations.length]}px`;
      el.scrollTop = keepInPlace(tops, after, el.scrollTop, el.clientHeight);
    }

    // The active entry (a highlight opened in the text) is brought into view once, when it
    // becomes active; the reader may scroll away from it afterwards.
    if (activeId !== shownActive.current) {
      shownActive.current = activeId;
      if (activeId !== null && !reveal.current?.focus) reveal.current = { id: activeId, focus: false, passes: 0 };
    }
    const wanted = reveal.current;
    const index = wanted ? annotations.findIndex((a) => a.id === wanted.id) : -1;
    if (wanted && index < 0) reveal.current = null;
    if (wanted && index >= 0) {
      const top = scrollToShow(after, index, el.scrollTop, el.clientHeight);
      if (Math.abs(top - el.scrollTop) >= 1) el.scrollTop = top;
      const item = ul.querySelector<HTMLElement>(`[data-index="${index}"] .qalam-annotation-item`);
      // Done once the entry is drawn where the measured list says, or after a few passes.
      if ((item && !changed && Math.abs(top - el.scrollTop) < 1) || ++wanted.passes > REVEAL_PASSES) {
        reveal.current = null;
        if (wanted.focus) item?.focus({ preventScroll: true });
      }
    }
    if (changed) setMeasurements((n) => n + 1);
    if (changed || wanted) syncView();
  });

  const { first, last } = rowsInView(tops, view.top, view.height, OVERSCAN);
  const rows: number[] = [];
  for (let i = first; i <= last; i++) rows.push(i);
  return (
    <aside className="qalam-annotations" aria-label="Annotations">
      <h2 className="qalam-annotations__title">
        Annotations <span className="qalam-muted">{annotations.length}</span>
      </h2>
      {!hasRows ? (
        <p className="qalam-muted qalam-annotations__empty">Select text and press H to highlight it.</p>
      ) : (
        <div ref={scroller} className="qalam-annotations__scroller">
          <ul ref={list} role="list" className="qalam-annotations__list" style={{ height: tops[annotations.length] }}>
            {rows.map((index) => {
              const a = annotations[index]!;
              return (
                <li
                  key={a.id}
                  data-index={index}
                  aria-setsize={annotations.length}
                  aria-posinset={index + 1}
                  className="qalam-annotations__row"
                  style={{ transform: `translateY(${tops[index]}px)` }}
                >
                  <AnnotationItem annotation={a} byId={byId} active={a.id === activeId} onPick={onPick} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </aside>
  );
});

const AnnotationItem = memo(function AnnotationItem({
  annotation: a,
  byId,
  active,
  onPick,
}: {
  annotation: Annotation;
  byId: ReadonlyMap<number, Tag>;
  active: boolean;
  onPick: (a: Annotation) => void;
}) {
  const tags = tagsOf(a, byId);
  return (
    <button
      type="button"
      className="qalam-annotation-item"
      data-annotation-id={a.id}
      aria-current={active ? 'true' : undefined}
      onClick={() => onPick(a)}
      style={tags[0] ? { borderInlineStartColor: tags[0].color } : undefined}
    >
      <span className="qalam-annotation-item__quote" dir="auto" title={a.exact.length > 60 ? a.exact : undefined}>
        {a.exact.length > 180 ? `${a.exact.slice(0, 180)}…` : a.exact}
      </span>
      <span className="qalam-annotation-item__tags">
        {tags.map((t) => (
          <span key={t.id} className="qalam-chip qalam-chip--small">
            <span className="qalam-chip__swatch" style={{ background: t.color }} aria-hidden="true" />
            <span className="qalam-chip__label">{tagLabel(t)}</span>
          </span>
        ))}
        {a.status === 'orphaned' && <span className="qalam-warning"> not found in the text</span>}
      </span>
      {a.note && (
        <span className="qalam-annotation-item__note" dir="auto" title={a.note}>
          {a.note}
        </span>
      )}
    </button>
  );
});
