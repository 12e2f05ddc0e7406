// Offsets from another tool count characters of the text as that tool kept it; the library keeps
// the same text in its one normal form (NFC, `\n` line ends, no spaces at line ends, no blank
// edges; see articles/normalize.ts). A decomposed letter (`й` as `и` + U+0306, as macOS tools
// often write it) is two code points there and one here, so every offset after it shifts. This
// module maps offsets of the original text onto the stored text instead of trusting them as
// they are.
import { normalizeText } from '../articles/normalize.js';

/// Offsets of an original text mapped onto its stored form, both in UTF-16 units.
export interface NormalFormMap {
  /// The original text in the library's normal form.
  readonly text: string;
  /// Where a passage that starts at `offset` of the original starts in the stored text. An
  /// offset inside a character that normalisation merged (between a letter and its accent)
  /// moves back to the start of that character, so the passage keeps it whole.
  start(offset: number): number;
  /// Where a passage that ends at `offset` of the original ends in the stored text; an offset
  /// inside a merged character moves forward to its end.
  end(offset: number): number;
}

const MARK = /^\p{M}/u;
const LINE_END = /\r\n?|\u2028|\u2029/g;

/// A quote or its context from another tool in the form the stored text has: composed, with
/// `\n` line ends and no spaces before them. (Edges are left alone: a fragment's edge is not a
/// line end.)
export function normalQuote(s: string): string {
  return s.normalize('NFC').replace(LINE_END, '\n').replace(/[ \t]+\n/g, '\n');
}

/// Map the offsets of `original` onto normalizeText(original). Returns null in the unlikely case
/// that the stepwise mapping does not reproduce the stored form exactly (the caller then finds
/// passages by their quote alone).
export function normalFormMap(original: string): NormalFormMap | null {
  const stored = normalizeText(original);
  if (stored === original) return { text: stored, start: (o) => o, end: (o) => o };
  const composed = composeWithOffsets(original);
  const kept = keptBefore(composed.text);
  if (!keepsTo(composed.text, kept, stored)) return null;
  return {
    text: stored,
    start: (o) => kept[composed.start(o)],
    end: (o) => kept[composed.end(o)],
  };
}

// A stretch of the original and what it became: copied as it was (offsets inside map one to
// one), or changed as a block (offsets inside move to its edges).
interface Piece {
  raw: number;
  out: number;
  copy: boolean;
}

// Step one: NFC and line ends. The original is cut before each character below U+0080 (other
// than the `\n` of a `\r\n`): nothing composes with what comes before such a character, so
// each chunk normalises on its own. Most chunks (words) are already normal and are copied; the
// others are cut again into segments (a character with the marks that follow it), merging
// segments that compose with their neighbour (Hangul jamo), and each segment is a block.
function composeWithOffsets(original: string): NormalFormMap {
  const pieces: Piece[] = [];
  const outs: string[] = [];
  let out = 0;
  const push = (raw: number, text: string, copy: boolean) => {
    const last = pieces.at(-1);
    if (!(copy && last?.copy)) pieces.push({ raw, out, copy });
    outs.push(text);
    out += text.length;
  };
  let i = 0;
  while (i < original.length) {
    const chunkStart = i;
    i++;
    while (i < original.length && !(original.charCodeAt(i) < 0x80 && !(original.charCodeAt(i) === 0x0a && original.charCodeAt(i - 1) === 0x0d))) i++;
    const chunk = original.slice(chunkStart, i);
    const normal = normalPiece(chunk);
    if (normal === chunk) push(chunkStart, chunk, true);
    else for (const seg of segments(chunk)) push(chunkStart + seg.raw, seg.text, false);
  }
  pieces.push({ raw: original.length, out, copy: false });
  // The index of the piece holding `o`: the last whose start is at or before it.
  const pieceAt = (o: number): number => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (pieces[mid].raw <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    text: outs.join(''),
    start: (o) => {
      const p = pieces[pieceAt(o)];
      return p.copy ? p.out + (o - p.raw) : p.out;
    },
    end: (o) => {
      const k = pieceAt(o);
      const p = pieces[k];
      return p.copy || p.raw === o ? p.out + (o - p.raw) : pieces[k + 1].out;
    },
  };
}

// The segments of a chunk that normalisation changes, with their offsets in the chunk.
function segments(chunk: string): { raw: number; text: string }[] {
  const segs: { raw: number; text: string }[] = [];
  let i = 0;
  while (i < chunk.length) {
    const start = i;
    i += unitLength(chunk, i);
    while (i < chunk.length && MARK.test(chunk.slice(i, i + 2))) i += unitLength(chunk, i);
    const text = normalPiece(chunk.slice(start, i));
    const last = segs.at(-1);
    if (last) {
      const joined = normalPiece(chunk.slice(last.raw, i));
      if (joined !== last.text + text) {
        last.text = joined;
        continue;
      }
    }
    segs.push({ raw: start, text });
  }
  return segs;
}

const normalPiece = (s: string) => s.normalize('NFC').replace(LINE_END, '\n');

// A line end of two units counts as one unit of text, and so does a surrogate pair.
function unitLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x0d && s.charCodeAt(i + 1) === 0x0a) return 2;
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

// Step two only removes characters: spaces and tabs at line ends, then blank lines at either
// edge. For each offset of the composed text, how many characters before it are kept.
function keptBefore(text: string): Int32Array {
  const drop = new Uint8Array(text.length);
  for (const m of text.matchAll(/[ \t]+(?=\n|$)/g)) drop.fill(1, m.index, m.index + m[0].length);
  for (let i = 0; i < text.length && (drop[i] || text[i] === '\n'); i++) drop[i] = 1;
  for (let i = text.length - 1; i >= 0 && (drop[i] || text[i] === '\n'); i--) drop[i] = 1;
  const kept = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) kept[i + 1] = kept[i] + (drop[i] ? 0 : 1);
  return kept;
}

// Whether keeping the counted characters of `text` gives exactly `stored`.
function keepsTo(text: string, kept: Int32Array, stored: string): boolean {
  if (kept[text.length] !== stored.length) return false;
  for (let i = 0; i < text.length; i++) if (kept[i + 1] > kept[i] && text.charCodeAt(i) !== stored.charCodeAt(kept[i])) return false;
  return true;
}
