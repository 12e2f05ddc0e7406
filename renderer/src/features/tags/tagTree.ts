// The codebook arrives flat (each tag names its parent); the Tags view shows it as a tree that
// is navigated with the keyboard the way the WAI-ARIA tree pattern describes. The shape and the
// key handling are plain functions over ids, so they are tested without a DOM.
import type { Tag } from '../../../../shared/model.js';

/// A tag with its children, at a depth from 1 (the roots).
export interface TagNode {
  tag: Tag;
  depth: number;
  children: TagNode[];
}

/// Roots and children sorted by name (locale-aware, so Cyrillic and Latin sort sensibly).
/// A tag whose parent is missing is shown as a root rather than lost.
export function buildTagTree(tags: readonly Tag[]): TagNode[] {
  const byParent = new Map<number | null, Tag[]>();
  const ids = new Set(tags.map((t) => t.id));
  for (const t of tags) {
    const parent = t.parentId !== null && ids.has(t.parentId) && t.parentId !== t.id ? t.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(t);
    byParent.set(parent, list);
  }
  const seen = new Set<number>();
  const grow = (parent: number | null, depth: number): TagNode[] =>
    (byParent.get(parent) ?? [])
      .filter((t) => !seen.has(t.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((tag) => {
        seen.add(tag.id);
        return { tag, depth, children: grow(tag.id, depth + 1) };
      });
  return grow(null, 1);
}

/// The rows on screen: nodes in order, skipping the children of collapsed ones.
export function visibleNodes(roots: readonly TagNode[], expanded: ReadonlySet<number>): TagNode[] {
  const out: TagNode[] = [];
  const walk = (nodes: readonly TagNode[]) => {
    for (const n of nodes) {
      out.push(n);
      if (n.children.length && expanded.has(n.tag.id)) walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/// A tag and everything below it: a tag cannot be moved under any of these.
export function subtreeIds(tags: readonly Tag[], rootId: number): Set<number> {
  const out = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags) {
      if (t.parentId !== null && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}

/// Total annotations under a tag, its own and its descendants'.
export function subtreeCount(node: TagNode): number {
  return node.tag.count + node.children.reduce((sum, c) => sum + subtreeCount(c), 0);
}

/// What a key press does in the tree: move focus, expand, collapse, or nothing.
export interface TreeMove {
  focus: number;
  expand?: number;
  collapse?: number;
}

/// Arrow keys, Home and End, following the WAI-ARIA tree view pattern.
export function treeKey(key: string, nodes: readonly TagNode[], expanded: ReadonlySet<number>, focused: number | null): TreeMove | null {
  if (nodes.length === 0) return null;
  const i = Math.max(0, nodes.findIndex((n) => n.tag.id === focused));
  const node = nodes[i];
  switch (key) {
    case 'ArrowDown':
      return { focus: nodes[Math.min(nodes.length - 1, i + 1)].tag.id };
    case 'ArrowUp':
      return { focus: nodes[Math.max(0, i - 1)].tag.id };
    case 'Home':
      return { focus: nodes[0].tag.id };
    case 'End':
      return { focus: nodes[nodes.length - 1].tag.id };
    case 'ArrowRight':
      if (!node.children.length) return { focus: node.tag.id };
      if (!expanded.has(node.tag.id)) return { focus: node.tag.id, expand: node.tag.id };
      return { focus: node.children[0].tag.id };
    case 'ArrowLeft': {
      if (node.children.length && expanded.has(node.tag.id)) return { focus: node.tag.id, collapse: node.tag.id };
      const parent = node.tag.parentId;
      return { focus: parent !== null && nodes.some((n) => n.tag.id === parent) ? parent : node.tag.id };
    }
    default:
      return null;
  }
}
