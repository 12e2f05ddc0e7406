// Cutting text into words. The index, the query parser and the highlighter all cut with this
// one function, so a word that matched is exactly the word that gets marked.

import { CLASS_CACHE, CharClass, astralClass, charClass } from './char-class.js';
import { foldKey, lastScript, type WordScript } from './fold.js';

/// One word of a text.
export interface Token {
  /// UTF-16 offsets of the word in the text it came from.
  start: number;
  end: number;
  /// The word as written.
  text: string;
  /// The folded key the index stores and queries compare.
  key: string;
  /// The script it is written in (look-alike letters read as the word's own script).
  script: WordScript;
}

const O_LOWER = 0x6f;
const O_UPPER = 0x4f;
const G_LOWER = 0x67;
const G_UPPER = 0x47;

function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  let cls: number = CLASS_CACHE[code] - 1;
  if (cls < 0) cls = charClass(code);
  if (cls !== CharClass.Surrogate) return cls;
  const cp = text.codePointAt(i)!;
  // An astral letter or digit is read as a letter of another script, its two halves together.
  return cp > 0xffff && astralClass(cp) !== CharClass.Separator ? CharClass.Surrogate : CharClass.Separator;
}

// Word classes as bits, so one test tells whether a class continues a word.
const WORD = (1 << CharClass.Latin) | (1 << CharClass.Cyrillic) | (1 << CharClass.OtherLetter) | (1 << CharClass.Digit) | (1 << CharClass.Surrogate);
const INSIDE = WORD | (1 << CharClass.Mark) | (1 << CharClass.Ignorable);
const LETTER = (1 << CharClass.Latin) | (1 << CharClass.Cyrillic) | (1 << CharClass.OtherLetter) | (1 << CharClass.Surrogate);

/// Call `onWord(start, end)` for every word of `text`: a run of letters and digits, with the
/// combining marks and invisible joiners inside it, and apostrophes between letters
/// (`a’zo`, `don't`) or after o/g (`Oʻ`, `tog‘`: Uzbek letters, even at the end of a word).
export function scanWords(text: string, onWord: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let cls = classAt(text, i);
    if (((1 << cls) & WORD) === 0) {
      i++;
      continue;
    }
    const start = i;
    let end = i;
    for (;;) {
      const bit = 1 << cls;
      if ((bit & INSIDE) !== 0) {
        i += cls === CharClass.Surrogate ? 2 : 1;
        if (cls !== CharClass.Ignorable) end = i;
      } else if (cls === CharClass.Apostrophe) {
        const next = i + 1 < n ? classAt(text, i + 1) : CharClass.Separator;
        if (((1 << next) & LETTER) !== 0) {
          i++;
        } else {
          const prev = text.charCodeAt(i - 1);
          if (prev === O_LOWER || prev === O_UPPER || prev === G_LOWER || prev === G_UPPER) end = ++i;
          break;
        }
      } else break;
      if (i >= n) break;
      cls = classAt(text, i);
    }
    onWord(start, end);
    if (i < end) i = end;
  }
}

/// The words of a text with their offsets, script and folded key. Words whose key is empty
/// (a lone soft sign) are left out, as they are from the index.
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanWords(text, (start, end) => {
    const key = foldKey(text, start, end);
    if (key.length > 0) out.push({ start, end, text: text.slice(start, end), key, script: lastScript });
  });
  return out;
}

/// The folded keys of a text, space separated: what the full-text index stores for it.
export function indexKeys(text: string): string {
  let out = '';
  scanWords(text, (start, end) => {
    const key = foldKey(text, start, end);
    if (key.length > 0) out = out.length === 0 ? key : out + ' ' + key;
  });
  return out;
}
