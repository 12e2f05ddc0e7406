// Strict-script mode: the index matches across scripts, so hits are checked again on the
// article's own words, with each query word matching only in the script it was typed in.

import { evaluate, type CompiledNode, type CompiledQuery, type TermPattern } from '../../../shared/query/index.js';
import { tokenize } from '../../../shared/text/index.js';

const LATIN = 1;
const CYRILLIC = 2;

/// Which of Latin and Cyrillic letters a text holds (bit mask), by a plain scan of code units.
function lettersIn(text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) found |= LATIN;
    else if (c >= 0x400 && c <= 0x52f) found |= CYRILLIC;
    if (found === (LATIN | CYRILLIC)) break;
  }
  return found;
}

function scriptsOf(patterns: readonly TermPattern[]): number {
  let s = 0;
  for (const p of patterns)
    for (const w of p.words) {
      if (w.script === 'latin') s |= LATIN;
      else if (w.script === 'cyrillic') s |= CYRILLIC;
      else if (w.script === 'mixed') s |= LATIN | CYRILLIC;
    }
  return s;
}

function hasNot(node: CompiledNode): boolean {
  if (node.type === 'not') return true;
  return node.type !== 'term' && node.children.some(hasNot);
}

/// A check of articles against a query in strict mode.
export function strictChecker(compiled: CompiledQuery): (title: string, text: string) => boolean {
  const root = compiled.root;
  if (!root) return () => true;
  const typed = scriptsOf(compiled.positive);
  const hasNegation = hasNot(root);
  return (title, text) => {
    const present = lettersIn(title) | lettersIn(text);
    // An article in the one script every query word was typed in matches strictly whenever it
    // matches at all; one without that script cannot match. Everything else is read word by word.
    if (typed === LATIN || typed === CYRILLIC) {
      if (present === typed) return true;
      if ((present & typed) === 0 && !hasNegation) return false;
    }
    return evaluate(root, { title: tokenize(title), body: tokenize(text) }, true);
  };
}
