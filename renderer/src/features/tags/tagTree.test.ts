import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../../shared/model.js';
import { buildTagTree, subtreeCount, subtreeIds, treeKey, visibleNodes } from './tagTree.js';

function tag(id: number, name: string, parentId: number | null, count = 0): Tag {
  return { id, uid: `t${id}`, name, parentId, path: [name], color: '#888888', description: '', count };
}

// A small codebook as a researcher of Central Asian press might keep it.
const tags: Tag[] = [
  tag(1, 'Сиёсат', null, 4),
  tag(2, 'Elections', 1, 2),
  tag(3, 'Parliament', 1, 1),
  tag(4, 'Economy', null, 3),
  tag(5, 'Cotton', 4, 5),
  tag(6, 'Harvest', 5, 1),
  tag(7, 'Orphan', 99, 0),
];

describe('tag tree', () => {
  it('nests children under parents, sorted, with orphans as roots', () => {
    const roots = buildTagTree(tags);
    expect(roots.map((n) => n.tag.name)).toEqual(['Economy', 'Orphan', 'Сиёсат']);
    const economy = roots[0];
    expect(economy.children.map((n) => n.tag.name)).toEqual(['Cotton']);
    expect(economy.children[0].children[0].tag.name).toBe('Harvest');
    expect(economy.children[0].children[0].depth).toBe(3);
    expect(subtreeCount(economy)).toBe(9);
  });

  it('survives a cycle in the data without looping', () => {
    const cyclic = [tag(1, 'A', 2), tag(2, 'B', 1), tag(3, 'C', null)];
    const ids = visibleNodes(buildTagTree(cyclic), new Set([1, 2, 3])).map((n) => n.tag.id);
    expect(ids).toEqual([3]);
  });

  it('shows children of expanded nodes only', () => {
    const roots = buildTagTree(tags);
    expect(visibleNodes(roots, new Set()).map((n) => n.tag.id)).toEqual([4, 7, 1]);
    expect(visibleNodes(roots, new Set([4, 5])).map((n) => n.tag.id)).toEqual([4, 5, 6, 7, 1]);
    expect(visibleNodes(roots, new Set([5])).map((n) => n.tag.id)).toEqual([4, 7, 1]);
  });

  it('finds the subtree a tag cannot be moved into', () => {
    expect([...subtreeIds(tags, 4)].sort()).toEqual([4, 5, 6]);
    expect([...subtreeIds(tags, 2)]).toEqual([2]);
  });

  it('moves focus with the keys of the tree pattern', () => {
    const roots = buildTagTree(tags);
    const expanded = new Set<number>();
    let nodes = visibleNodes(roots, expanded);
    expect(treeKey('ArrowDown', nodes, expanded, 4)).toEqual({ focus: 7 });
    expect(treeKey('ArrowUp', nodes, expanded, 4)).toEqual({ focus: 4 });
    expect(treeKey('End', nodes, expanded, 4)).toEqual({ focus: 1 });
    expect(treeKey('Home', nodes, expanded, 1)).toEqual({ focus: 4 });
    expect(treeKey('ArrowRight', nodes, expanded, 4)).toEqual({ focus: 4, expand: 4 });
    expanded.add(4);
    nodes = visibleNodes(roots, expanded);
    expect(treeKey('ArrowRight', nodes, expanded, 4)).toEqual({ focus: 5 });
    expect(treeKey('ArrowLeft', nodes, expanded, 5)).toEqual({ focus: 4 });
    expect(treeKey('ArrowLeft', nodes, expanded, 4)).toEqual({ focus: 4, collapse: 4 });
    expect(treeKey('ArrowRight', nodes, expanded, 7)).toEqual({ focus: 7 });
    expect(treeKey('x', nodes, expanded, 7)).toBeNull();
    expect(treeKey('ArrowDown', [], expanded, null)).toBeNull();
  });
});
