// Highlights as inline decorations, from a plugin: the document stays the article's text, overlaps
// are segments (see segments.ts), and each segment carries the ids of the annotations under it and
// its tag colours as data attributes (`data-hl`, `data-hl2`: hex without '#'). The colours reach
// CSS through one rule per colour (colour-rules.ts) rather than a style attribute per segment:
// parsing thousands of inline styles was a third of the time to show a long article.
//
// The decoration set is built once per article (DecorationSet.create over sorted segments) and
// then patched: adding, changing or removing one annotation recomputes only the segments in the
// window it touches, so a new highlight costs a few decorations, not thousands.
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { segmentRanges, type HighlightRange, type Segment } from './segments.js';
import type { TextMap } from './textmap.js';

/// An annotation as the plugin draws it: its extent and the colour of its (first) tag.
export interface HighlightSpan extends HighlightRange {
  /// CSS colour, `#rrggbb`.
  color: string;
}

/// The plugin's state: the spans by id and the decorations drawn from them.
export interface HighlightState {
  spans: ReadonlyMap<number, HighlightSpan>;
  set: DecorationSet;
}

type HighlightAction =
  | { type: 'reset'; spans: readonly HighlightSpan[] }
  | { type: 'upsert'; span: HighlightSpan }
  | { type: 'remove'; id: number };

/// Reads the plugin's state: `highlightKey.getState(view.state)`.
export const highlightKey = new PluginKey<HighlightState>('qalam-highlights');

/// Class on every highlight segment; overlapping segments also get `qalam-hl--overlap`.
export const HIGHLIGHT_CLASS = 'qalam-hl';
/// Space-separated ids of the annotations under a segment, most specific first.
export const ANNOTATION_IDS_ATTR = 'data-annotation-ids';

/// Attribute holding a segment's colour (the most specific annotation's tag), hex without '#'.
export const COLOUR_ATTR = 'data-hl';
/// Attribute holding the second colour of an overlap.
export const SECOND_COLOUR_ATTR = 'data-hl2';
/// Drawn when an annotation's tag has no colour the reader can use.
export const FALLBACK_COLOUR = '#f2c94c';

const colourKeys = new Map<string, string>();

/// A colour as the attributes carry it: six lower-case hex digits, or the fallback's.
export function colourKey(color: string | undefined): string {
  if (color === undefined) return FALLBACK_COLOUR.slice(1);
  let key = colourKeys.get(color);
  if (key === undefined) {
    key = /^#[0-9a-fA-F]{6}$/.test(color) ? color.slice(1).toLowerCase() : FALLBACK_COLOUR.slice(1);
    // A codebook has dozens of colours; the bound only guards against a caller inventing many.
    if (colourKeys.size < 4096) colourKeys.set(color, key);
  }
  return key;
}

/// Where a segment's decoration keeps its text offsets (the document never changes in the reader,
/// so offsets stay valid and spare a position→offset lookup when patching).
interface SegmentSpec {
  start: number;
  end: number;
  ids: number[];
}

/// The decorations for one segment: class, ids and colours (the second colour shows in overlaps).
/// A segment that crosses paragraphs is drawn as one piece per paragraph: ProseMirror keeps a
/// decoration inside the node that contains it, so paragraph-local pieces are looked at only when
/// their paragraph is drawn, where one crossing decoration would be checked for every paragraph.
export function segmentDecorations(map: TextMap, segment: Segment, spans: ReadonlyMap<number, HighlightSpan>): Decoration[] {
  const { ids } = segment;
  const overlap = ids.length > 1;
  const attrs: Record<string, string> = {
    class: overlap ? `${HIGHLIGHT_CLASS} ${HIGHLIGHT_CLASS}--overlap` : HIGHLIGHT_CLASS,
    [ANNOTATION_IDS_ATTR]: ids.join(' '),
    [COLOUR_ATTR]: colourKey(spans.get(ids[0]!)?.color),
  };
  if (overlap) attrs[SECOND_COLOUR_ATTR] = colourKey(spans.get(ids[1]!)?.color);
  if (ids.length > 2) attrs['data-depth'] = '3';
  const spec: SegmentSpec = { start: segment.start, end: segment.end, ids };
  const out: Decoration[] = [];
  const last = map.paragraphAtOffset(segment.end);
  for (let p = map.paragraphAtOffset(segment.start); p <= last; p++) {
    const from = Math.max(segment.start, map.paragraphStart(p));
    const to = Math.min(segment.end, map.paragraphEnd(p));
    if (to > from) out.push(Decoration.inline(map.toPos(from), map.toPos(to), attrs, spec));
  }
  return out;
}

