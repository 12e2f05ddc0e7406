import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../../shared/model.js';
import { exactTag, foldForMatch, matchTags, numberKeyTags, startsTag, tagLabel } from './tagMatch.js';

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

  it('compares punctuation as typed: C++ is neither C# nor the start of Cities', () => {
    const places = [tag(10, ['Places'], 2), tag(11, ['Places', 'Cities'], 9), tag(12, ['C#'], 1), tag(13, ['C++'], 1)];
    expect(ids(matchTags(places, 'C++'))).toEqual([13]);
    expect(ids(matchTags(places, 'c#'))).toEqual([12]);
    expect(ids(matchTags(places, 'C'))).toEqual([11, 12, 13, 10]); // Cities, then C# and C++ by label, then pla-c-es
    expect(exactTag(places, 'C++')?.id).toBe(13);
    expect(exactTag(places.slice(0, 3), 'C++')).toBeUndefined();
    expect(exactTag(places, 'places / cities')?.id).toBe(11);
    expect(foldForMatch('  Places /Cities ')).toBe('places cities');
    expect(foldForMatch('C++ ')).toBe('c++');
  });

  it('takes a whole path over a name shared with a tag under another parent', () => {
    const taxes = [tag(20, ['Economy'], 9), tag(21, ['Economy', 'Tax'], 50), tag(22, ['Tax'], 1), tag(23, ['Law', 'Tax'], 2), tag(24, ['Taxonomy'], 80)];
    expect(exactTag(taxes, 'tax')?.id).toBe(22);
    expect(ids(matchTags(taxes, 'Tax'))).toEqual([22, 24, 21, 23]);
    expect(exactTag(taxes, 'economy / tax')?.id).toBe(21);
    // No top-level Tax: the most used of the others.
    expect(exactTag(taxes.filter((t) => t.id !== 22), 'TAX')?.id).toBe(21);
  });

  it('tells a tag that begins with the typed text from one that only contains it', () => {
    const [, trade, security, exercises, uzbek] = codebook;
    expect(startsTag(trade!, 'tra')).toBe(true);
    expect(startsTag(trade!, 'economy/tr')).toBe(true);
    expect(startsTag(exercises!, 'exerc')).toBe(true);
    expect(startsTag(uzbek!, "o'zbek")).toBe(true);
    expect(startsTag(security!, 'curity')).toBe(false);
    expect(startsTag(tag(11, ['Places', 'Cities']), 'C++')).toBe(false);
    expect(startsTag(trade!, '')).toBe(false);
  });

  it('gives number keys the recent tags first, then the most used', () => {
    const byId = new Map(codebook.map((t) => [t.id, t]));
    expect(ids(numberKeyTags(codebook, [4, 99, 2], byId))).toEqual([4, 2, 6, 3, 1, 5]);
  });
});
