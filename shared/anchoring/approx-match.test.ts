import { describe, expect, it } from 'vitest';
import { editDistance, searchApprox } from './approx-match.js';
import { corpusText } from '../../tests/support/shared-files.js';

const SEED = 'seed/000_854e4821269078e4.txt';

/// A small deterministic generator (mulberry32), so a failing case can be run again.
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/// The textbook dynamic programme, as a reference.
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/// Apply `n` random edits (substitute, insert, delete) to a string.
function mutate(s: string, n: number, random: () => number, alphabet: string): string {
  let out = s;
  for (let e = 0; e < n; e++) {
    const at = Math.floor(random() * out.length);
    const c = alphabet[Math.floor(random() * alphabet.length)];
    const kind = Math.floor(random() * 3);
    if (kind === 0) out = out.slice(0, at) + c + out.slice(at + 1);
    else if (kind === 1) out = out.slice(0, at) + c + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

const text = corpusText(SEED);
const alphabet = 'абвгдеёжзийклмнопрстуфхцчшқўғҳ ';

describe('editDistance', () => {
  it('equals the textbook Levenshtein distance on pieces of real text, across block boundaries', () => {
    const random = seeded(7);
    for (let t = 0; t < 300; t++) {
      const len = 1 + Math.floor(random() * 140); // one to five 32-bit blocks
      const at = Math.floor(random() * (text.length - len));
      const a = text.slice(at, at + len);
      const b = mutate(a, Math.floor(random() * 12), random, alphabet);
      expect(editDistance(a, b)).toBe(levenshtein(a, b));
    }
  });

  it('counts everything when one side is empty', () => {
    expect(editDistance('', 'Тошкент')).toBe(7);
    expect(editDistance('Toshkent', '')).toBe(8);
  });
});

describe('searchApprox', () => {
  it('finds an edited quote of the seed article at its place, with the true number of edits', () => {
    const random = seeded(11);
    for (let t = 0; t < 60; t++) {
      const len = 20 + Math.floor(random() * 180);
      const at = Math.floor(random() * (text.length - len));
      const quote = mutate(text.slice(at, at + len), 1 + Math.floor(random() * 4), random, alphabet);
      const k = Math.floor(len / 5);
      const matches = searchApprox(text, quote, k);
      const near = matches.find((m) => Math.abs(m.start - at) <= 6);
      expect(near, `quote at ${at}`).toBeDefined();
      // Every reported span really is within k edits, and its error count is exact.
      for (const m of matches) {
        expect(m.errors).toBeLessThanOrEqual(k);
        expect(levenshtein(quote, text.slice(m.start, m.end))).toBe(m.errors);
      }
    }
  });

  it('reports nothing when the text holds nothing close enough', () => {
    expect(searchApprox(text, 'Reuters newswire about grain exports', 5)).toEqual([]);
  });

  it('finds every exact occurrence of a repeated phrase with zero errors', () => {
    const phrase = 'Марказий Осиё';
    const exact: number[] = [];
    for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) exact.push(i);
    const found = searchApprox(text, phrase, 0).map((m) => m.start);
    expect(found).toEqual(exact);
    expect(found.length).toBeGreaterThan(2);
  });

  it('stays inside the window it is given', () => {
    const phrase = 'Марказий Осиё';
    const second = text.indexOf(phrase, text.indexOf(phrase) + 1);
    const found = searchApprox(text, phrase, 1, second - 5, second + phrase.length + 5);
    expect(found.map((m) => m.start)).toEqual([second]);
  });
});
