// Folding: one word (a run of letters, digits and word-internal apostrophes) → the key the index
// stores and queries compare. Keys are lower-case ASCII letters and digits for Latin and
// Cyrillic words (other scripts keep their lower-cased letters), so the index's unicode61
// tokenizer keeps every key whole.

import { CLASS_CACHE, CharClass, charClass } from './char-class.js';
import { CYRILLIC_KEYS, CYRILLIC_YE_CONTEXT } from './cyrillic.js';
import { CYRILLIC_TO_LATIN, LATIN_TO_CYRILLIC } from './homoglyphs.js';
import { KAZAKH_LATIN_MARKERS, LATIN_KEYS } from './latin.js';

/// The script a word is written in, after reading stray look-alike letters as the word's own.
/// `mixed` is a word with letters only one script has from both; `number` has digits only.
export type WordScript = 'latin' | 'cyrillic' | 'mixed' | 'other' | 'number';

/// A word's folded key and the script it was written in.
export interface FoldedWord {
  key: string;
  script: WordScript;
}

const TABLE_SIZE = 0x2000;
/// Key of every Latin and Cyrillic letter below U+2000, case folded; `undefined` for the rest.
const KEYS: (string | undefined)[] = new Array(TABLE_SIZE);
/// 1 where a Cyrillic letter is a vowel or sign after which `е` reads `ye`.
const YE_CONTEXT = new Uint8Array(TABLE_SIZE);
/// 1 where a letter marks a word as Kazakh 2021 Latin.
const KAZAKH_MARKER = new Uint8Array(TABLE_SIZE);
/// Look-alike letter of the other script (Latin ↔ Cyrillic), 0 where there is none.
const LOOKALIKE = new Uint16Array(TABLE_SIZE);
for (const [from, to] of LATIN_TO_CYRILLIC) LOOKALIKE[from] = to;
for (const [from, to] of CYRILLIC_TO_LATIN) LOOKALIKE[from] = to;
const LATE_KEYS = new Map<number, string>();

const PLAIN_LATIN = /^[a-z]+$/;
const MARKS = /\p{M}/gu;

function latinKey(lower: string): string {
  const special = LATIN_KEYS[lower];
  if (special !== undefined) return special;
  if (PLAIN_LATIN.test(lower)) return lower;
  const base = lower.normalize('NFKD').replace(MARKS, '').toLowerCase();
  const again = LATIN_KEYS[base];
  if (again !== undefined) return again;
  return PLAIN_LATIN.test(base) ? base : lower;
}

function cyrillicKey(lower: string): string {
  const key = CYRILLIC_KEYS[lower];
  if (key !== undefined) return key;
  const base = lower.normalize('NFD').replace(MARKS, '');
  return CYRILLIC_KEYS[base] ?? lower;
}

function letterKey(code: number, cls: CharClass): string {
  const lower = String.fromCharCode(code).toLowerCase();
  if (cls === CharClass.Latin) return latinKey(lower);
  if (cls === CharClass.Cyrillic) return cyrillicKey(lower);
  return lower.normalize('NFC');
}

for (let code = 0; code < TABLE_SIZE; code++) {
  const cls = charClass(code);
  if (cls !== CharClass.Latin && cls !== CharClass.Cyrillic) continue;
  KEYS[code] = letterKey(code, cls);
  const lower = String.fromCharCode(code).toLowerCase();
  if (cls === CharClass.Cyrillic && CYRILLIC_YE_CONTEXT.has(lower)) YE_CONTEXT[code] = 1;
  if (KAZAKH_LATIN_MARKERS.has(String.fromCharCode(code))) KAZAKH_MARKER[code] = 1;
}

function keyOf(code: number, cls: CharClass): string {
  if (code < TABLE_SIZE) {
    const k = KEYS[code];
    if (k !== undefined) return k;
  }
  let k = LATE_KEYS.get(code);
  if (k === undefined) {
    k = letterKey(code, cls);
    LATE_KEYS.set(code, k);
  }
  return k;
}

