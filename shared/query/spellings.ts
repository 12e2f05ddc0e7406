// Other spellings of one name. Russian and Kazakh names reach English and Kazakh Latin text
// through several transliterations: Зеленский is Zelensky in the news, Сергей is Sergei,
// Тоқаев is Toqaev in the 2021 Kazakh alphabet and Tokayev in English. The index folds Cyrillic
// й, е after a vowel and ий by one rule (y, ye, iy), so a word typed in either script also tries
// the spelling written the other common way. These rules rewrite folded keys (lower-case ASCII,
// with digits marking letters such as ä → a1), so they serve a word typed in any script.

/// A vowel of a key: a plain vowel letter, or one with a digit that marks its Kazakh or Uzbek
/// variant (a1 for ә/ä, o1 for ө/ö, u1 and u2 for ұ/ū and ү/ü).
const V = '[aeiou][12]?';

/// From a spelling as English and Kazakh Latin write it to the key Cyrillic text folds to.
const TO_CYRILLIC_KEY: ReadonlyArray<[RegExp, string]> = [
  // е after a vowel reads ye: Nazarbaev, Toqaev, Dostoevsky → …ayev, …oyev.
  [new RegExp(`(${V})e`, 'g'), '$1ye'],
  // й after a vowel is y, where English often writes i: Sergei, Nikolai, Shoigu.
  [new RegExp(`(${V})i(?![aeiou])`, 'g'), '$1y'],
  // -ий at the end is iy, where English writes -y: Zelensky, Dmitry (-i, as in Yuri, only for
  // a name typed with its capital: Uzbek words end in -i by the hundred).
  [/([^aeiouy12])y$/, '$1iy'],
  // -ия at the end is iya (Maria), ья inside a word ya (Tatiana).
  [/ia$/, 'iya'],
  [/([^aeiou12])ia(?=.)/g, '$1ya'],
];

/// From the key of a Cyrillic spelling to the common English and Kazakh Latin one.
const FROM_CYRILLIC_KEY: ReadonlyArray<[RegExp, string]> = [
  [/iy$/, 'y'],
  [new RegExp(`(${V})y(?![aeiou])`, 'g'), '$1i'],
  [new RegExp(`(${V})ye`, 'g'), '$1e'],
];

const ASCII_KEY = /^[a-z0-9]+$/;
const LATIN_X = /x/g;
const NAME = /^\p{Lu}\p{Ll}/u;
const FINAL_I = /([^aeiouy12])i$/;

function rewrite(key: string, rules: ReadonlyArray<[RegExp, string]>): string {
  let out = key;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}

/// The keys a word with folded key `key`, typed as `typed`, may also be spelled with elsewhere
/// (not `key` itself; empty for words outside Latin and Cyrillic).
export function otherSpellings(typed: string, key: string): string[] {
  if (!ASCII_KEY.test(key)) return [];
  const out: string[] = [];
  const add = (k: string) => {
    if (k !== key && k.length > 0 && !out.includes(k)) out.push(k);
  };
  // x typed in Latin is ks in an English spelling (Alexei); the x of a key that came from х or
  // kh is left alone.
  if (/x/i.test(typed)) add(rewrite(key.replace(LATIN_X, 'ks'), TO_CYRILLIC_KEY));
  add(rewrite(key, TO_CYRILLIC_KEY));
  if (NAME.test(typed)) add(rewrite(key.replace(FINAL_I, '$1iy'), TO_CYRILLIC_KEY));
  add(rewrite(key, FROM_CYRILLIC_KEY));
  return out;
}
