// Alphabetical order for titles as a string whose plain binary order (SQLite's BINARY collation,
// JavaScript's `<`) is the order a reader of the archive's languages expects. SQLite's own
// NOCASE folds only A–Z, so without this Kazakh and Uzbek letters, Latin letters with diacritics
// and every lower-case Cyrillic title sort after Я.
//
// The key has three levels, compared one after the other, as a collation does:
//   1. the letters and numbers, case and diacritics aside (punctuation and quotes left out);
//   2. diacritics that do not make a letter of its own (é after e, ё after е);
//   3. case (lower before upper).
// Letters that are letters of their own in an alphabet the archive is written in come right
// after the letter they are built on: Ә after А, Ғ after Г, Қ after К, Ң after Н, Ө after О,
// Ұ Ү Ў after У, Һ Ҳ after Х; Latin ä after a, oʻ after o, ş after s, and so on. Kazakh І comes
// where the Kazakh alphabet has it, between Ы and Ь. Numbers come before letters and compare by
// value (2 before 10); Latin comes before Cyrillic, and other scripts after both.
//
// Keys are stored in libraries: a change to the order here needs a migration that computes them
// again, or old and new keys would mix in one list.

/// Ends a level; below everything else, so a key that is a prefix of another sorts first.
const LEVEL_END = '\u0001';
/// Between words (spaces, dashes, slashes): below every letter and number, so "Ab c" sorts before
/// "Abc" as in a library catalogue, word by word.
const WORD_BREAK = '\u0002';
/// A number is its length (one code unit from here up) and then its digits without leading zeros.
const NUMBER_LENGTH = 0x03;
const MAX_NUMBER_LENGTH = 0x1f - NUMBER_LENGTH;
/// The default weight of levels 2 and 3, trimmed from their ends.
const PLAIN = '!';
const UPPER = '"';

// The letters in their order. Each gets one code unit: Latin from `A` (one byte in UTF-8, as the
// letters themselves), Cyrillic from U+0080 (two bytes, as the letters themselves). Any other
// letter keys as itself, lower-cased, so above both (code points from U+0100).
const LATIN_ORDER = [
  'a', 'ä', 'b', 'c', 'ç', 'd', 'ð', 'e', 'ə', 'f', 'g', 'ğ', 'gʻ', 'h', 'ı', 'i', 'j', 'k', 'l', 'm',
  'n', 'ñ', 'o', 'oʻ', 'ö', 'p', 'q', 'r', 's', 'ş', 't', 'u', 'ū', 'ü', 'v', 'w', 'x', 'y', 'z', 'þ',
];
const CYRILLIC_ORDER = [
  'а', 'ә', 'б', 'в', 'г', 'ғ', 'ґ', 'д', 'ђ', 'е', 'є', 'ж', 'җ', 'з', 'ѕ', 'и', 'й', 'ј', 'к', 'қ',
  'ҡ', 'л', 'љ', 'м', 'н', 'ң', 'њ', 'о', 'ө', 'п', 'р', 'с', 'ҫ', 'т', 'ћ', 'у', 'ұ', 'ү', 'ў', 'ф',
  'х', 'һ', 'ҳ', 'ц', 'ч', 'ҷ', 'џ', 'ш', 'щ', 'ъ', 'ы', 'і', 'ї', 'ь', 'э', 'ю', 'я',
];

interface Weight {
  /// Level 1: one or more code units (a ligature such as æ counts as two letters).
  primary: string;
  /// Level 2 for the last of them.
  secondary: string;
}

const WEIGHTS = new Map<string, Weight>();
LATIN_ORDER.forEach((l, i) => WEIGHTS.set(l, { primary: String.fromCharCode(0x41 + i), secondary: PLAIN }));
CYRILLIC_ORDER.forEach((l, i) => WEIGHTS.set(l, { primary: String.fromCharCode(0x80 + i), secondary: PLAIN }));

