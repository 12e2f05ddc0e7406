// A TextPositionSelector from another tool counts characters of the text as that tool held it,
// which need not be the text as the library stores it. The W3C model counts code points; some
// tools (browser extensions) count UTF-16 units. And a tool on macOS often holds the text
// decomposed (NFD), where `й` or `ä` is two code points, so every position after one is larger
// than in the composed text the library keeps. The quote settles which reading is right: a
// reading is taken only where the text it names is the quote.
import { CodePointIndex, splitsSurrogatePair } from '../../../shared/anchoring/codepoints.js';
import { normalFormMap, normalQuote, type NormalFormMap } from './normal-form-map.js';

/// A W3C target's selectors as the file gives them.
export interface ForeignSelectors {
  start: number;
  end: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
}

/// A position in the stored text (UTF-16 units). `confirmed` when the text there is the quote
/// (or there is no quote to check); otherwise the position is only a hint of where to look.
export interface StoredPosition {
  start: number;
  end: number;
  confirmed: boolean;
}

interface Reading {
  /// The text as the other tool may have held it.
  form: string;
  map: NormalFormMap;
  /// UTF-16 offsets in `form` of the selector's start and end, or null when out of range.
  offsets: (start: number, end: number) => [number, number] | null;
}

const identity: Omit<NormalFormMap, 'text'> = { start: (o) => o, end: (o) => o };

function codePointOffsets(cps: CodePointIndex): Reading['offsets'] {
  return (start, end) => {
    if (start < 0 || end > cps.codePointLength || end <= start) return null;
    return [cps.toUtf16(start), cps.toUtf16(end)];
  };
}

function unitOffsets(form: string): Reading['offsets'] {
  return (start, end) => (start < 0 || end > form.length || end <= start || splitsSurrogatePair(form, start) || splitsSurrogatePair(form, end) ? null : [start, end]);
}

// Readings in the order they are tried: code points before UTF-16 units (the standard first),
// the stored text before its decomposed form unless the quote itself is decomposed. The
// decomposed form is built only when a reading of it is reached.
function* readings(text: string, decomposed: () => DecomposedForm | null, decomposedFirst: boolean, index: (form: string) => CodePointIndex): Generator<Reading> {
  const composed = { form: text, map: { text, ...identity } };
  const forms = (): { form: string; map: NormalFormMap }[] => {
    const d = decomposed();
    if (!d) return [composed];
    const other = { form: d.source, map: d };
    return decomposedFirst ? [other, composed] : [composed, other];
  };
  if (!decomposedFirst) yield { ...composed, offsets: codePointOffsets(index(text)) };
  const all = forms();
  for (const f of all) if (decomposedFirst || f !== composed) yield { ...f, offsets: codePointOffsets(index(f.form)) };
  // UTF-16 units differ from code points only in a text with surrogate pairs.
  for (const f of all) if (index(f.form).codePointLength !== f.form.length) yield { ...f, offsets: unitOffsets(f.form) };
}

type DecomposedForm = NormalFormMap & { source: string };

/// Reads positions of one import's annotations; the decomposed form of each article and the
/// code point index of each form are built once, however many annotations it has.
export class PositionReader {
  private readonly decomposed = new Map<string, DecomposedForm | null>();
  private readonly indexes = new Map<string, CodePointIndex>();

  private index(form: string): CodePointIndex {
    let cps = this.indexes.get(form);
    if (!cps) this.indexes.set(form, (cps = new CodePointIndex(form)));
    return cps;
  }

  private decomposedForm(text: string): DecomposedForm | null {
    let d = this.decomposed.get(text);
    if (d === undefined) {
      const nfd = text.normalize('NFD');
      const map = nfd === text ? null : normalFormMap(nfd);
      d = map && map.text === text ? { ...map, source: nfd } : null;
      this.decomposed.set(text, d);
    }
    return d;
  }

  /// Where the selectors' position lies in `text` (the article as stored), or null when no
  /// reading of it falls inside the text. Among readings whose text is the quote, the one whose
  /// prefix and suffix also agree wins, so a quote that occurs twice is placed where the
  /// position says, not at its other occurrence.
  storedPosition(text: string, sel: ForeignSelectors): StoredPosition | null {
    const decomposedQuote = [sel.exact, sel.prefix, sel.suffix].some((s) => s !== undefined && s !== s.normalize('NFC'));
    const exact = sel.exact === undefined ? undefined : normalQuote(sel.exact);
    const context = Number(sel.prefix !== undefined) + Number(sel.suffix !== undefined);
    let hint: StoredPosition | null = null;
    let best: { position: StoredPosition; score: number } | null = null;
    for (const r of readings(text, () => this.decomposedForm(text), decomposedQuote, (f) => this.index(f))) {
      const at = r.offsets(sel.start, sel.end);
      if (!at) continue;
      const [s, e] = at;
      const position = { start: r.map.start(s), end: r.map.end(e), confirmed: true };
      if (exact === undefined) return position;
      hint ??= { ...position, confirmed: false };
      if (normalQuote(r.form.slice(s, e)) !== exact) continue;
      const prefixAgrees = sel.prefix !== undefined && normalQuote(r.form.slice(Math.max(0, s - sel.prefix.length), s)) === normalQuote(sel.prefix);
      const suffixAgrees = sel.suffix !== undefined && normalQuote(r.form.slice(e, e + sel.suffix.length)) === normalQuote(sel.suffix);
      const score = Number(prefixAgrees) + Number(suffixAgrees);
      if (score === context) return position;
      if (!best || score > best.score) best = { position, score };
    }
    return best?.position ?? hint;
  }
}
