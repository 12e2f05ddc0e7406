// The side panel: the article's annotations in text order, each with its quote, tags and note.
// Virtualised, so an article with thousands of highlights costs a screenful of rows to draw.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { Annotation, Tag } from '../../../../shared/model.js';
import { tagLabel } from './tagMatch.js';

interface AnnotationsPanelProps {
  annotations: readonly Annotation[];
  byId: ReadonlyMap<number, Tag>;
  activeId: number | null;
  onPick: (annotation: Annotation) => void;
}

export function AnnotationsPanel({ annotations, byId, activeId, onPick }: AnnotationsPanelProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey: (i) => annotations[i]!.id,
  });
  return (
    <aside className="qalam-annotations" aria-label="Annotations">
      <h2 className="qalam-annotations__title">
        Annotations <span className="qalam-muted">{annotations.length}</span>
      </h2>
      {annotations.length === 0 ? (
        <p className="qalam-muted qalam-annotations__empty">Select text and press H to highlight it.</p>
      ) : (
        <div ref={scroller} className="qalam-annotations__scroller">
          <ul role="list" className="qalam-annotations__list" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((row) => {
              const a = annotations[row.index]!;
              return (
                <li
                  key={row.key}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  aria-setsize={annotations.length}
                  aria-posinset={row.index + 1}
                  className="qalam-annotations__row"
                  style={{ transform: `translateY(${row.start}px)` }}
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
      style={{ borderInlineStartColor: tags[0]?.color ?? '#999999' }}
    >
      <span className="qalam-annotation-item__quote">{a.exact.length > 180 ? `${a.exact.slice(0, 180)}…` : a.exact}</span>
      <span className="qalam-annotation-item__tags">
        {tags.map((t) => (
          <span key={t.id} className="qalam-chip qalam-chip--small">
            <span className="qalam-chip__swatch" style={{ background: t.color }} aria-hidden="true" />
            {tagLabel(t)}
          </span>
        ))}
        {a.status === 'orphaned' && <span className="qalam-warning"> not found in the text</span>}
      </span>
      {a.note && <span className="qalam-annotation-item__note">{a.note}</span>}
    </button>
  );
});