/// A letter that sorts as another (or as two) with a difference of its own at level 2.
function variant(letter: string, of: string | string[], mark: string): void {
  const base = (typeof of === 'string' ? [...of] : of).map((l) => WEIGHTS.get(l)!.primary).join('');
  WEIGHTS.set(letter, { primary: base, secondary: mark });
}
// Russian and Kazakh dictionaries file ё with е.
variant('ё', 'е', '\u0308');
// Letters that do not come apart into a letter and a mark.
variant('ß', 'ss', '\u00df');
variant('æ', 'ae', '\u00e6');
variant('œ', 'oe', '\u0153');
variant('ø', 'o', '\u0338');
variant('ł', 'l', '\u0338');
variant('đ', 'd', '\u0335');
variant('ħ', 'h', '\u0335');
// Earlier and proposed spellings of Uzbek oʻ and gʻ.
variant('ō', ['oʻ'], '\u0304');
variant('ŏ', ['oʻ'], '\u0306');
variant('ḡ', ['gʻ'], '\u0304');
variant('ǵ', ['gʻ'], '\u0301');

/// Apostrophes: after o or g and before a letter, the second half of Uzbek oʻ and gʻ, written
/// with any of these; elsewhere (the tutuq belgisi, an English possessive) left out like other
/// punctuation.
const APOSTROPHES = new Set(['\u0027', '\u0060', '\u00b4', '\u02bb', '\u02bc', '\u02bd', '\u2018', '\u2019', '\u201b', '\u2032']);

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
/// Spaces and the marks that join or divide words: a break between words, not left out.
const BREAK = /[\p{Z}\s\p{Pd}/\\|]/u;

const enum Kind {
  Letter,
  Digit,
  /// A combining mark that did not combine with its letter.
  Mark,
  Break,
  /// Punctuation, quotes, symbols: left out.
  Ignored,
}

/// What one character (code point) contributes to a key.
interface CharKey {
  kind: Kind;
  /// For letters: level 1 and the level 2 weight of its last unit, and whether it is upper-case.
  primary: string;
  secondary: string;
  upper: boolean;
  /// o or g, which an apostrophe after it may make oʻ or gʻ.
  takesApostrophe: boolean;
}

const IGNORED: CharKey = { kind: Kind.Ignored, primary: '', secondary: PLAIN, upper: false, takesApostrophe: false };

function classify(ch: string): CharKey {
  if (ch >= '0' && ch <= '9') return { ...IGNORED, kind: Kind.Digit };
  if (LETTER.test(ch)) {
    let lower = ch.toLowerCase();
    const upper = lower !== ch;
    // Dotted İ (Turkish, Kazakh Latin) lower-cases to i and a dot that i has anyway.
    if (lower === 'i\u0307') lower = 'i';
    const letter = (primary: string, secondary: string): CharKey => ({
      kind: Kind.Letter,
      primary,
      secondary,
      upper,
      takesApostrophe: lower === 'o' || lower === 'g',
    });
    const w = WEIGHTS.get(lower);
    if (w) return letter(w.primary, w.secondary);
    // A letter with a diacritic that is no letter of its own (é, ā, ӑ…): the base letter, the
    // diacritic at level 2. A letter of another script keys as itself.
    const [base, mark = PLAIN] = Array.from(lower.normalize('NFD'));
    const b = WEIGHTS.get(base);
    if (b) return letter(b.primary, mark);
    // (Below U+0100 every letter is in the table or comes apart into one.)
    return base.codePointAt(0)! >= 0x100 ? letter(base, mark) : IGNORED;
  }
  if (MARK.test(ch)) return { ...IGNORED, kind: Kind.Mark };
  if (BREAK.test(ch)) return { ...IGNORED, kind: Kind.Break };
  return IGNORED;
}

/// Each character is classified once: keys are computed for every title of a library at once.
const BMP_KEYS: (CharKey | undefined)[] = new Array(0x10000);
const ASTRAL_KEYS = new Map<string, CharKey>();

function charKey(ch: string): CharKey {
  if (ch.length === 1) return (BMP_KEYS[ch.charCodeAt(0)] ??= classify(ch));
  let k = ASTRAL_KEYS.get(ch);
  if (!k) ASTRAL_KEYS.set(ch, (k = classify(ch)));
  return k;
}

