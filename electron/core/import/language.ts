// Language and script of an article's text, from letter evidence and function words.
//
// The script is the majority of Cyrillic or Latin letters (URLs and e-mail addresses left out:
// Russian Telegram posts carry long Latin links). Within Cyrillic:
//   - Kazakh-only letters ә ө ү ұ і ң һ (and a Latin i inside a Cyrillic word, a common
//     stand-in for і), Uzbek-only letters ў ҳ, and қ ғ which both share;
//   - frequent function words of Russian, Kazakh and Uzbek;
//   - ы, which Kazakh and Russian use all the time and Uzbek almost never.
// Within Latin: Uzbek oʻ/gʻ (written with ʻ ‘ ’ ' or `), the "new Latin" letters ō ḡ ş ç, q not
// followed by u, and function words of Uzbek and English.
// Only the first part of a long text is read: the answer is settled well before.

/// Result of language detection: a BCP 47-style tag and an ISO 15924 script code.
export interface DetectedLanguage {
  /// 'uz-Cyrl', 'uz-Latn', 'kk', 'ru', 'en', or 'und' when the text does not tell.
  lang: string;
  /// 'Cyrl', 'Latn', or 'Zyyy' when the text has no letters.
  script: string;
}

/// How many characters are examined at most: a few paragraphs tell the language as well as a
/// whole article, and detection runs for every article imported.
const SAMPLE_CHARS = 1500;

/// Links and addresses say nothing of the text's language (and Telegram posts are full of them).
function withoutLinks(text: string): string {
  if (!text.includes('@') && !text.includes('http') && !text.includes('www.')) return text;
  return text.replace(/\b(?:https?:\/\/|www\.)\S+|[^\s@]+@[^\s@]+\.\w+/g, ' ');
}

const RU_WORDS = new Set(
  'и в не на что с по это как к а из за от для о у же так но его он она они был была было были быть при также года году который которые которая которых после до со уже ещё еще только или если чтобы мы вы их ее её том этом этого может будет более во об всех время когда где так себя просто этот эта эти'.split(' '),
);
const KK_WORDS = new Set(
  'мен және бұл деп да де ма ме бес он жиырма отыз жүз мың үшін бойынша бар жоқ осы ол біз сол тағы еді болып арқылы қазір жыл жылы туралы оның керек емес ретінде әрі екі үш қала ел елде елдің бірақ барлық сондай соң кейін дейін қатысты бүгін өз өзі бар'.split(' '),
);
const UZ_CYRL_WORDS = new Set(
  'ва билан бу учун ҳам деб эса бўлган экан эди ҳақида кўра лекин аммо шу унинг бўлиб қилиб йил йилда ўз ёки бирга ҳар бошқа қилинган бўйича мумкин керак эмас орқали тўғрисида'.split(' '),
);
const UZ_LATN_WORDS = new Set(
  'va bilan bu uchun ham deb esa bo‘lgan ekan edi haqida ko‘ra lekin ammo shu uning bo‘lib qilib yil yilda o‘z yoki birga har boshqa qilingan bo‘yicha mumkin kerak emas orqali to‘g‘risida bir ushbu hamda'.split(' '),
);
const EN_WORDS = new Set(
  'the and of to in is for that said it on was with by at as from be its has have are will an this which not or were would but had been their they we he she after year mln pct dlrs vs cts div net shr shrs qtr qtly revs avg inc corp co ltd pay record prior sets payout company share shares quarter income fund'.split(' '),
);

// Apostrophe-like marks Uzbek Latin writes oʻ/gʻ with.
const OKINA = new Set([0x2bb, 0x2018, 0x2019, 0x27, 0x60, 0x2bc, 0xb4]);

function isCyrillic(c: number): boolean {
  return c >= 0x400 && c <= 0x52f;
}

