import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../../shared/model.js';
import { chosenFromText, chosenLabel, tagSuggestions } from './TagField.js';

function tag(id: number, path: string[], count = 0): Tag {
  return { id, uid: `t${id}`, name: path.at(-1)!, parentId: null, path, color: '#888888', description: '', count };
}

const codebook = [tag(1, ['Places'], 3), tag(2, ['Places', 'Cities'], 9), tag(3, ['Security'], 30), tag(4, ['Security council'], 50)];
const offered = (query: string, chosen: number[] = []) => tagSuggestions(codebook, query, new Set(chosen)).map(chosenLabel);

describe('what Enter takes in the tag field', () => {
  it('creates the typed tag when no known tag begins with it, punctuation included', () => {
    expect(offered('C++')).toEqual(['C++']);
    expect(offered('C#')).toEqual(['C#']);
    expect(chosenFromText(codebook, 'C++')).toEqual({ kind: 'new', name: 'C++' });
  });

  it('offers creating the tag before tags that only contain the typed text', () => {
    expect(offered('curity')).toEqual(['curity', 'Security council', 'Security']);
  });

  it('takes a known tag that begins with the typed text, the one of exactly that name first', () => {
    expect(offered('cit')).toEqual(['Places / Cities', 'cit']);
    expect(offered('places/ci')).toEqual(['Places / Cities', 'places/ci']);
    expect(offered('security')).toEqual(['Security', 'Security council']);
    expect(offered('Security', [3])).toEqual(['Security council']);
  });
});