/// Every highlight of an article as one decoration set, built in one pass.
export function buildHighlightSet(doc: Node, map: TextMap, spans: ReadonlyMap<number, HighlightSpan>): DecorationSet {
  const decorations = segmentRanges([...spans.values()]).flatMap((s) => segmentDecorations(map, s, spans));
  return DecorationSet.create(doc, decorations);
}

/// Redraw the window of text around [start, end): take out the segment decorations touching it,
/// widen the window to cover them, and put back the segments of every span in that window.
/// Segment edges are annotation edges, so the window's edges are too, and the result equals a
/// full rebuild (the tests check this).
export function redrawWindow(
  set: DecorationSet,
  doc: Node,
  map: TextMap,
  spans: ReadonlyMap<number, HighlightSpan>,
  start: number,
  end: number,
): DecorationSet {
  let lo = start;
  let hi = end;
  for (const d of set.find(map.toPos(start), map.toPos(end))) {
    const spec = d.spec as SegmentSpec;
    lo = Math.min(lo, spec.start);
    hi = Math.max(hi, spec.end);
  }
  // Every piece of the segments met lies in [lo, hi]; segments merely touching its edges stay.
  const old = set.find(map.toPos(lo), map.toPos(hi), (spec) => {
    const s = spec as SegmentSpec;
    return s.start >= lo && s.end <= hi;
  });
  const inside: HighlightSpan[] = [];
  for (const span of spans.values()) if (span.start < hi && span.end > lo) inside.push(span);
  const fresh = segmentRanges(inside, { start: lo, end: hi }).flatMap((s) => segmentDecorations(map, s, spans));
  return set.remove(old).add(doc, fresh);
}

/// The highlight plugin for one article. `initial` are its annotations as spans.
export function highlightPlugin(map: TextMap, initial: readonly HighlightSpan[]): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init(_, { doc }) {
        const spans = new Map(initial.map((s) => [s.id, s]));
        return { spans, set: buildHighlightSet(doc, map, spans) };
      },
      apply(tr, value) {
        const action = tr.getMeta(highlightKey) as HighlightAction | undefined;
        // The reader never changes its document, but mapping keeps the set right if it ever does.
        let set = value.set.map(tr.mapping, tr.doc);
        if (!action) return set === value.set ? value : { spans: value.spans, set };
        if (action.type === 'reset') {
          const spans = new Map(action.spans.map((s) => [s.id, s]));
          return { spans, set: buildHighlightSet(tr.doc, map, spans) };
        }
        const spans = new Map(value.spans);
        const previous = action.type === 'upsert' ? spans.get(action.span.id) : spans.get(action.id);
        if (action.type === 'upsert') spans.set(action.span.id, action.span);
        else spans.delete(action.id);
        if (previous) set = redrawWindow(set, tr.doc, map, spans, previous.start, previous.end);
        if (action.type === 'upsert') set = redrawWindow(set, tr.doc, map, spans, action.span.start, action.span.end);
        return { spans, set };
      },
    },
    props: {
      decorations(state) {
        return highlightKey.getState(state)?.set;
      },
    },
  });
}

/// Replace every highlight (a new list of annotations, or tag colours changed).
export function resetHighlights(tr: Transaction, spans: readonly HighlightSpan[]): Transaction {
  return tr.setMeta(highlightKey, { type: 'reset', spans } satisfies HighlightAction);
}

/// Add a highlight, or redraw one whose range or colour changed.
export function upsertHighlight(tr: Transaction, span: HighlightSpan): Transaction {
  return tr.setMeta(highlightKey, { type: 'upsert', span } satisfies HighlightAction);
}

/// Take a highlight away.
export function removeHighlight(tr: Transaction, id: number): Transaction {
  return tr.setMeta(highlightKey, { type: 'remove', id } satisfies HighlightAction);
}
