// Query terms as patterns over tokens: what the index looks up (keys, stems), and what the
// highlighter and the strict-script check match against an article's tokens. Both sides use
// these patterns, so whatever the index matched is what gets marked.

import { foldWord, isFormOf, stemsOf, tokenize, type Stem, type Token, type WordScript } from '../text/index.js';
import type { TermNode } from './ast.js';
import { otherSpellings } from './spellings.js';

/// How one query word matches a token.
export interface WordPattern {
  /// The word as typed.
  text: string;
  /// Its folded key, then the keys of its other plausible spellings.
  keys: string[];
  /// `forms`: the word and its suffixed forms; `exact`: the word only; `prefix`: any word starting so.
  mode: 'forms' | 'exact' | 'prefix';
  /// For `forms`: the stems suffixes may follow.
  stems: Stem[];
  /// The script typed: in strict mode only tokens of this script match.
  script: WordScript;
}

/// A term: one word, or several that must follow one another (a phrase, `Hamkorlik-2022`).
export interface TermPattern {
  words: WordPattern[];
  field: 'title' | null;
}

const TS_LATIN = /ts/gi;
const TS_CYRILLIC = /ц/gi;

/// The keys a typed word may stand for. Uzbek Latin writes ц as ts or s (милиция → militsiya,
/// санкция → sanksiya), Russian spellings always as ts; the index folds ц by the Uzbek rule, so
/// a query tries both. Names also try their other common transliteration (spellings.ts).
function keyVariants(text: string): string[] {
  const keys = [foldWord(text, 0, text.length).key];
  const add = (t: string) => {
    const k = foldWord(t, 0, t.length).key;
    if (k && !keys.includes(k)) keys.push(k);
  };
  if (TS_LATIN.test(text)) add(text.replace(TS_LATIN, (m) => (m[0] === 'T' ? 'S' : 's')));
  if (TS_CYRILLIC.test(text)) {
    add(text.replace(TS_CYRILLIC, (m) => (m === 'Ц' ? 'ТС' : 'тс')));
    add(text.replace(TS_CYRILLIC, (m) => (m === 'Ц' ? 'С' : 'с')));
  }
  TS_LATIN.lastIndex = 0;
  TS_CYRILLIC.lastIndex = 0;
  for (const k of otherSpellings(text, keys[0])) if (!keys.includes(k)) keys.push(k);
  return keys;
}

function wordPattern(token: Token, mode: WordPattern['mode']): WordPattern {
  const keys = keyVariants(token.text);
  const stems: Stem[] = [];
  if (mode === 'forms') for (const k of keys) stems.push(...stemsOf(k));
  return { text: token.text, keys, mode, stems, script: token.script };
}

/// The pattern of a parsed term. A quoted term matches exact forms; a bare word its suffixed
/// forms too; a word the tokenizer cuts in several (`Hamkorlik-2022`) is a phrase whose last
/// word may carry suffixes.
export function termPattern(node: TermNode): TermPattern {
  const tokens = tokenize(node.text);
  const words = tokens.map((t, i) => {
    const last = i === tokens.length - 1;
    const mode: WordPattern['mode'] = node.prefix && last ? 'prefix' : node.quoted || !last ? 'exact' : 'forms';
    return wordPattern(t, mode);
  });
  return { words, field: node.field };
}

/// Whether a token matches a query word (in strict mode: only in the script typed).
export function matchesWord(p: WordPattern, token: Token, strict: boolean): boolean {
  if (strict && !sameScript(p.script, token.script)) return false;
  const key = token.key;
  switch (p.mode) {
    case 'exact':
      return p.keys.includes(key);
    case 'prefix':
      for (const k of p.keys) if (key.startsWith(k)) return true;
      return false;
    case 'forms':
      return p.keys.includes(key) || isFormOf(p.stems, key);
  }
}

function sameScript(typed: WordScript, found: WordScript): boolean {
  if (typed === 'number' || typed === 'other' || found === 'number') return true;
  return typed === found;
}

/// Where a term occurs in a token list: [first, last] token indexes of each occurrence.
export function findTerm(p: TermPattern, tokens: readonly Token[], strict: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = p.words.length;
  if (n === 0) return out;
  outer: for (let i = 0; i + n <= tokens.length; i++) {
    for (let j = 0; j < n; j++) if (!matchesWord(p.words[j], tokens[i + j], strict)) continue outer;
    out.push([i, i + n - 1]);
  }
  return out;
}
