// Approximate string matching: where does `pattern` occur in `text` with at most k edits
// (insertions, deletions, substitutions of UTF-16 units)?
//
// The algorithm is Myers' bit-vector method ("A fast bit-vector algorithm for approximate
// string matching based on dynamic programming", J. ACM 1999), in its blocked form for
// patterns longer than a machine word. It computes the same table as the textbook
// dynamic programme (Sellers 1980), one column per text character, but packs a column of
// vertical differences into 32-bit words, so a column costs ceil(m/32) word steps instead of m.
//
// Trade-offs, and why this one:
// - The plain dynamic programme is O(m·n): for a 300-character quote in a 100 KB article that is
//   30 million cells, tens of milliseconds per quote; this is about 32 times less.
// - Ukkonen's cut-off (computing only the rows that can still be within k) would make it
//   O(k·n/32) on average; it adds bookkeeping, and quotes here are short enough not to need it.
// - Diff-based matching (diff-match-patch's match_bitap is Wu–Manber's Bitap) is limited to
//   patterns of 32 units; quotes are routinely longer.
// - We report end positions, then find each match's start with a second, anchored run over the
//   reversed text and pattern, which gives the true edit distance of the chosen span.

/// A span of the text that matches the pattern with `errors` edits.
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

const WORD = 32;

interface PatternBits {
  length: number;
  blocks: number;
  /// For each UTF-16 unit of the pattern, the bit mask of the positions where it occurs.
  peq: Map<number, Uint32Array>;
  /// The bit of the last pattern position inside the last block.
  lastBit: number;
}

function patternBits(pattern: string): PatternBits {
  const blocks = Math.ceil(pattern.length / WORD);
  const peq = new Map<number, Uint32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    let bits = peq.get(c);
    if (!bits) peq.set(c, (bits = new Uint32Array(blocks)));
    bits[i >>> 5] |= 1 << (i & 31);
  }
  const lastBits = pattern.length - WORD * (blocks - 1);
  return { length: pattern.length, blocks, peq, lastBit: (1 << (lastBits - 1)) >>> 0 };
}

/// Runs the bit-vector programme over text[from, to), calling `visit(endExclusive, distance)`
/// for every column. `anchored` false: the match may start anywhere (search); true: it must
/// start at `from` (edit distance of the pattern to each prefix of the window).
function scan(
  bits: PatternBits,
  text: string,
  from: number,
  to: number,
  anchored: boolean,
  visit: (end: number, distance: number) => void,
): void {
  const { blocks, peq, lastBit } = bits;
  const P = new Uint32Array(blocks).fill(0xffffffff);
  const M = new Uint32Array(blocks);
  const none = new Uint32Array(blocks);
  let score = bits.length;
  for (let j = from; j < to; j++) {
    const eqs = peq.get(text.charCodeAt(j)) ?? none;
    // The top row of the table: 0 everywhere when searching, j - from when anchored.
    let hin = anchored ? 1 : 0;
    for (let b = 0; b < blocks; b++) {
      const high = b === blocks - 1 ? lastBit : 0x80000000;
      let eq = eqs[b];
      const pv = P[b];
      const mv = M[b];
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      // Unsigned addition: the carry out of bit 31 is meant to be lost.
      const xh = ((((eq & pv) >>> 0) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const hout = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      hin = hout;
    }
    score += hin;
    visit(j + 1, score);
  }
}

/// Ends of the best matches of `pattern` in text[from, to) with at most `maxErrors` edits: of
/// each run of neighbouring ends within the bound, the one with fewest errors.
function matchEnds(bits: PatternBits, text: string, maxErrors: number, from: number, to: number): { end: number; errors: number }[] {
  const ends: { end: number; errors: number }[] = [];
  let run: { end: number; errors: number } | null = null;
  let lastEnd = -2;
  scan(bits, text, from, to, false, (end, distance) => {
    if (distance > maxErrors) return;
    if (run && end === lastEnd + 1) {
      if (distance < run.errors) run = { end, errors: distance };
    } else {
      if (run) ends.push(run);
      run = { end, errors: distance };
    }
    lastEnd = end;
  });
  if (run) ends.push(run);
  return ends;
}

/// Where the match ending at `end` with at most `errors` edits starts: the start giving the
/// fewest edits, and of those the one making the span closest to the pattern's length.
function matchStart(reversedBits: PatternBits, text: string, end: number, errors: number, length: number): { start: number; errors: number } {
  const from = Math.max(0, end - length - errors);
  const window = reverse(text.slice(from, end));
  let best = { start: end, errors: Infinity, gap: Infinity };
  scan(reversedBits, window, 0, window.length, true, (span, distance) => {
    const gap = Math.abs(span - length);
    if (distance < best.errors || (distance === best.errors && gap < best.gap)) {
      best = { start: end - span, errors: distance, gap };
    }
  });
  return { start: best.start, errors: best.errors };
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/// Every match of `pattern` in text[from, to) with at most `maxErrors` edits, in text order.
/// The cost is O((to − from) · ⌈m/32⌉) for a pattern of m units, plus a little per match.
export function searchApprox(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): ApproxMatch[] {
  if (pattern.length === 0) return [];
  const k = Math.max(0, Math.floor(maxErrors));
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi <= lo) return [];
  const ends = matchEnds(patternBits(pattern), text, k, lo, hi);
  if (ends.length === 0) return [];
  const reversed = patternBits(reverse(pattern));
  return ends.map(({ end, errors }) => {
    const { start, errors: exactErrors } = matchStart(reversed, text, end, errors, pattern.length);
    return { start: Math.max(start, lo), end, errors: Math.min(errors, exactErrors) };
  });
}

/// Edit distance (Levenshtein, on UTF-16 units) between two strings, by the same programme.
export function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let last = a.length;
  scan(patternBits(a), b, 0, b.length, true, (_end, distance) => {
    last = distance;
  });
  return last;
}
