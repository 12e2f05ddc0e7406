// The reader: one article in a read-only ProseMirror view with its highlights, the search terms it
// was opened for, the annotating popovers and the side panel of its annotations.
//
// Data flow: the article, its annotations and the codebook load together; the editor is built once
// per article with every highlight (performance mark `qalam:reader-ready`); after that, each change
// arrives from AnnotationActions (also when undo or redo made it) and patches one highlight
// (`qalam:highlight-added` measures that for new ones), while React keeps the side panel's list.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { Annotation, Article, Tag } from '../../../../shared/model.js';
import { api } from '../../api.js';
import { keyLetter } from '../../app/shortcuts.js';
import { prefetchKey, takePrefetched } from '../../boot/prefetch.js';
import { ReaderEditor, type TextRange } from '../../editor/ReaderEditor.js';
import { FALLBACK_COLOUR, type HighlightSpan } from '../../editor/highlights.js';
import { codebookSnapshot, refreshCodebook, useCodebook } from '../../state/codebook.js';
import { languageName } from '../library/format.js';
import { AnnotationDetails } from './AnnotationDetails.js';
import { AnnotationsPanel, type AnnotationsPanelHandle } from './AnnotationsPanel.js';
import { annotationActions } from './appActions.js';
import { NewHighlightPopover } from './NewHighlightPopover.js';
import { numberKeyTags, tagLabel } from './tagMatch.js';
import './reader.css';

export interface ReaderViewProps {
  articleId: number;
  /// Words to mark, as search matched them (SearchResult.terms).
  highlightTerms?: string[];
  /// Scroll to this annotation and pulse it.
  focusAnnotationId?: number | null;
  /// For views that link from one article to another (kept for the app shell's routing).
  onOpenArticle?: (id: number, annotationId?: number) => void;
}

type Position = { left: number; top: number };
/// A new highlight's popover is a fresh one for each selection (`opening` tells them apart), so
/// tags typed for one passage are never carried to the next.
type Popover = { kind: 'new'; range: TextRange; position: Position; opening: number } | { kind: 'details'; id: number; others: number[]; position: Position } | null;

function textOrder(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || a.id - b.id;
}

function colourOf(a: Annotation, byId: ReadonlyMap<number, Tag>): string {
  return byId.get(a.tagIds[0]!)?.color ?? FALLBACK_COLOUR;
}

/// The span drawn for an annotation; none for one whose passage was lost (shown in the panel only).
function spanOf(a: Annotation, byId: ReadonlyMap<number, Tag>, length: number): HighlightSpan | null {
  if (a.status === 'orphaned' || a.end <= a.start || a.end > length) return null;
  return { id: a.id, start: a.start, end: a.end, color: colourOf(a, byId) };
}

/// Insert into a list kept in text order (binary search: the list may hold thousands).
function insertSorted(list: readonly Annotation[], a: Annotation): Annotation[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (textOrder(list[mid]!, a) < 0) lo = mid + 1;
    else hi = mid;
  }
  return [...list.slice(0, lo), a, ...list.slice(lo)];
}

