// The side panel: the article's annotations in text order, each with its quote, tags and note.
// Windowed, so an article with thousands of highlights costs a screenful of rows to draw: rows
// have a known height (a note adds a line; quotes and notes are clamped), see panelWindow.ts.
import { useScrollViewport } from '../../app/useScrollViewport.js';
import { memo, useMemo, useRef } from 'react';
import type { Annotation, Tag } from '../../../../shared/model.js';
import { rowsInView, rowTops } from './panelWindow.js';
import { tagLabel } from './tagMatch.js';

interface AnnotationsPanelProps {
  annotations: readonly Annotation[];
  byId: ReadonlyMap<number, Tag>;
  activeId: number | null;
  onPick: (annotation: Annotation) => void;
}

/// Row heights in pixels, matching reader.css (.qalam-annotation-item's 18px lines): a row with a
/// one-line quote and its tags, plus a line for a longer quote (clamped at two) and one for a note.
const ROW_HEIGHT = 72;
const LINE = 18;
const NOTE_LINE = LINE + 4;
const OVERSCAN = 4;
/// Quotes up to this many characters fit one line of the panel at its narrowest (16rem).
const ONE_LINE_QUOTE = 30;

/// Lines the quote of an annotation takes in the panel: one or two.
function quoteLines(a: Annotation): 1 | 2 {
  return a.exact.length <= ONE_LINE_QUOTE && !a.exact.includes('\n') ? 1 : 2;
}

function rowHeight(a: Annotation): number {
  return ROW_HEIGHT + (quoteLines(a) === 2 ? LINE : 0) + (a.note ? NOTE_LINE : 0);
}

export function AnnotationsPanel({ annotations, byId, activeId, onPick }: AnnotationsPanelProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const tops = useMemo(() => rowTops(annotations.map(rowHeight)), [annotations]);
  const hasRows = annotations.length > 0;
  // The scroll position and height of the list, read at most once a frame.
  const [view] = useScrollViewport(scroller, 600, [hasRows]);

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
          <ul role="list" className="qalam-annotations__list" style={{ height: tops[annotations.length] }}>
            {rows.map((index) => {
              const a = annotations[index]!;
              return (
                <li
                  key={a.id}
                  data-index={index}
                  aria-setsize={annotations.length}
                  aria-posinset={index + 1}
                  className="qalam-annotations__row"
                  style={{ transform: `translateY(${tops[index]}px)`, height: tops[index + 1]! - tops[index]! }}
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
}

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
  const tags = a.tagIds.map((id) => byId.get(id)).filter((t): t is Tag => t !== undefined);
  return (
    <button
      type="button"
      className="qalam-annotation-item"
      data-annotation-id={a.id}
      aria-current={active ? 'true' : undefined}
      onClick={() => onPick(a)}
      style={tags[0] ? { borderInlineStartColor: tags[0].color } : undefined}
    >
      <span className="qalam-annotation-item__quote" dir="auto" style={{ WebkitLineClamp: quoteLines(a) }} title={a.exact.length > 60 ? a.exact : undefined}>
        {a.exact.length > 180 ? `${a.exact.slice(0, 180)}…` : a.exact}
      </span>
      <span className="qalam-annotation-item__tags">
        {tags.map((t) => (
          <span key={t.id} className="qalam-chip qalam-chip--small">
            <span className="qalam-chip__swatch" style={{ background: t.color }} aria-hidden="true" />
            {tagLabel(t)}
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
