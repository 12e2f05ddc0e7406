import iconv from 'iconv-lite';
import { CYRILLIC_SINGLE_BYTE, ICONV_NAME, type EncodingName } from './encodings.js';

// Choosing among single-byte Cyrillic code pages. ASCII is the same in all of them, so only
// bytes 0x80–0xFF are scored: each decodes, under each candidate, to a character whose
// log-probability in running Russian/Kazakh/Uzbek text is summed. The right code page turns
// those bytes into frequent lower-case letters; a wrong one into capitals (KOI8-R read as
// cp1251 inverts the case), box-drawing characters, rare Serbian/Ukrainian letters or symbols.
// A lower-case letter followed by a capital inside a word costs extra (the case pattern of a
// mis-decoded text).

// Letter frequencies in running text, per mille: Russian letters from the usual tables,
// Kazakh and Uzbek letters at the rates they have in this project's corpus (roughly).
const LOWER_PER_MILLE: Record<string, number> = {
  о: 110, е: 85, а: 80, и: 74, н: 67, т: 63, с: 55, р: 47, в: 45, л: 44, к: 35, м: 32, д: 30, п: 28,
  у: 26, я: 20, ы: 19, ь: 17, г: 17, з: 16, б: 16, ч: 14, й: 12, х: 10, ж: 9, ш: 7, ю: 6, ц: 5, щ: 4,
  э: 3, ф: 3, ё: 2, ъ: 0.4,
  // Kazakh
  і: 25, қ: 20, ә: 15, ұ: 10, ү: 10, ң: 10, ө: 7, ғ: 7, һ: 0.3,
  // Uzbek
  ў: 12, ҳ: 7,
};
const UPPER_SHARE = 0.08;
// Punctuation that legacy Cyrillic texts really contain above 0x7F.
const PUNCT_PER_MILLE: Record<string, number> = {
  '«': 3, '»': 3, '—': 3, '–': 2, '“': 2, '”': 2, '„': 1, '…': 1, '№': 0.5, '\u00a0': 3, '’': 1, '‘': 0.5,
  '°': 0.2, '©': 0.1, '·': 0.1, '•': 0.2, '§': 0.1, '±': 0.05, '®': 0.05, '™': 0.05, '\u00ad': 0.05,
};
const RARE_LETTER = 0.00005;
const JUNK = 0.000001;
// A capital right after a lower-case letter (the case inversion of a mis-decoded text).
const CASE_FLIP = Math.log(0.01);
// A lower-case letter right after a dash, closing quote or symbol: a capital that a wrong
// code page turned into punctuation ("—толичные" for "Столичные").
const LOWER_AFTER_SYMBOL = Math.log(0.02);
// A Kazakh front vowel ә ө ү right beside a back vowel а о ұ ы breaks vowel harmony:
// KZ-1048's ғ read as PTCP154 gives "жоәары" for "жоғары".
const DISHARMONY = Math.log(0.05);
// Kazakh-only letters (ә ө ү ұ ң һ і) and Uzbek-only letters (ў ҳ) in one text: each letter of
// the rarer side costs this.
const MIXED_ALPHABETS = Math.log(0.001);

const LOWER = 1, UPPER = 2, FRONT = 4, BACK = 8, KAZAKH = 16, UZBEK = 32, SYMBOL = 64;
const FRONT_VOWELS = 'әөү';
const BACK_VOWELS = 'аоұы';
const KAZAKH_ONLY = 'әөүұңһі';
const UZBEK_ONLY = 'ўҳ';
// Characters after which a lower-case letter is normal: opening quotes, no-break space, soft hyphen.
const OPENERS = '«“„‘\u00a0\u00ad';

interface Table {
  weight: Float64Array; // log-probability of byte 0x80+i
  flags: Uint8Array;
}

const tables = new Map<EncodingName, Table>();