/// A performance measure from a mark to now (nothing when the mark was cleared in between).
function measureSince(name: string, startMark: string): void {
  try {
    performance.measure(name, startMark);
  } catch {
    // The start mark is missing only if someone cleared marks in between: nothing to measure.
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function ReaderView({ articleId, highlightTerms, focusAnnotationId }: ReaderViewProps) {
  const codebook = useCodebook();
  const [article, setArticle] = useState<Article | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextRange | null>(null);
  const [popover, setPopover] = useState<Popover>(null);
  const [notice, setNotice] = useState('');
  const editorRef = useRef<ReaderEditor | null>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<AnnotationsPanelHandle>(null);
  const openings = useRef(0);
  const annotationsRef = useRef<Annotation[]>([]);
  annotationsRef.current = annotations;
  const termsRef = useRef<string[]>(highlightTerms ?? []);
  /// The colour each drawn annotation has, to redraw only those whose tag colour changed.
  const coloursRef = useRef(new Map<number, string>());

  // Load the article, its annotations and the codebook together.
  useEffect(() => {
    let cancelled = false;
    setArticle(null);
    setAnnotations([]);
    setError(null);
    setPopover(null);
    setSelection(null);
    // Opened by a reload, the entry module has already asked for both (boot/firstScreen.ts).
    const early = <T,>(name: string, input: object, call: () => Promise<T>) => takePrefetched<T>(prefetchKey(name, input))?.promise ?? call();
    Promise.all([
      early('getArticle', { id: articleId }, () => api.getArticle({ id: articleId })),
      early('listAnnotations', { articleId }, () => api.listAnnotations({ articleId })),
      refreshCodebook().catch(() => undefined),
    ])
      .then(([loadedArticle, loadedAnnotations]) => {
        if (cancelled) return;
        performance.mark('qalam:reader-data');
        annotationsRef.current = [...loadedAnnotations].sort(textOrder);
        setAnnotations(annotationsRef.current);
        setArticle(loadedArticle);
      })
      .catch((e) => !cancelled && setError(messageOf(e)));
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  /// Close the popover; with `refocus`, the focus goes back to the text, and so does the page's
  /// selection when the editor still holds one (a cancelled new highlight): the Highlight button
  /// and the keys act on the editor's selection, so the reader must see it.
  const closePopover = useCallback((refocus = true) => {
    setPopover(null);
    const editor = editorRef.current;
    if (!editor) return;
    editor.setActive(null);
    if (!refocus) return;
    const kept = editor.selection();
    if (kept) {
      // The popover's fields took the page's selection, and ProseMirror draws a read-only text's
      // selection only when it changes while the page's selection is inside the text: put the
      // caret in the text, then move the selection off the passage and back onto it.
      editor.view.dom.ownerDocument.getSelection()?.collapse(editor.view.dom, 0);
      editor.focus();
      editor.clearSelection();
      editor.select(kept);
    } else {
      editor.focus();
    }
  }, []);

  const positionAt = useCallback((offset: number): Position => {
    const editor = editorRef.current;
    const page = pageRef.current;
    if (!editor || !page) return { left: 0, top: 0 };
    const at = editor.coordsAt(offset);
    const box = page.getBoundingClientRect();
    return { left: Math.max(0, Math.min(at.left - box.left, box.width - 340)), top: at.bottom - box.top + 6 };
  }, []);

  const openNew = useCallback(
    (range: TextRange) => {
      // The tag field takes the focus and the browser's selection with it: outline the passage
      // instead, so the reader still sees what is being highlighted.
      editorRef.current?.setActive({ id: 0, start: range.start, end: range.end });
      setPopover({ kind: 'new', range, position: positionAt(range.end), opening: ++openings.current });
    },
    [positionAt],
  );

  const openDetails = useCallback((a: Annotation, others: number[], position: Position) => {
    editorRef.current?.setActive({ id: a.id, start: a.start, end: a.end });
    setPopover({ kind: 'details', id: a.id, others, position });
  }, []);

  const afterHighlight = useCallback(() => {
    editorRef.current?.setActive(null);
    editorRef.current?.clearSelection();
    setSelection(null);
    setPopover(null);
    editorRef.current?.focus();
  }, []);

  const quickApply = useCallback(
    (n: number, range: TextRange) => {
      const { tags, recent, byId } = codebookSnapshot();
      const tag = numberKeyTags(tags, recent, byId)[n - 1];
      if (!tag) {
        setNotice(`No tag on key ${n} yet: highlight with H and choose tags first.`);
        return;
      }
      annotationActions
        .create({ articleId, start: range.start, end: range.end, tagIds: [tag.id] })
        .then(() => {
          afterHighlight();
          setNotice(`Highlighted with ${tagLabel(tag)}.`);
        })
        .catch((e) => setNotice(messageOf(e)));
    },
    [articleId, afterHighlight],
  );

  // Keys pressed in the text. Kept in a ref so the editor, built once, always calls the latest.
  const keyRef = useRef<(e: KeyboardEvent) => boolean>(() => false);
  keyRef.current = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    const editor = editorRef.current;
    if (e.key === 'Escape') {
      if (popover) closePopover();
      else if (editor?.selection()) editor.clearSelection();
      else return false;
      e.stopPropagation();
      return true;
    }
    const range = editor?.selection();
    if (!range) return false;
    if (keyLetter(e) === 'h') {
      e.preventDefault();
      openNew(range);
      return true;
    }
    if (/^[1-9]$/.test(e.key)) {
      e.preventDefault();
      quickApply(Number(e.key), range);
      return true;
    }
    return false;
  };

  // Build the view once the article is here: every highlight in one decoration set.
  useLayoutEffect(() => {
    const mount = mountRef.current;
    if (!article || !mount) return;
    const { byId } = codebookSnapshot();
    const colours = new Map<number, string>();
    const spans: HighlightSpan[] = [];
    for (const a of annotationsRef.current) {
      const span = spanOf(a, byId, article.text.length);
      if (span) {
        spans.push(span);
        colours.set(a.id, span.color);
      }
    }
    coloursRef.current = colours;
    const editor = new ReaderEditor(mount, {
      text: article.text,
      spans,
      terms: termsRef.current,
      label: 'Article text',
      onSelectionChange: setSelection,
      onKey: (e) => keyRef.current(e),
    });
    editorRef.current = editor;
    performance.mark('qalam:reader-ready');
    measureSince('qalam:reader-render', 'qalam:reader-data');
    // The view is on screen once the frame after this one has been painted: a task queued from
    // the next animation frame runs after that frame's layout and paint.
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('qalam:reader-painted');
        measureSince('qalam:reader-shown', 'qalam:reader-data');
      }, 0),
    );
    return () => {
      cancelAnimationFrame(frame);
      editor.destroy();
      editorRef.current = null;
    };
  }, [article]);

  // Search terms: mark the new ones when they change.
  const termsKey = (highlightTerms ?? []).join('\u0000');
  useEffect(() => {
    const terms = highlightTerms ?? [];
    if (terms.join('\u0000') === termsRef.current.join('\u0000')) return;
    termsRef.current = terms;
    editorRef.current?.setTerms(terms);
  }, [termsKey]);

  // Arriving at an annotation (from Passages or a link): scroll to it and pulse it.
  useEffect(() => {
    if (!article || focusAnnotationId == null) return;
    const a = annotationsRef.current.find((x) => x.id === focusAnnotationId);
    if (a && a.end <= article.text.length) editorRef.current?.flash({ id: a.id, start: a.start, end: a.end });
  }, [article, focusAnnotationId]);

  // Tag colours changed (a tag re-coloured, or a new tag arrived in the codebook): redraw the
  // highlights whose colour changed, one by one when few, all at once when many.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !article) return;
    const changed: HighlightSpan[] = [];
    for (const a of annotationsRef.current) {
      const span = spanOf(a, codebook.byId, article.text.length);
      if (span && coloursRef.current.get(a.id) !== span.color) changed.push(span);
    }
    if (changed.length === 0) return;
    for (const s of changed) coloursRef.current.set(s.id, s.color);
    if (changed.length > 50) {
      const all = annotationsRef.current.map((a) => spanOf(a, codebook.byId, article.text.length)).filter((s): s is HighlightSpan => s !== null);
      editor.resetHighlights(all);
    } else {
      for (const s of changed) editor.upsertHighlight(s);
    }
  }, [codebook.byId, article]);

  // Changes to annotations, from this view, from undo and redo, or from another view.
  useEffect(
    () =>
      annotationActions.subscribe((change) => {
        const a = change.annotation;
        if (a.articleId !== articleId) return;
        const editor = editorRef.current;
        const length = editor?.map.length ?? 0;
        if (change.type === 'removed') {
          editor?.removeHighlight(a.id);
          coloursRef.current.delete(a.id);
          annotationsRef.current = annotationsRef.current.filter((x) => x.uid !== a.uid);
          setPopover((p) => (p?.kind === 'details' && p.id === a.id ? null : p));
          return void setAnnotations(annotationsRef.current);
        }
        const span = spanOf(a, codebookSnapshot().byId, length);
        if (change.type === 'added') performance.mark('qalam:highlight-answer');
        if (span) editor?.upsertHighlight(span);
        else editor?.removeHighlight(a.id);
        if (change.type === 'added') performance.measure('qalam:highlight-added', 'qalam:highlight-answer');
        if (span) coloursRef.current.set(a.id, span.color);
        annotationsRef.current = insertSorted(
          annotationsRef.current.filter((x) => x.uid !== a.uid),
          a,
        );
        setAnnotations(annotationsRef.current);
      }),
    [articleId],
  );

  function onTextClick(e: MouseEvent<HTMLDivElement>) {
    // A click that ends a drag selection is selecting, not opening a highlight.
    const domSelection = window.getSelection();
    if (domSelection && !domSelection.isCollapsed) return;
    const hit = (e.target as Element).closest?.('[data-annotation-ids]');
    const page = pageRef.current;
    if (!hit || !page) return;
    const ids = hit.getAttribute('data-annotation-ids')!.split(' ').map(Number);
    const a = annotationsRef.current.find((x) => x.id === ids[0]);
    if (!a) return;
    const box = page.getBoundingClientRect();
    openDetails(a, ids.slice(1), { left: Math.max(0, Math.min(e.clientX - box.left, box.width - 340)), top: e.clientY - box.top + 14 });
  }

  const pickFromPanel = useCallback(
    (a: Annotation) => {
      const editor = editorRef.current;
      if (!editor || a.status === 'orphaned' || a.end > editor.map.length) {
        setNotice('This passage was not found in the text any more.');
        return;
      }
      editor.flash({ id: a.id, start: a.start, end: a.end });
      const under = annotationsRef.current.filter((x) => x.id !== a.id && x.start < a.end && x.end > a.start).map((x) => x.id);
      openDetails(a, under, positionAt(a.end));
    },
    [openDetails, positionAt],
  );

  if (error) {
    return (
      <div className="qalam-reader qalam-reader--message">
        <p role="alert">The article could not be opened: {error}</p>
      </div>
    );
  }
  if (!article) {
    return (
      <div className="qalam-reader qalam-reader--message" aria-busy="true">
        <p className="qalam-muted">Opening the article…</p>
      </div>
    );
  }

  const quickTags = numberKeyTags(codebook.tags, codebook.recent, codebook.byId);
  const active = popover?.kind === 'details' ? annotations.find((a) => a.id === popover.id) : undefined;
  return (
    <div className="qalam-reader" data-article-id={article.id}>
      <article className="qalam-reader__main" aria-labelledby="qalam-reader-title">
        <header className="qalam-reader__header">
          <h1 id="qalam-reader-title" className="qalam-reader__title" lang={article.lang} dir="auto">
            {article.title || 'Untitled'}
          </h1>
          <p className="qalam-reader__meta">
            {article.date && <time dateTime={article.date}>{article.date}</time>}
            {article.source && <span>{article.source}</span>}
            <span>{languageName(article.lang)}</span>
            {article.url && (
              <button type="button" className="qalam-linkish" onClick={() => void api.openExternal({ url: article.url! }).catch(() => undefined)}>
                Open original
              </button>
            )}
          </p>
          <div className="qalam-reader__toolbar" role="toolbar" aria-label="Annotate">
            <button
              type="button"
              aria-keyshortcuts="h"
              disabled={!selection}
              // Keep the text selected: pressing the button must not move the selection.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                const range = editorRef.current?.selection() ?? selection;
                if (range) openNew(range);
              }}
            >
              Highlight
            </button>
            {quickTags.length > 0 && (
              <ol className="qalam-reader__keys" aria-label="Number keys apply these tags">
                {quickTags.map((t, i) => (
                  <li key={t.id}>
                    <kbd>{i + 1}</kbd>
                    <span className="qalam-chip__swatch" style={{ background: t.color }} aria-hidden="true" />
                    {tagLabel(t)}
                  </li>
                ))}
              </ol>
            )}
            <p role="status" className="qalam-reader__notice">
              {notice}
            </p>
          </div>
        </header>
        <div className="qalam-reader__page" ref={pageRef}>
          <div ref={mountRef} lang={article.lang} onClick={onTextClick} />
          {popover?.kind === 'new' && (
            <NewHighlightPopover
              key={popover.opening}
              tags={codebook.tags}
              quote={article.text.slice(popover.range.start, popover.range.end)}
              position={popover.position}
              onSave={async (refs) => {
                await annotationActions.create({ articleId, start: popover.range.start, end: popover.range.end, ...refs });
                afterHighlight();
              }}
              onClose={() => closePopover()}
            />
          )}
          {popover?.kind === 'details' && active && (
            <AnnotationDetails
              annotation={active}
              others={popover.others.map((id) => annotations.find((a) => a.id === id)).filter((a): a is Annotation => a !== undefined)}
              tags={codebook.tags}
              byId={codebook.byId}
              position={popover.position}
              onUpdate={async (edit) => void (await annotationActions.update(active, edit))}
              onDelete={async () => {
                // The focus goes to the entry after it in the panel (before it, for the last), so
                // the keyboard carries on through the list; to the text when none is left.
                const list = annotationsRef.current;
                const at = list.findIndex((x) => x.uid === active.uid);
                const neighbour = at < 0 ? undefined : (list[at + 1] ?? list[at - 1]);
                await annotationActions.remove(active);
                closePopover(!neighbour);
                if (neighbour) panelRef.current?.focusEntry(neighbour.id);
                setNotice('Highlight deleted. Undo brings it back.');
              }}
              onSwitch={(id) => {
                const other = annotations.find((a) => a.id === id);
                if (other) openDetails(other, [active.id, ...popover.others.filter((x) => x !== id)], popover.position);
              }}
              onClose={() => closePopover()}
            />
          )}
        </div>
      </article>
      <AnnotationsPanel ref={panelRef} annotations={annotations} byId={codebook.byId} activeId={active?.id ?? null} onPick={pickFromPanel} />
    </div>
  );
}
