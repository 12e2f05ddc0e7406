// Type-ahead over the codebook: which tags a few typed letters mean. Names are compared folded
// (case, and the same script folding search uses, so `ozbek` finds `Ўзбек`), whole paths too,
// so `econ/tra` finds `Economy / Trade`. Punctuation is compared as typed: `C++` is neither `C#`
// nor the start of `Cities`.
import type { Tag } from '../../../../shared/model.js';
import { tokenize } from '../../../../shared/text/index.js';

/// A string folded for comparison: its words' folded keys, and between them the punctuation as
/// typed without the spaces around it, or one space where there is no punctuation. A slash, which
/// separates the levels of a path, counts as a space.
export function foldForMatch(s: string): string {
  let out = '';
  let at = 0;
  const between = (gap: string, inside: boolean) => {
    const marks = gap.replace(/[\s/]+/g, '').toLowerCase();
    return marks || (inside && gap ? ' ' : '');
  };
  for (const word of tokenize(s)) {
    out += between(s.slice(at, word.start), out !== '') + word.key;
    at = word.end;
  }
  return out + between(s.slice(at), false);
}

/// How well a folded query matches a tag: 0 it is the tag's whole path (a top-level tag's name),
/// 1 its name starts with it, 2 a word of its path does, 3 its path contains it; -1 not at all.
function rankOf(tag: Pick<Tag, 'name' | 'path'>, q: string): number {
  const name = foldForMatch(tag.name);
  const path = foldForMatch(tag.path.join(' '));
  if (path === q) return 0;
  if (name.startsWith(q)) return 1;
  if (` ${path}`.includes(` ${q}`)) return 2;
  if (path.includes(q)) return 3;
  return -1;
}

/// How a tag is shown: its path from the root, joined by ` / `.
export function tagLabel(tag: Pick<Tag, 'name' | 'path'>): string {
  return tag.path.length > 0 ? tag.path.join(' / ') : tag.name;
}

/// Tags matching `query`, best first: the tag whose whole path it is, then those whose name
/// starts with it, then a word of the name or path does, then the folded text contains it anywhere; within a rank, the more used first, then by label.
/// `exclude` drops tags already chosen. An empty query lists the most used tags.
export function matchTags(tags: readonly Tag[], query: string, exclude: ReadonlySet<number> = new Set(), limit = 8): Tag[] {
  const q = foldForMatch(query);
  const ranked: { tag: Tag; rank: number }[] = [];
  for (const tag of tags) {
    if (exclude.has(tag.id)) continue;
    if (!q) {
      ranked.push({ tag, rank: 0 });
      continue;
    }
    const rank = rankOf(tag, q);
    if (rank >= 0) ranked.push({ tag, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || b.tag.count - a.tag.count || tagLabel(a.tag).localeCompare(tagLabel(b.tag)));
  return ranked.slice(0, limit).map((r) => r.tag);
}

/// Whether `query` is how the tag's name, or a word of its path, begins: what Enter may take for
/// the typed text. A tag that merely contains it (`ity` in `Security`) is only a suggestion.
export function startsTag(tag: Pick<Tag, 'name' | 'path'>, query: string): boolean {
  const q = foldForMatch(query);
  if (!q) return false;
  const rank = rankOf(tag, q);
  return rank >= 0 && rank <= 2;
}

/// The tag `query` names exactly (folded), if any: typing a known name never makes a twin. A
/// whole path wins over a name, so `Tax` is the top-level Tax, not Economy / Tax; among tags that
/// share the name under different parents, the most used, then the first by path.
export function exactTag(tags: readonly Tag[], query: string): Tag | undefined {
  const q = foldForMatch(query);
  if (!q) return undefined;
  const byPath = tags.find((t) => foldForMatch(t.path.join(' ')) === q);
  if (byPath) return byPath;
  const named = tags.filter((t) => foldForMatch(t.name) === q);
  return named.sort((a, b) => b.count - a.count || tagLabel(a).localeCompare(tagLabel(b)))[0];
}

/// The tags the number keys 1–9 apply: the most recently used first, then the most used.
export function numberKeyTags(tags: readonly Tag[], recent: readonly number[], byId: ReadonlyMap<number, Tag>): Tag[] {
  const out: Tag[] = [];
  for (const id of recent) {
    const t = byId.get(id);
    if (t && out.length < 9) out.push(t);
  }
  const rest = [...tags].filter((t) => !out.includes(t)).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  for (const t of rest) {
    if (out.length >= 9) break;
    out.push(t);
  }
  return out;
}