function isLatin(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

/// Detect the language and script of a text. Works on a single sentence; returns
/// { lang: 'und', script: 'Zyyy' } for text without letters.
export function detectLanguage(text: string): DetectedLanguage {
  const sample = withoutLinks(text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text);
  let cyr = 0;
  let lat = 0;
  let kkOnly = 0;
  let uzOnly = 0;
  let shared = 0;
  let yery = 0;
  let okina = 0;
  let newLatin = 0;
  let qNotU = 0;
  let th = 0;
  let ruWords = 0;
  let kkWords = 0;
  let uzCyrlWords = 0;
  let uzLatnWords = 0;
  let enWords = 0;
  const n = sample.length;
  let i = 0;
  while (i < n) {
    const c = sample.charCodeAt(i);
    if (!isCyrillic(c) && !isLatin(c)) {
      i++;
      continue;
    }
    // One word: letters, plus an apostrophe between letters (Uzbek oʻ, English it's).
    const start = i;
    let wordCyr = 0;
    let wordLat = 0;
    while (i < n) {
      const d = sample.charCodeAt(i);
      if (isCyrillic(d)) wordCyr++;
      else if (isLatin(d)) wordLat++;
      else if (OKINA.has(d) && i + 1 < n && isLatin(sample.charCodeAt(i + 1)) && i > start) {
        const prev = sample.charCodeAt(i - 1) | 0x20;
        if (prev === 0x6f || prev === 0x67) okina++; // oʻ gʻ
      } else break;
      i++;
    }
    cyr += wordCyr;
    lat += wordLat;
    const word = sample.slice(start, i).toLowerCase();
    for (let k = 0; k < word.length; k++) {
      const d = word.charCodeAt(k);
      switch (d) {
        case 0x4d9: case 0x4e9: case 0x4af: case 0x4b1: case 0x456: case 0x4a3: case 0x4bb:
          kkOnly++;
          break;
        case 0x45e: case 0x4b3:
          uzOnly++;
          break;
        case 0x49b: case 0x493:
          shared++;
          break;
        case 0x44b:
          yery++;
          break;
        case 0x69: // Latin i standing for Kazakh і inside a Cyrillic word
          if (wordCyr > 0) kkOnly++;
          break;
        case 0x74:
          if (word.charCodeAt(k + 1) === 0x68) th++;
          break;
        case 0x14d: case 0x1e21: case 0x15f: case 0xe7:
          newLatin++;
          break;
        case 0x71: {
          // Uzbek q comes before a vowel (qilib, haqida, qadar); English q before u, or in
          // abbreviations (Qtly, QTR).
          const next = word.charCodeAt(k + 1);
          if (next === 0x61 || next === 0x69 || next === 0x6f || next === 0x65) qNotU++;
          break;
        }
      }
    }
    if (wordCyr > 0) {
      if (RU_WORDS.has(word)) ruWords++;
      if (KK_WORDS.has(word)) kkWords++;
      if (UZ_CYRL_WORDS.has(word)) uzCyrlWords++;
    } else {
      const folded = word.replace(/[ʻ’'`ʼ´]/g, '‘');
      if (UZ_LATN_WORDS.has(folded)) uzLatnWords++;
      if (EN_WORDS.has(word)) enWords++;
    }
  }
  if (cyr === 0 && lat === 0) return { lang: 'und', script: 'Zyyy' };
  if (cyr >= lat) {
    // Russian has none of the Kazakh/Uzbek letters; a Russian text quoting a local name has
    // few of them beside many Russian function words.
    const kk = 3 * kkOnly + 2 * kkWords;
    const uz = 3 * uzOnly + 2 * uzCyrlWords;
    const turkic = kk + uz + 2 * shared;
    const ru = 2 * ruWords + 0.02 * cyr;
    if (turkic === 0 && ru === 0) return { lang: 'und', script: 'Cyrl' };
    if (ru >= turkic) return { lang: 'ru', script: 'Cyrl' };
    // Uzbek Cyrillic has no ы; Kazakh uses it constantly.
    return { lang: kk + 0.5 * yery >= uz ? 'kk' : 'uz-Cyrl', script: 'Cyrl' };
  }
  const uz = 3 * okina + 3 * newLatin + 1.5 * qNotU + 2 * uzLatnWords;
  const en = 2 * enWords + 0.5 * th;
  if (uz === 0 && en === 0) return { lang: 'und', script: 'Latn' };
  return { lang: uz > en ? 'uz-Latn' : 'en', script: 'Latn' };
}
