// The reader's ProseMirror view, without React: the article as a read-only document, the
// highlight, term and focus plugins, keyboard selection, and a small API in text offsets so no
// caller ever handles a ProseMirror position (the text map converts, here and only here).
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ensureColourRules } from './colour-rules.js';
import { focusPlugin, setActive, setFlash, type FocusRange } from './focus.js';
import { highlightPlugin, removeHighlight, resetHighlights, upsertHighlight, type HighlightSpan } from './highlights.js';
import { handleSelectionKey } from './keyboard-selection.js';
import { articleDoc } from './schema.js';
import { setTerms, termPlugin } from './terms.js';
import { TextMap } from './textmap.js';

/// A range of the article text in UTF-16 offsets.
export interface TextRange {
  start: number;
  end: number;
}

export interface ReaderEditorOptions {
  text: string;
  spans: readonly HighlightSpan[];
  terms?: readonly string[];
  /// Accessible name of the text.
  label?: string;
  /// Called when the selection changes: its offsets, or null when it is empty.
  onSelectionChange?: (range: TextRange | null) => void;
  /// Keys the reader handles itself (h, 1–9, Escape); return true when handled.
  onKey?: (event: KeyboardEvent) => boolean;
}

/// One article shown in a ProseMirror view.
export class ReaderEditor {
  readonly view: EditorView;
  readonly map: TextMap;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(mount: HTMLElement, options: ReaderEditorOptions) {
    this.map = new TextMap(options.text);
    ensureColourRules(mount.ownerDocument, options.spans.map((s) => s.color));
    const state = EditorState.create({
      doc: articleDoc(options.text),
      plugins: [highlightPlugin(this.map, options.spans), termPlugin(this.map, options.text, options.terms ?? []), focusPlugin(this.map)],
    });
    let lastSelection: TextRange | null = null;
    this.view = new EditorView(mount, {
      state,
      editable: () => false,
      attributes: {
        role: 'document',
        'aria-label': options.label ?? 'Article text',
        tabindex: '0',
        class: 'qalam-article-text',
        spellcheck: 'false',
      },
      handleDOMEvents: {
        keydown: (view, event) => handleSelectionKey(view, event) || (options.onKey?.(event) ?? false),
      },
      dispatchTransaction: (tr) => {
        const next = this.view.state.apply(tr);
        this.view.updateState(next);
        if (tr.selectionSet) {
          const range = this.selection();
          if (range?.start !== lastSelection?.start || range?.end !== lastSelection?.end) {
            lastSelection = range;
            options.onSelectionChange?.(range);
          }
        }
      },
    });
  }

  /// The selected text's offsets, or null when nothing is selected.
  selection(): TextRange | null {
    const { from, to, empty } = this.view.state.selection;
    if (empty) return null;
    const start = this.map.toOffset(from);
    const end = this.map.toOffset(to);
    return end > start ? { start, end } : null;
  }

  /// Select a range of the text (and show it as the browser's selection).
  select(range: TextRange): void {
    const { from, to } = this.map.rangeToPos(range.start, range.end);
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, from, to)));
  }

  /// Forget the selection, after it was highlighted.
  clearSelection(): void {
    const sel = this.view.dom.ownerDocument.getSelection();
    if (sel && sel.anchorNode && this.view.dom.contains(sel.anchorNode)) sel.collapseToEnd();
    const { to } = this.view.state.selection;
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, to)));
  }

  upsertHighlight(span: HighlightSpan): void {
    ensureColourRules(this.view.dom.ownerDocument, [span.color]);
    this.view.dispatch(upsertHighlight(this.view.state.tr, span));
  }

  removeHighlight(id: number): void {
    this.view.dispatch(removeHighlight(this.view.state.tr, id));
  }

  resetHighlights(spans: readonly HighlightSpan[]): void {
    ensureColourRules(this.view.dom.ownerDocument, spans.map((s) => s.color));
    this.view.dispatch(resetHighlights(this.view.state.tr, spans));
  }

  setTerms(terms: readonly string[]): void {
    this.view.dispatch(setTerms(this.view.state.tr, terms));
  }

  /// Outline the annotation whose details are open (null: none).
  setActive(range: FocusRange | null): void {
    this.view.dispatch(setActive(this.view.state.tr, range));
  }

  /// Scroll a range into the middle of the view's scroll area.
  scrollTo(range: TextRange): void {
    const { node } = this.view.domAtPos(this.map.toPos(range.start));
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }

  /// Scroll to an annotation and pulse it briefly.
  flash(range: FocusRange): void {
    this.scrollTo(range);
    this.view.dispatch(setFlash(this.view.state.tr, range));
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      if (!this.view.isDestroyed) this.view.dispatch(setFlash(this.view.state.tr, null));
    }, 1600);
  }

  /// Viewport coordinates of an offset, for placing popovers.
  coordsAt(offset: number): { left: number; top: number; bottom: number } {
    return this.view.coordsAtPos(this.map.toPos(Math.min(offset, this.map.length)));
  }

  focus(): void {
    this.view.dom.focus({ preventScroll: true });
  }

  destroy(): void {
    clearTimeout(this.flashTimer);
    this.view.destroy();
  }
}
