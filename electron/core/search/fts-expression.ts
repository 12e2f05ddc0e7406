// From a compiled query to an FTS5 MATCH expression. Nothing the user typed reaches MATCH
// as is: every key is a folded word, quoted, and the operators are ours.

import type { CompiledNode, TermPattern, WordPattern } from '../../../shared/query/index.js';
import type { Library } from '../db/open.js';
import { expandForms } from './vocabulary.js';

/// The most phrase combinations one quoted phrase expands to (alternative spellings per word).
const MAX_PHRASES = 64;

function quote(key: string): string {
  return `"${key.replace(/"/g, '""')}"`;
}

/// The index keys one query word stands for.
function wordKeys(lib: Library, w: WordPattern): string[] {
  return w.mode === 'forms' ? expandForms(lib, w.keys, w.stems) : w.keys;
}

function termExpression(lib: Library, p: TermPattern): string {
  let alternatives: string[];
  if (p.words.length === 1) {
    const w = p.words[0];
    alternatives = w.mode === 'prefix' ? w.keys.map((k) => `${quote(k)}*`) : wordKeys(lib, w).map(quote);
  } else {
    // A phrase: every combination of its words' spellings, as FTS5 phrases.
    let phrases: string[][] = [[]];
    p.words.forEach((w, i) => {
      const keys = wordKeys(lib, w);
      const next: string[][] = [];
      for (const ph of phrases) for (const k of keys) if (next.length < MAX_PHRASES || i === 0) next.push([...ph, k]);
      phrases = next.length > 0 ? next : phrases.map((ph) => [...ph, keys[0]]);
    });
    const prefix = p.words[p.words.length - 1].mode === 'prefix';
    alternatives = phrases.map((ph) => quote(ph.join(' ')) + (prefix ? '*' : ''));
  }
  const expr = alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`;
  return p.field === 'title' ? `title : ${expr}` : expr;
}

/// The MATCH expression of a node that has something to find (see `splitTop` for the rest).
export function ftsExpression(lib: Library, node: CompiledNode): string {
  switch (node.type) {
    case 'term':
      return termExpression(lib, node.pattern);
    case 'or':
      return `(${node.children.map((c) => ftsExpression(lib, c)).join(' OR ')})`;
    case 'and': {
      const positive = node.children.filter((c) => c.type !== 'not');
      const negative = node.children.filter((c): c is Extract<CompiledNode, { type: 'not' }> => c.type === 'not');
      let expr = positive.map((c) => ftsExpression(lib, c)).join(' AND ');
      if (positive.length > 1) expr = `(${expr})`;
      for (const n of negative) expr += ` NOT ${ftsExpression(lib, n.child)}`;
      return negative.length > 0 ? `(${expr})` : expr;
    }
    case 'not':
      throw new Error('a NOT without a positive side reached the FTS expression');
  }
}

/// The top of a query as what must match and what must not: a query of exclusions only
/// (`-Toshkent lang:uz`) has no positive side, and is answered with NOT IN.
export function splitTop(lib: Library, root: CompiledNode): { positive: string | null; negative: string | null } {
  if (root.type === 'not') return { positive: null, negative: ftsExpression(lib, root.child) };
  if (root.type === 'and' && root.children.every((c) => c.type === 'not')) {
    const parts = root.children.map((c) => ftsExpression(lib, (c as Extract<CompiledNode, { type: 'not' }>).child));
    return { positive: null, negative: parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})` };
  }
  return { positive: ftsExpression(lib, root), negative: null };
}
