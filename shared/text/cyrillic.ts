// Cyrillic letters → folded Latin keys. One table serves Uzbek, Kazakh and Russian (and the
// common Ukrainian/Belarusian letters): a word's language is not known when it is folded, so
// every letter gets the key of the Latin spelling its languages share.
//
// Uzbek follows the 1995 Latin alphabet (../shared/corpus/translit/uz-cyrl-latn.tsv): қ→q, ҳ→h,
// х→x, ш→sh, ч→ch, ж→j, й→y, ё/ю/я→yo/yu/ya. Letters written with an apostrophe in Latin
// (ў = oʻ, ғ = gʻ) get a digit instead of the apostrophe (`o1`, `g1`): the index tokenizer keeps
// digits inside a word, and no ordinary word holds them.
//
// Kazakh follows the 2021 Latin alphabet where it does not clash with Uzbek: ә→ä, ө→ö, ү→ü, ұ→ū
// (keys a1 o2 u2 u1), ң→ñ (key ng, as people write it without the tilde), ғ→ğ (g1, the same
// letter as Uzbek gʻ), і→ı and ы→y. Russian gets the common English-style spellings
// (Путин→putin, Москва→moskva, Хабаровск→khabarovsk; `kh` folds to `x`, `zh` to `j`).
//
// Letters that tell words apart stay apart: й/и (y/i), ў/у (o1/u), қ/к (q/k), ғ/г (g1/g), ҳ/х (h/x).

/// Lower-case Cyrillic letter → key. `е` and `ц` have context rules in fold.ts.
export const CYRILLIC_KEYS: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'x', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Uzbek
  ў: 'o1', қ: 'q', ғ: 'g1', ҳ: 'h',
  // Kazakh
  ә: 'a1', ө: 'o2', ү: 'u2', ұ: 'u1', і: 'i', ң: 'ng', һ: 'h',
  // Ukrainian, Belarusian, Serbian/Macedonian letters met in news text
  є: 'ye', ї: 'yi', ґ: 'g', ј: 'j', ѕ: 'dz', љ: 'lj', њ: 'nj', ђ: 'dj', ћ: 'ch', џ: 'dj', ѓ: 'g', ќ: 'k',
  // Tajik and Kyrgyz letters that share a sound with the ones above
  ӣ: 'i', ӯ: 'u1', ҷ: 'j'
};

/// Cyrillic vowels (and the signs ъ ь): `е` after one of these, or at the start of a word, is `ye`.
export const CYRILLIC_YE_CONTEXT = new Set('аеёиоуыэюяўәөүұіъьєї'.split(''));