function table(encoding: EncodingName): Table {
  let t = tables.get(encoding);
  if (t) return t;
  const high = new Uint8Array(128);
  for (let i = 0; i < 128; i++) high[i] = 0x80 + i;
  const chars = iconv.decode(Buffer.from(high), ICONV_NAME[encoding]);
  t = { weight: new Float64Array(128), flags: new Uint8Array(128) };
  for (let i = 0; i < 128; i++) {
    const ch = chars[i] ?? '\ufffd';
    const lower = ch.toLowerCase();
    const isLetter = /\p{L}/u.test(ch);
    let p: number;
    let f = 0;
    if (LOWER_PER_MILLE[ch] !== undefined) p = LOWER_PER_MILLE[ch] / 1000;
    else if (lower !== ch && LOWER_PER_MILLE[lower] !== undefined) p = (LOWER_PER_MILLE[lower] / 1000) * UPPER_SHARE;
    else if (PUNCT_PER_MILLE[ch] !== undefined) p = PUNCT_PER_MILLE[ch] / 1000;
    else if (/\p{Script=Cyrillic}/u.test(ch)) p = lower === ch ? RARE_LETTER : RARE_LETTER * UPPER_SHARE;
    else p = JUNK;
    if (isLetter) {
      f |= lower === ch ? LOWER : UPPER;
      if (FRONT_VOWELS.includes(lower)) f |= FRONT;
      if (KAZAKH_ONLY.includes(lower)) f |= KAZAKH;
      if (UZBEK_ONLY.includes(lower)) f |= UZBEK;
    } else if (!OPENERS.includes(ch)) f |= SYMBOL;
    t.weight[i] = Math.log(p);
    t.flags[i] = f;
  }
  tables.set(encoding, t);
  return t;
}

// Back vowels are in the ASCII-free Cyrillic range under every candidate, but at different
// bytes: look them up per table.
function backVowelBytes(encoding: EncodingName): Uint8Array {
  const t = table(encoding);
  let mask = backMasks.get(encoding);
  if (!mask) {
    mask = new Uint8Array(128);
    const high = new Uint8Array(128);
    for (let i = 0; i < 128; i++) high[i] = 0x80 + i;
    const chars = iconv.decode(Buffer.from(high), ICONV_NAME[encoding]);
    for (let i = 0; i < 128; i++) if (BACK_VOWELS.includes((chars[i] ?? '').toLowerCase())) mask[i] = 1;
    for (let i = 0; i < 128; i++) if (mask[i]) t.flags[i] |= BACK;
    backMasks.set(encoding, mask);
  }
  return mask;
}
const backMasks = new Map<EncodingName, Uint8Array>();

/// How many bytes are scored at most: plenty to decide, and keeps huge files fast.
const SAMPLE = 256 * 1024;

/// The log-likelihood of the bytes under one single-byte Cyrillic encoding (higher is likelier).
export function scoreCyrillic(bytes: Uint8Array, encoding: EncodingName): number {
  const t = table(encoding);
  backVowelBytes(encoding);
  const { weight, flags } = t;
  const n = Math.min(bytes.length, SAMPLE);
  let score = 0;
  let prev = 0;
  let kazakh = 0;
  let uzbek = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      prev = 0;
      continue;
    }
    const k = b - 0x80;
    const f = flags[k];
    score += weight[k];
    if (f & UPPER && prev & LOWER) score += CASE_FLIP;
    else if (f & LOWER && prev & SYMBOL) score += LOWER_AFTER_SYMBOL;
    if ((f & FRONT && prev & BACK) || (f & BACK && prev & FRONT)) score += DISHARMONY;
    if (f & KAZAKH) kazakh++;
    if (f & UZBEK) uzbek++;
    prev = f;
  }
  return score + Math.min(kazakh, uzbek) * MIXED_ALPHABETS;
}

/// Every candidate's score, best first (ties keep the order of preference).
export function rankCyrillic(bytes: Uint8Array): Array<{ encoding: EncodingName; score: number }> {
  const ranked = CYRILLIC_SINGLE_BYTE.map((encoding, order) => ({ encoding, score: scoreCyrillic(bytes, encoding), order }));
  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  return ranked.map(({ encoding, score }) => ({ encoding, score }));
}

/// True when most bytes above 0x7F touch an ASCII letter: accented letters inside Latin
/// words (a Western code page), not Cyrillic words, which are made of high bytes only.
export function looksLatinExtended(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let high = 0;
  let touching = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] < 0x80) continue;
    high++;
    if (isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[i + 1])) touching++;
  }
  return high > 0 && touching * 2 > high;
}

function isAsciiLetter(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}