/// The character (code point) at `i`: one code unit or a surrogate pair.
function charAt(s: string, i: number): string {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? s.slice(i, i + 2) : s.charAt(i);
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/// The key being built. A title's key is built in one call with nothing in between, so one
/// builder serves every call; a closure per call costs more than the rest of the work.
const key = {
  primary: '',
  // Levels 2 and 3 have one code unit per code unit of level 1, so they line up with it; each
  // ends after its last weight that is not the default.
  secondary: '',
  secondaryEnd: 0,
  tertiary: '',
  tertiaryEnd: 0,
  pendingBreak: false,
};

function push(units: string, mark: string, upper: boolean): void {
  if (key.pendingBreak && key.primary) {
    key.primary += WORD_BREAK;
    key.secondary += PLAIN;
    key.tertiary += PLAIN;
  }
  key.pendingBreak = false;
  key.primary += units;
  if (units.length > 1) key.secondary += PLAIN.repeat(units.length - 1);
  key.secondary += mark;
  if (mark !== PLAIN) key.secondaryEnd = key.secondary.length;
  key.tertiary += units.length === 1 ? (upper ? UPPER : PLAIN) : (upper ? UPPER : PLAIN).repeat(units.length);
  if (upper) key.tertiaryEnd = key.tertiary.length;
}

/// A title's sort key: compare keys as plain strings (or SQLite TEXT with the BINARY collation).
export function titleSortKey(title: string): string {
  const s = title.normalize('NFKC');
  key.primary = key.secondary = key.tertiary = '';
  key.secondaryEnd = key.tertiaryEnd = 0;
  key.pendingBreak = false;

  for (let i = 0; i < s.length; i++) {
    if (isDigit(s.charCodeAt(i))) {
      let start = i;
      // Leading zeros say nothing of a number's value.
      while (s.charCodeAt(start) === 0x30 && isDigit(s.charCodeAt(start + 1))) start++;
      let end = start;
      while (isDigit(s.charCodeAt(end))) end++;
      push(String.fromCharCode(NUMBER_LENGTH + Math.min(end - start, MAX_NUMBER_LENGTH)) + s.slice(start, end), PLAIN, false);
      i = end - 1;
      continue;
    }
    const ch = charAt(s, i);
    const k = charKey(ch);
    i += ch.length - 1;
    switch (k.kind) {
      case Kind.Letter:
        // Uzbek oʻ and gʻ: the apostrophe belongs to the letter when a letter follows it.
        if (k.takesApostrophe && APOSTROPHES.has(s.charAt(i + 1)) && i + 2 < s.length && charKey(charAt(s, i + 2)).kind === Kind.Letter) {
          const w = WEIGHTS.get(`${ch.toLowerCase()}ʻ`)!;
          push(w.primary, w.secondary, k.upper);
          i++;
        } else {
          push(k.primary, k.secondary, k.upper);
        }
        break;
      case Kind.Mark:
        // A mark that did not combine with its letter: a difference at level 2 of that letter.
        if (key.secondary && !key.pendingBreak) {
          key.secondary = key.secondary.slice(0, -1) + ch.charAt(0);
          key.secondaryEnd = key.secondary.length;
        }
        break;
      case Kind.Break:
        key.pendingBreak = true;
        break;
      // Anything else (quotes, brackets, stops, symbols) is left out.
    }
  }

  return key.primary + LEVEL_END + key.secondary.slice(0, key.secondaryEnd) + LEVEL_END + key.tertiary.slice(0, key.tertiaryEnd);
}

/// The sort key of a path of names (a tag under its parents): each name's key in turn, so a
/// parent comes right before its children and siblings sort as titles do.
export function pathSortKey(path: readonly string[]): string {
  // U+0000 is below every unit a name's key holds: "Places" before "Places / Cities" before "Places2".
  return path.map(titleSortKey).join('\u0000');
}

/// Orders things named by a path (tags) alphabetically, each key computed once.
export function byPath<T>(items: readonly T[], pathOf: (item: T) => readonly string[]): T[] {
  const keyed = items.map((item) => ({ item, key: pathSortKey(pathOf(item)), raw: pathOf(item).join('\u0000') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0));
  return keyed.map((k) => k.item);
}
