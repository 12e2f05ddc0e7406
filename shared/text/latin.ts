// Latin letters → folded keys. Plain a–z stand for themselves; letters with diacritics lose them,
// except the ones that are letters of their own in the alphabets Qalam folds together:
// Uzbek "new Latin" (ō ḡ ş ç), the Kazakh 2021 alphabet (ä ö ü ū ı ğ ñ ş) and the scholarly
// transliteration of Russian (č š ž). Their keys are those of the Cyrillic letters they write.

/// Lower-case Latin letters whose key is not simply the letter without its diacritics.
export const LATIN_KEYS: Readonly<Record<string, string>> = {
  // Uzbek new Latin; ŏ is an older way to write oʻ, ǵ the 2018/2019 proposals' gʻ
  ō: 'o1', ŏ: 'o1', ḡ: 'g1', ǵ: 'g1', ş: 'sh', ș: 'sh', ç: 'ch',
  // Kazakh 2021
  ä: 'a1', ö: 'o2', ü: 'u2', ū: 'u1', ı: 'i', ğ: 'g1', ñ: 'ng',
  // Russian transliteration (ISO 9 / scholarly), other ligatures
  č: 'ch', š: 'sh', ž: 'j', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ð: 'd', þ: 'th', ł: 'l', đ: 'd', ħ: 'h', ŋ: 'ng',
  // `İ`.toLowerCase() is i + a combining dot; the dot means nothing here
  i̇: 'i',
};

/// Letters that mark a word as Kazakh 2021 Latin: in such words `i` after a vowel is й and `h` is х.
export const KAZAKH_LATIN_MARKERS = new Set('äöüūığñÄÖÜŪİĞÑ'.split(''));
