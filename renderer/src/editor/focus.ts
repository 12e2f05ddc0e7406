// The annotation the reader is pointing at: the one whose details are open ("active", outlined)
// and the one just scrolled to ("flash", a short pulse). Separate from the highlight decorations so
// moving the focus redraws two small ranges, never the highlights.
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { TextMap } from './textmap.js';

/// Outline on the annotation whose details are shown.
export const ACTIVE_CLASS = 'qalam-hl-active';
/// Pulse on the annotation just scrolled to.
export const FLASH_CLASS = 'qalam-hl-flash';

/// A range of the text, in offsets.
export interface FocusRange {
  id: number;
  start: number;
  end: number;
}

interface FocusState {
  active: FocusRange | null;
  flash: FocusRange | null;
  set: DecorationSet;
}

/// Reads the focus plugin's state.
export const focusKey = new PluginKey<FocusState>('qalam-focus');

export function focusPlugin(map: TextMap): Plugin<FocusState> {
  return new Plugin<FocusState>({
    key: focusKey,
    state: {
      init: () => ({ active: null, flash: null, set: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(focusKey) as Partial<Pick<FocusState, 'active' | 'flash'>> | undefined;
        if (!meta) return value.set === DecorationSet.empty ? value : { ...value, set: value.set.map(tr.mapping, tr.doc) };
        const next = { active: value.active, flash: value.flash, ...meta };
        const decorations: Decoration[] = [];
        const add = (r: FocusRange | null, cls: string) => {
          if (r && r.end > r.start && r.end <= map.length) {
            decorations.push(Decoration.inline(map.toPos(r.start), map.toPos(r.end), { class: cls, 'data-focus-id': String(r.id) }));
          }
        };
        add(next.active, ACTIVE_CLASS);
        add(next.flash, FLASH_CLASS);
        return { ...next, set: DecorationSet.create(state.doc, decorations) };
      },
    },
    props: {
      decorations: (state) => focusKey.getState(state)?.set,
    },
  });
}

/// Show (or with null, clear) the annotation whose details are open.
export function setActive(tr: Transaction, range: FocusRange | null): Transaction {
  return tr.setMeta(focusKey, { active: range });
}

/// Pulse an annotation (or with null, stop).
export function setFlash(tr: Transaction, range: FocusRange | null): Transaction {
  return tr.setMeta(focusKey, { flash: range });
}
