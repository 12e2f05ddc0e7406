// Character classes for the tokenizer, looked up in a table instead of a regex per character:
// tokenizing runs over every imported article, so it is on the import's hot path.

/// What a UTF-16 code unit is to the tokenizer.
export const enum CharClass {
  /// Ends a word (spaces, punctuation, symbols…).
  Separator = 0,
  Latin = 1,
  Cyrillic = 2,
  /// A letter of another script (Greek, Arabic, CJK…): kept, lower-cased, never transliterated.
  OtherLetter = 3,
  Digit = 4,
  /// A combining mark: part of the word it follows.
  Mark = 5,
  /// `'` `ʻ` `ʼ` `‘` `’` and kin: a letter in Uzbek oʻ/gʻ, the tutuq belgisi, or punctuation.
  Apostrophe = 6,
  /// Soft hyphen and zero-width joiners: invisible inside a word, ignored.
  Ignorable = 7,
  /// High surrogate: the class of the whole code point is decided by the caller.
  Surrogate = 8,
}

const APOSTROPHES = [0x27, 0x60, 0xb4, 0x2bb, 0x2bc, 0x2bd, 0x2018, 0x2019, 0x201b, 0x2032];
const IGNORABLES = [0xad, 0x200c, 0x200d, 0x2060, 0xfeff];

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{Nd}$/u;
const MARK = /^\p{M}$/u;
const LATIN = /^\p{Script=Latin}$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;

function classify(code: number): CharClass {
  if (code >= 0xd800 && code <= 0xdbff) return CharClass.Surrogate;
  if (code >= 0xdc00 && code <= 0xdfff) return CharClass.Separator;
  if (APOSTROPHES.includes(code)) return CharClass.Apostrophe;
  if (IGNORABLES.includes(code)) return CharClass.Ignorable;
  const ch = String.fromCharCode(code);
  if (LETTER.test(ch)) {
    if (LATIN.test(ch)) return CharClass.Latin;
    if (CYRILLIC.test(ch)) return CharClass.Cyrillic;
    return CharClass.OtherLetter;
  }
  if (NUMBER.test(ch)) return CharClass.Digit;
  if (MARK.test(ch)) return CharClass.Mark;
  return CharClass.Separator;
}

/// Classes of UTF-16 code units, stored plus one (0: not computed yet). Hot loops read it
/// directly (`CLASS_CACHE[code] - 1`, falling back to `charClass` when negative) rather than
/// paying for a call per character.
export const CLASS_CACHE = new Uint8Array(0x10000);

/// The class of one UTF-16 code unit (computed once per code unit, then looked up).
export function charClass(code: number): CharClass {
  const c = CLASS_CACHE[code];
  if (c !== 0) return (c - 1) as CharClass;
  const k = classify(code);
  CLASS_CACHE[code] = k + 1;
  return k;
}

/// The class of an astral code point (outside the Basic Multilingual Plane).
export function astralClass(codePoint: number): CharClass {
  const ch = String.fromCodePoint(codePoint);
  if (LETTER.test(ch)) return CharClass.OtherLetter;
  if (NUMBER.test(ch)) return CharClass.Digit;
  if (MARK.test(ch)) return CharClass.Mark;
  return CharClass.Separator;
}

// Warm the common ranges up front so the first import does not pay for them one by one.
for (let c = 0; c < 0x530; c++) charClass(c);
for (const c of [...APOSTROPHES, ...IGNORABLES]) charClass(c);
