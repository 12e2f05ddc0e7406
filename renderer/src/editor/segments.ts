// Overlapping highlights become a flat list of segments: maximal runs of text covered by the same
// set of annotations. Each segment is drawn as one inline decoration that knows every annotation
// under it, so overlaps need no nesting and a click anywhere can tell which annotations it hit.

/// An annotation's extent in the article text (UTF-16 offsets, end exclusive).
export interface HighlightRange {
  id: number;
  start: number;
  end: number;
}

/// A run of text covered by the same annotations; `ids` lists them most specific first (the
/// shortest annotation, then the lower id), so `ids[0]` is the one whose colour is drawn and
/// the one a click selects.
export interface Segment {
  start: number;
  end: number;
  ids: number[];
}

/// Specificity order: shorter annotations sit "inside" longer ones, so they come first.
function moreSpecific(a: HighlightRange, b: HighlightRange): number {
  return a.end - a.start - (b.end - b.start) || a.id - b.id;
}

/// Split `ranges` into segments in text order. With `clip`, only the part inside [clip.start,
/// clip.end] is computed (for redrawing around one changed annotation); clipping never changes
/// which ids a segment carries or their order, only where the first and last segments are cut.
/// Empty ranges and repeated ids are ignored.
export function segmentRanges(ranges: readonly HighlightRange[], clip?: { start: number; end: number }): Segment[] {
  const lo = clip?.start ?? -Infinity;
  const hi = clip?.end ?? Infinity;
  const seen = new Set<number>();
  const live: { range: HighlightRange; start: number; end: number }[] = [];
  for (const range of ranges) {
    if (seen.has(range.id)) continue;
    seen.add(range.id);
    const start = Math.max(range.start, lo);
    const end = Math.min(range.end, hi);
    if (end > start && range.end > range.start) live.push({ range, start, end });
  }
  if (live.length === 0) return [];
  live.sort((a, b) => a.start - b.start);

  // Every start and end, sorted and distinct (a typed array sorts numbers without a comparator).
  const all = new Float64Array(live.length * 2);
  live.forEach((r, i) => {
    all[2 * i] = r.start;
    all[2 * i + 1] = r.end;
  });
  all.sort();
  const points: number[] = [];
  for (const p of all) if (points.length === 0 || points[points.length - 1] !== p) points.push(p);
  const segments: Segment[] = [];
  let active: (typeof live)[number][] = [];
  let next = 0;
  for (let k = 0; k < points.length - 1; k++) {
    const at = points[k]!;
    let changed = false;
    if (active.some((r) => r.end <= at)) {
      active = active.filter((r) => r.end > at);
      changed = true;
    }
    while (next < live.length && live[next]!.start === at) {
      active.push(live[next++]!);
      changed = true;
    }
    if (changed) active.sort((a, b) => moreSpecific(a.range, b.range));
    if (active.length > 0) segments.push({ start: at, end: points[k + 1]!, ids: active.map((r) => r.range.id) });
  }
  return segments;
}
