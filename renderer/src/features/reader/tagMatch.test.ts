import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../../shared/model.js';
import { exactTag, matchTags, numberKeyTags, tagLabel } from './tagMatch.js';

function tag(id: number, path: string[], count = 0): Tag {
  return { id, uid: `t${id}`, name: path.at(-1)!, parentId: null, path, color: '#888888', description: '', count };
}

const codebook = [
  tag(1, ['Economy'], 5),
  tag(2, ['Economy', 'Trade'], 12),
  tag(3, ['Security'], 30),
  tag(4, ['Security', 'Military exercises'], 3),
  tag(5, ['Ўзбекистон'], 1),
  tag(6, ['Ecology'], 40),
];

const ids = (tags: Tag[]) => tags.map((t) => t.id);

describe('tag type-ahead', () => {
  it('ranks names that start with the query first, then words of the path, then anything containing it', () => {
    expect(ids(matchTags(codebook, 'ec'))).toEqual([6, 1, 2, 3, 4]); // Ecology, Economy (by use), Economy / Trade, then secur-ity…
    expect(ids(matchTags(codebook, 'eco'))).toEqual([6, 1, 2]); // Trade's path starts with Economy
    expect(ids(matchTags(codebook, 'mil'))).toEqual([4]);
    expect(ids(matchTags(codebook, 'economy/tra'))).toEqual([2]);
  });

  it('folds case and script: a Latin query finds a Cyrillic tag', () => {
    expect(ids(matchTags(codebook, "O'ZBEK"))).toEqual([5]); // typed with a plain apostrophe
    expect(ids(matchTags(codebook, 'ўзб'))).toEqual([5]);
  });

  it('leaves out chosen tags, lists the most used for an empty query, and finds exact names', () => {
    expect(ids(matchTags(codebook, '', new Set([6]), 3))).toEqual([3, 2, 1]);
    expect(matchTags(codebook, 'zzz')).toEqual([]);
    expect(exactTag(codebook, 'security')?.id).toBe(3);
    expect(exactTag(codebook, 'Security/Military exercises')?.id).toBe(4);
    expect(exactTag(codebook, 'Securit')).toBeUndefined();
    expect(tagLabel(codebook[3]!)).toBe('Security / Military exercises');
  });

  it('gives number keys the recent tags first, then the most used', () => {
    const byId = new Map(codebook.map((t) => [t.id, t]));
    expect(ids(numberKeyTags(codebook, [4, 99, 2], byId))).toEqual([4, 2, 6, 3, 1, 5]);
  });
});
