// Latin and Cyrillic letters that look alike. Real texts mix them inside one word by accident
// (`МОSKVА`, `Кazinform`, `Aстана`, `мемлекеттiк`, `ХVIII`); such a word is read in the script
// its other letters show, so that it folds like the word its writer meant.

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['A', 'А'], ['B', 'В'], ['C', 'С'], ['E', 'Е'], ['H', 'Н'], ['K', 'К'], ['M', 'М'], ['O', 'О'],
  ['P', 'Р'], ['T', 'Т'], ['X', 'Х'], ['Y', 'У'], ['I', 'І'], ['J', 'Ј'], ['S', 'Ѕ'],
  ['a', 'а'], ['c', 'с'], ['e', 'е'], ['o', 'о'], ['p', 'р'], ['x', 'х'], ['y', 'у'], ['i', 'і'],
  ['j', 'ј'], ['s', 'ѕ'], ['k', 'к'], ['h', 'һ'],
];

/// Latin letter → the Cyrillic letter it looks like.
export const LATIN_TO_CYRILLIC = new Map<number, number>(PAIRS.map(([l, c]) => [l.charCodeAt(0), c.charCodeAt(0)]));
/// Cyrillic letter → the Latin letter it looks like.
export const CYRILLIC_TO_LATIN = new Map<number, number>([
  ...PAIRS.map(([l, c]) => [c.charCodeAt(0), l.charCodeAt(0)] as [number, number]),
  ['Ү'.charCodeAt(0), 'Y'.charCodeAt(0)],
]);
