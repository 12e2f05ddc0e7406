import type { Library } from '../db/open.js';

/// Colours a new tag gets when none is given: soft enough to sit under text as a highlight,
/// far enough apart in hue to tell twelve tags apart at a glance, ordered so that neighbours
/// in the list differ most.
export const TAG_PALETTE = [
  '#f2c14e', // amber
  '#6fa8dc', // blue
  '#93c47d', // green
  '#e88c7d', // coral
  '#b4a7d6', // lavender
  '#4fbfb5', // teal
  '#f6a35b', // orange
  '#d58fb8', // pink
  '#b5c95a', // lime
  '#8e9fe0', // periwinkle
  '#c9a66b', // sand
  '#7cc6e8', // sky
] as const;

/// The palette colour fewest tags use yet (the first of those on a tie), so a fresh codebook
/// gets every colour once before any repeats.
export function nextTagColor(lib: Library): string {
  const used = new Map<string, number>();
  for (const row of lib.stmt('SELECT lower(color) AS color, COUNT(*) AS n FROM tags GROUP BY lower(color)').all() as { color: string; n: number }[]) {
    used.set(row.color, row.n);
  }
  let best: string = TAG_PALETTE[0];
  let fewest = Infinity;
  for (const color of TAG_PALETTE) {
    const n = used.get(color) ?? 0;
    if (n < fewest) {
      fewest = n;
      best = color;
    }
  }
  return best;
}
