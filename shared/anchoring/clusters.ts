// Grapheme cluster boundaries (Unicode UAX #29, as Intl.Segmenter finds them) near one offset of
// a long text: where a piece of context may be cut without leaving half a user-perceived
// character on either side (a letter without its stress mark, half an emoji family or flag, a
// Devanagari consonant without its vowel sign, half a surrogate pair).
//
// Segmenting a whole article to place two cuts would cost about a millisecond per annotation,
// so only a short stretch before the cut is segmented. A stretch cannot simply start a fixed
// distance back: some clusters are decided by what comes long before (a flag is the second of a
// pair of regional indicators counted from the start of their run; an emoji joined by a ZWJ
// looks back past any number of modifiers), so a stretch starting inside such a run would pair
// them up differently. The stretch therefore starts where a cluster begins whatever precedes
// it: at a space, a punctuation mark, a digit or a Latin, Cyrillic or Greek letter, none of
// which any rule joins to what comes before, unless the character just before them is one
// that joins to what follows (a prepended mark, or the CR of a CR LF), which the segmenter is
// asked about directly.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/// Characters no rule of UAX #29 attaches to the cluster before them…
const STARTER = /[\p{White_Space}\p{P}\p{Nd}\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
/// …except these, which the classes above also hold (combining marks of those scripts, and
/// pictographic punctuation such as ‼, which a ZWJ may join to an emoji before it).
const JOINS_BACK = /[\p{M}\p{Extended_Pictographic}]/u;

const isStarter = (unit: string) => STARTER.test(unit) && !JOINS_BACK.test(unit);

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/// True when a cluster certainly begins at `p` (0 < p < text.length), whatever comes before it.
function beginsClusterSurely(text: string, p: number): boolean {
  const unit = text[p];
  if (!isStarter(unit)) return false;
  const before = text[p - 1];
  if (isStarter(before)) return !(before === '\r' && unit === '\n');
  // The character before may be one that joins the next one to itself (a prepended mark):
  // segment the two alone, which is all those rules look at.
  const prevStart = p >= 2 && isLowSurrogate(text.charCodeAt(p - 1)) && isHighSurrogate(text.charCodeAt(p - 2)) ? p - 2 : p - 1;
  const pair = text.slice(prevStart, p + 1);
  return graphemes.segment(pair).containing(p - prevStart)!.index === p - prevStart;
}

/// The nearest offset at or before `i` where a cluster certainly begins (0 at worst).
function sureStartBefore(text: string, i: number): number {
  for (let p = i; p > 0; p--) if (beginsClusterSurely(text, p)) return p;
  return 0;
}

/// The grapheme cluster of `text` that holds UTF-16 offset `i` (0 <= i < text.length).
function clusterAt(text: string, i: number): { start: number; end: number } {
  const from = sureStartBefore(text, i);
  // Ending the stretch early cannot change a boundary before its end (each rule looks only at
  // what precedes a boundary and the one character after it), but its end may fall inside the
  // cluster: then take a longer stretch.
  for (let ahead = 32; ; ahead *= 4) {
    let to = Math.min(text.length, i + ahead);
    // Not between the halves of a surrogate pair, which would leave a half character at the end.
    if (to < text.length && isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1))) to++;
    const s = graphemes.segment(text.slice(from, to)).containing(i - from)!;
    const start = from + s.index;
    const end = start + s.segment.length;
    if (end < to || to === text.length) return { start, end };
  }
}

/// Whether a grapheme cluster of `text` begins at UTF-16 offset `i` (the ends of the text count).
export function isClusterBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || clusterAt(text, i).start === i;
}

/// The first grapheme cluster boundary of `text` at or after `i`.
export function clusterBoundaryAtOrAfter(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return Math.max(0, Math.min(i, text.length));
  const c = clusterAt(text, i);
  return c.start === i ? i : c.end;
}

/// The last grapheme cluster boundary of `text` at or before `i`.
export function clusterBoundaryAtOrBefore(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return Math.max(0, Math.min(i, text.length));
  return clusterAt(text, i).start;
}