const CODE_I = 0x69;
const CODE_DOTTED_I = 0x130;
const CODE_H = 0x68;
const CODE_H_UPPER = 0x48;
const CODE_E = 0x65;
const CODE_E_UPPER = 0x45;
const CYR_E = 0x435;
const CYR_E_UPPER = 0x415;
const CYR_TS = 0x446;
const CYR_TS_UPPER = 0x426;

function isLatinVowel(code: number): boolean {
  const c = code | 0x20;
  return c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75 || c === 0x79 || code === 0xe4 || code === 0xf6 || code === 0xfc || code === 0x16b || code === 0x131;
}

const VOWEL_KEYS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'a1', 'o1', 'o2', 'u1', 'u2']);
function isKeyVowel(key: string): boolean {
  return VOWEL_KEYS.has(key) || VOWEL_KEYS.has(key[key.length - 1]);
}

/// Fold the word `text[start, end)` (as cut by the tokenizer) to its key and script.
export function foldWord(text: string, start: number, end: number): FoldedWord {
  const key = foldKey(text, start, end);
  return { key, script: lastScript };
}

/// The script of the word `foldKey` folded last (saves an object per word on the index's path).
export let lastScript: WordScript = 'number';

/// The key of the word `text[start, end)`; its script is left in `lastScript`.
export function foldKey(text: string, start: number, end: number): string {
  let nLat = 0;
  let nCyr = 0;
  let nOther = 0;
  let decisiveLat = 0;
  let decisiveCyr = 0;
  let kazakh = false;
  // Plain ASCII letters and digits (most English and Uzbek Latin words) take a short cut.
  let ascii = true;
  let upper = false;
  let digraph = false;
  let prevCode = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code | 0x20) === 0x68 || (code | 0x20) === 0x6a) {
      const p = prevCode | 0x20;
      if (p === 0x7a || p === 0x6b || p === 0x64) digraph = true;
    }
    prevCode = code;
    let cls: number = CLASS_CACHE[code] - 1;
    if (cls < 0) cls = charClass(code);
    if (cls === CharClass.Latin) {
      nLat++;
      if (code >= TABLE_SIZE || LOOKALIKE[code] === 0) decisiveLat++;
      if (code >= 0x80) {
        ascii = false;
        if (code < TABLE_SIZE && KAZAKH_MARKER[code] === 1) kazakh = true;
      } else if (code < 0x61) upper = true;
    } else if (cls === CharClass.Cyrillic) {
      nCyr++;
      ascii = false;
      if (code >= TABLE_SIZE || LOOKALIKE[code] === 0) decisiveCyr++;
    } else if (cls === CharClass.Digit) {
      if (code >= 0x80) ascii = false;
    } else if (cls === CharClass.Mark || cls === CharClass.Surrogate) {
      // Decomposed letters (o + U+0304) fold like their composed forms; rare enough to take
      // the slow road.
      const word = text.slice(start, end);
      const composed = word.normalize('NFC');
      if (composed !== word) return foldKey(composed, 0, composed.length);
      ascii = false;
      if (cls === CharClass.Surrogate) nOther++;
    } else {
      ascii = false;
      if (cls === CharClass.OtherLetter) nOther++;
    }
  }

  if (ascii) {
    let key = text.slice(start, end);
    if (upper) key = key.toLowerCase();
    lastScript = nLat > 0 ? 'latin' : 'number';
    return digraph ? normalizeDigraphs(key) : key;
  }

  // A word with letters of both scripts is read in the script of its unambiguous letters; one
  // made only of look-alikes in the script most of them belong to (Latin on a tie: acronyms
  // and Roman numerals such as `РM`, `ХXI`).
  let convert: number = CharClass.Separator;
  let script: WordScript;
  if (nLat > 0 && nCyr > 0) {
    if (decisiveLat > 0 && decisiveCyr > 0) script = 'mixed';
    else if (decisiveLat > 0 || (decisiveCyr === 0 && nLat >= nCyr)) (convert = CharClass.Cyrillic), (script = 'latin');
    else (convert = CharClass.Latin), (script = 'cyrillic');
  } else if (nLat > 0) script = 'latin';
  else if (nCyr > 0) script = 'cyrillic';
  else if (nOther > 0) script = 'other';
  else script = 'number';

  let key = '';
  let atStart = true;
  let prevYeContext = false;
  let prevKey = '';
  let prevVowel = false;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    let cls: number = CLASS_CACHE[code] - 1;
    if (cls < 0) cls = charClass(code);
    if (cls === convert && code < TABLE_SIZE && LOOKALIKE[code] !== 0) {
      code = LOOKALIKE[code];
      cls = convert === CharClass.Latin ? CharClass.Cyrillic : CharClass.Latin;
    }
    let k: string;
    switch (cls) {
      case CharClass.Latin:
        k = keyOf(code, cls);
        if (kazakh) {
          // Kazakh 2021 writes и and й alike as i: after a vowel, or starting a word before one
          // (ia, iu for я, ю), it is й, key y. It writes х as h, and е as e even where Cyrillic
          // е reads ye (at the start of a word).
          if ((code | 0x20) === CODE_I || code === CODE_DOTTED_I) {
            if (prevVowel || (atStart && i + 1 < end && isLatinVowel(text.charCodeAt(i + 1)))) k = 'y';
          } else if (code === CODE_H || code === CODE_H_UPPER) k = 'x';
          else if ((code === CODE_E || code === CODE_E_UPPER) && atStart) k = 'ye';
        }
        prevYeContext = false;
        break;
      case CharClass.Cyrillic:
        if (code === CYR_E || code === CYR_E_UPPER) k = atStart || prevYeContext ? 'ye' : 'e';
        else if (code === CYR_TS || code === CYR_TS_UPPER) {
          // Uzbek Latin writes ц as ts between vowels and s elsewhere (санкция → sanksiya,
          // милиция → militsiya). A Latin query with ts also tries s (see shared/query), so
          // Russian spellings (Tsoy) still find Цой.
          const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
          k = prevYeContext && !atStart && next < TABLE_SIZE && YE_CONTEXT[next] === 1 ? 'ts' : 's';
        } else k = keyOf(code, cls);
        prevYeContext = code < TABLE_SIZE && YE_CONTEXT[code] === 1;
        break;
      case CharClass.Apostrophe:
        // oʻ and gʻ (with any apostrophe) are letters of their own; elsewhere the apostrophe is
        // the tutuq belgisi (ъ) or an English apostrophe, and leaves no trace in the key.
        if (prevKey === 'o' || prevKey === 'g') {
          key += '1';
          prevKey += '1';
        }
        continue;
      case CharClass.Digit:
        k = String.fromCharCode(code);
        prevYeContext = false;
        break;
      case CharClass.OtherLetter:
        k = keyOf(code, cls);
        prevYeContext = false;
        break;
      case CharClass.Surrogate:
        k = i + 1 < end ? text.slice(i, i + 2).toLowerCase() : '';
        i++;
        prevYeContext = false;
        break;
      default:
        // Marks left after composition and ignorable characters add nothing.
        continue;
    }
    atStart = false;
    if (k.length === 0) continue;
    // Digraphs with one spelling per sound: Russian zh/kh/dzh are written j/x/j in Uzbek
    // Latin, and Cyrillic ж/х/дж fold that way; so do з+ҳ, к+ҳ, д+ж from either script.
    const first = k.charCodeAt(0);
    if (first === 0x68 || first === 0x6a) {
      const last = key.charCodeAt(key.length - 1);
      if (first === 0x68 && (last === 0x7a || last === 0x6b) && prevKey.length === 1) {
        key = key.slice(0, -1) + (last === 0x7a ? 'j' : 'x');
        k = k.slice(1);
      } else if (first === 0x6a && last === 0x64 && prevKey.length === 1) {
        key = key.slice(0, -1);
      }
    }
    key += k;
    prevKey = k;
    if (kazakh) prevVowel = isKeyVowel(k);
  }
  lastScript = script;
  return key;
}

const ZH_KH = /zh|kh/g;
const DJ = /dj/g;

/// The digraph rule of the loop above, for plain ASCII words.
function normalizeDigraphs(key: string): string {
  if (key.indexOf('h') >= 0) key = key.replace(ZH_KH, (m) => (m === 'kh' ? 'x' : 'j'));
  if (key.indexOf('dj') >= 0) key = key.replace(DJ, 'j');
  return key;
}
