// Which words count as forms of a query word. Uzbek and Kazakh add suffixes (Қозоғистон →
// Қозоғистонга, Қозоғистоннинг; Қазақстан → Қазақстанның), Russian swaps endings (Москва →
// Москве, Ташкент → Ташкенте). A word is a form of a query word when it is the query word's key
// followed by a chain of known suffixes of one language (or, for Russian, the query word's stem
// followed by one known ending). Checking real suffixes rather than any continuation keeps a
// short query from matching every longer word that happens to start the same way
// (`olma` must not find `Olmaota`).
//
// Suffixes are written below in their own script and folded with the same folder as the text,
// after a consonant and after a vowel (`е` reads `ye` after a vowel), so their keys can never
// drift from the index.

import { foldWord } from './fold.js';

/// Query words with keys shorter than this match their exact form only.
export const MIN_STEM_LENGTH = 4;
/// The longest suffix chain (in key characters) a form may carry.
export const MAX_SUFFIX_LENGTH = 16;
const MAX_CHAIN = 5;

const UZBEK = `лар им м инг нг и си имиз миз ингиз нгиз лари ни нинг га ка қа да та дан тан даги таги
  гача кача қача дай дек ча лик ли сиз чи ги ки қи роқ ми ку гина кина қина дир ган кан қан ди ти иш ш иб
  ади ади япти ётган ётир ил ин лаш лан ла моқ моқда моқчи ув в ар мас са сак ганда гани адиган диган
  ишга илди илган иши ларини ларда лардан ларга ларнинг у ю ям лай`;
const KAZAKH = `лар лер дар дер тар тер ның нің дың дің тың тің ға ге қа ке на не а е ны ні ды ді ты ті н
  да де та те нда нде дан ден тан тен нан нен мен бен пен ым ім м ың ің ң ы і сы сі мыз міз ымыз іміз
  ңыз ңіз ыңыз іңіз лық лік дық дік тық тік шы ші лы лі сыз сіз ғы гі қы кі дағы дегі тағы тегі ндағы
  ндегі ша ше дай дей тай тей ған ген қан кен ып іп п атын етін йтын йтін у уы уі ба бе па пе ма ме
  ған ай ей`;
const RUSSIAN = `а я у ю е о ы и ом ем ём ой ей ою ею ам ям ами ями ах ях ов ев ий ый ая яя ое ее ие ые ого
  его ому ему ую юю ым им ыми ими ых их ию ии ия ье ья ьи ью ьё ьем ьей ского скому ским ском ская ской
  скую ские ских скими ский ское`;
const ENGLISH = `s es ed ing`;
/// Endings a Russian word is typed with (nominative forms), replaced by the others in its forms:
/// Москва → Москве, Россия → России. Stems must keep MIN_RUSSIAN_STEM letters, so that short
/// Uzbek words ending alike are left alone.
const RUSSIAN_CITATION = `а я о е ий ый ой ая ое ие ые`;
const MIN_RUSSIAN_STEM = 5;

/// Suffix keys of one language, with the length of the longest.
interface SuffixSet {
  keys: Set<string>;
  maxLength: number;
  /// Whether suffixes may follow one another (agglutinative) or only one ends a word.
  chains: boolean;
}

function foldSuffixes(list: string, chains: boolean): SuffixSet {
  const keys = new Set<string>();
  for (const suffix of list.split(/\s+/).filter(Boolean)) {
    const latin = /^[a-z]+$/.test(suffix);
    const consonant = latin ? 'b' : 'б';
    const vowel = latin ? 'a' : 'а';
    for (const [stem, stemKey] of [
      [consonant + consonant, 'bb'],
      [vowel, 'a'],
    ] as const) {
      const { key } = foldWord(stem + suffix, 0, stem.length + suffix.length);
      if (key.startsWith(stemKey) && key.length > stemKey.length) keys.add(key.slice(stemKey.length));
    }
  }
  let maxLength = 0;
  for (const k of keys) maxLength = Math.max(maxLength, k.length);
  return { keys, maxLength, chains };
}

const UZBEK_SET = foldSuffixes(UZBEK, true);
const KAZAKH_SET = foldSuffixes(KAZAKH, true);
const RUSSIAN_SET = foldSuffixes(RUSSIAN, false);
const ENGLISH_SET = foldSuffixes(ENGLISH, false);
const RUSSIAN_CITATION_SET = foldSuffixes(RUSSIAN_CITATION, false);
const AGGLUTINATIVE = [UZBEK_SET, KAZAKH_SET];
const ALL = [UZBEK_SET, KAZAKH_SET, RUSSIAN_SET, ENGLISH_SET];

/// One way a word may be written: a stem and the suffixes that may follow it.
export interface Stem {
  stem: string;
  sets: readonly SuffixSet[];
  /// A stem that is not itself a word (Москв-, юраг-) needs a suffix.
  needsSuffix: boolean;
}

/// The stems of a query word's key: the key itself; for Russian-looking endings the stem
/// without them; for Uzbek/Kazakh final k/q/p the voiced stem their suffixes bring (юрак → юраги,
/// қишлоқ → қишлоғи, кітап → кітабы).
export function stemsOf(key: string): Stem[] {
  if (key.length < MIN_STEM_LENGTH || !/[a-z]/.test(key)) return [{ stem: key, sets: [], needsSuffix: false }];
  const stems: Stem[] = [{ stem: key, sets: ALL, needsSuffix: false }];
  for (let cut = Math.min(RUSSIAN_CITATION_SET.maxLength, key.length - MIN_RUSSIAN_STEM); cut >= 1; cut--) {
    if (RUSSIAN_CITATION_SET.keys.has(key.slice(-cut))) {
      stems.push({ stem: key.slice(0, -cut), sets: [RUSSIAN_SET], needsSuffix: true });
      break;
    }
  }
  const last = key[key.length - 1];
  const voiced = last === 'k' ? 'g' : last === 'q' ? 'g1' : last === 'p' ? 'b' : undefined;
  if (voiced) stems.push({ stem: key.slice(0, -1) + voiced, sets: AGGLUTINATIVE, needsSuffix: true });
  return stems;
}

function isChain(suffix: string, set: SuffixSet): boolean {
  if (!set.chains) return set.keys.has(suffix);
  // reach[i]: the fewest suffixes that spell suffix[0, i).
  const n = suffix.length;
  const reach = new Array<number>(n + 1).fill(Infinity);
  reach[0] = 0;
  for (let i = 0; i < n; i++) {
    if (reach[i] >= MAX_CHAIN) continue;
    for (let len = 1; len <= set.maxLength && i + len <= n; len++) {
      if (reach[i] + 1 < reach[i + len] && set.keys.has(suffix.slice(i, i + len))) reach[i + len] = reach[i] + 1;
    }
  }
  return reach[n] <= MAX_CHAIN;
}

/// Whether a word's key is a form of the stem: the stem itself or the stem plus known suffixes.
export function isFormOfStem(stem: Stem, key: string): boolean {
  if (!key.startsWith(stem.stem)) return false;
  const suffix = key.slice(stem.stem.length);
  if (suffix.length === 0) return !stem.needsSuffix;
  if (suffix.length > MAX_SUFFIX_LENGTH) return false;
  for (const set of stem.sets) if (isChain(suffix, set)) return true;
  return false;
}

/// Whether `key` is a form of any of `stems`.
export function isFormOf(stems: readonly Stem[], key: string): boolean {
  for (const s of stems) if (isFormOfStem(s, key)) return true;
  return false;
}
