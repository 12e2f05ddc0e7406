import { readFileSync, readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chooseSingleByte, decodeBytes, normaliseDecoded } from './index.js';
import { ICONV_NAME, type EncodingName } from './encodings.js';
import { declaredCharset } from './declared.js';

const corpus = new URL('../../../../../shared/corpus/', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, corpus));

// ENCODINGS.tsv: file, encoding as the corpus names it, origin ("converted from ru/x.txt").
const table = read('encodings/ENCODINGS.tsv').toString('utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const CANONICAL: Record<string, string> = {
  'windows-1251': 'windows-1251', cp1251: 'windows-1251', 'koi8-r': 'koi8-r', koi8_r: 'koi8-r', cp866: 'ibm866', 'cp866-crlf': 'ibm866',
  'mac-cyrillic': 'x-mac-cyrillic', 'iso-8859-5': 'iso-8859-5', 'kz1048-crlf': 'kz-1048', ptcp154: 'ptcp154',
  'utf-16 (LE, BOM)': 'utf-16le', 'utf-16 (BE, BOM)': 'utf-16be', 'utf-16-le-bom-crlf': 'utf-16le', 'utf-16-be-bom': 'utf-16be',
  'utf-8-bom-crlf': 'utf-8', 'utf-16-le-bom': 'utf-16le',
};

describe('the encodings corpus', () => {
  it('lists every file in the folder', () => {
    const listed = new Set(table.map((r) => r[0]));
    for (const sub of ['real', 'converted']) for (const f of readdirSync(new URL(`encodings/${sub}/`, corpus))) expect(listed.has(`encodings/${sub}/${f}`)).toBe(true);
  });

  for (const [file, label, origin] of table) {
    it(`${file} decodes as ${CANONICAL[label]}`, () => {
      const d = decodeBytes(read(file));
      expect(d.encoding).toBe(CANONICAL[label]);
      const text = normaliseDecoded(d.text);
      const converted = /^converted from (.+)$/.exec(origin);
      if (converted) {
        // Must equal the UTF-8 original after line-end normalisation.
        expect(text).toBe(read(converted[1]).toString('utf8'));
      } else if (file.endsWith('.xml')) {
        expect(text).toContain('<title>В Турции психически нездоровый мужчина взорвал хлопушку в здании Минюста</title>');
        expect(text).toContain('<category>В России</category>');
        expect(text).not.toMatch(/[\u0080-\u009f\ufffd]/);
      } else if (file.endsWith('.html')) {
        expect(text).toContain('МОСКВА, 9 янв - РИА Новости.');
        expect(text).toContain('международной мониторинговой экспертной комиссии с участием представителей "Газпрома"');
      } else {
        expect(text).toContain('About 2 months ago I found myself on\nthe comment section of YouTube');
      }
    });
  }

  it('byte statistics alone agree with every real feed\'s XML declaration', () => {
    for (const [file] of table.filter((r) => r[0].endsWith('.xml'))) {
      const bytes = read(file);
      const declared = declaredCharset(bytes);
      expect(declared?.where).toBe('xml');
      expect(chooseSingleByte(bytes, null)).toBe(declared!.encoding);
    }
  });
});

describe('single-byte detection on re-encoded corpus articles', () => {
  // Every article that the code page can represent, re-encoded; the decoded text must be the
  // original (encodings that agree on all its letters may both be right).
  const cases: Array<[string, EncodingName[], number]> = [
    ['kk', ['ptcp154', 'kz-1048'], 0.99],
    ['uz-cyrl', ['ptcp154'], 1],
    ['ru', ['windows-1251', 'koi8-r', 'ibm866', 'x-mac-cyrillic', 'iso-8859-5'], 0.995],
  ];
  for (const [folder, encodings, target] of cases) {
    for (const enc of encodings) {
      it(`${folder} in ${enc}: at least ${target * 100}% decode exactly`, () => {
        const files = readdirSync(new URL(`${folder}/`, corpus)).filter((_, i) => folder !== 'ru' || i % 4 === 0);
        let n = 0;
        let right = 0;
        for (const f of files) {
          const original = read(`${folder}/${f}`).toString('utf8');
          const bytes = iconv.encode(original, ICONV_NAME[enc]);
          if (iconv.decode(bytes, ICONV_NAME[enc]) !== original) continue; // not representable
          n++;
          if (decodeBytes(bytes).text === original) right++;
        }
        expect(n).toBeGreaterThan(40);
        expect(right / n).toBeGreaterThanOrEqual(target);
      });
    }
  }
});

describe('decoding rules', () => {
  const cyr = 'Президент Башкирии Муртаза Рахимов в очередной раз решил поменять главу своей администрации.';

  it('a wrong declared charset loses to the bytes; a right one wins ties', () => {
    const koi = iconv.encode(`<html><head><meta charset="windows-1251"></head><body><p>${cyr}</p></body></html>`, 'koi8-r');
    expect(decodeBytes(koi).encoding).toBe('koi8-r');
    const pt = iconv.encode(`<?xml version="1.0" encoding="PTCP154"?><rss><channel><title>${cyr}</title></channel></rss>`, 'pt154');
    expect(decodeBytes(pt).encoding).toBe('ptcp154'); // identical to cp1251 for Russian: the declaration decides
    const mislabelled = iconv.encode(`<meta charset="iso-8859-1"><p>${cyr}</p>`, 'cp1251');
    expect(decodeBytes(mislabelled).encoding).toBe('windows-1251');
  });

  it('valid UTF-8 is read as UTF-8 whatever the page declares', () => {
    const d = decodeBytes(Buffer.from(`<meta charset="windows-1251"><p>${cyr}</p>`, 'utf8'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain(cyr);
  });

  it('Western text falls back to windows-1252', () => {
    const d = decodeBytes(iconv.encode('Café au lait, crème brûlée et déjà vu à Genève.', 'cp1252'));
    expect(d).toEqual({ encoding: 'windows-1252', text: 'Café au lait, crème brûlée et déjà vu à Genève.' });
  });

  it('UTF-16 without a BOM is recognised by its NUL pattern', () => {
    const text = 'Plain English subtitles, no byte order mark here.';
    expect(decodeBytes(Buffer.from(text, 'utf16le'))).toEqual({ encoding: 'utf-16le', text });
    expect(decodeBytes(Buffer.from(text, 'utf16le').swap16())).toEqual({ encoding: 'utf-16be', text });
  });

  it('a page declaring UTF-8 whose bytes are not UTF-8 is decoded by detection', () => {
    const page = read('encodings/real/windows-1251-russian___chromium_windows-1251_with_no_encoding_specified.html');
    const original = iconv.decode(page, 'cp1251');
    const mislabelled = Buffer.from(page.toString('latin1').replace('<head>', '<head><meta charset="utf-8">'), 'latin1');
    const d = decodeBytes(mislabelled);
    expect(d.encoding).toBe('windows-1251');
    expect(d.text).toBe(original.replace('<head>', '<head><meta charset="utf-8">'));
    expect(d.text).toContain('МОСКВА, 9 янв - РИА Новости.');
    // Still UTF-8 when the bytes are: the same page re-encoded keeps its declaration.
    const utf8 = Buffer.from(d.text, 'utf8');
    expect(decodeBytes(utf8)).toEqual({ encoding: 'utf-8', text: d.text });
  });

  it('Cyrillic UTF-16 without a BOM is recognised by its script-block high bytes, both byte orders', () => {
    const files = [
      ...readdirSync(new URL('ru/', corpus)).slice(0, 20).map((f) => `ru/${f}`),
      ...readdirSync(new URL('uz-cyrl/', corpus)).slice(0, 5).map((f) => `uz-cyrl/${f}`),
      ...readdirSync(new URL('kk/', corpus)).slice(0, 5).map((f) => `kk/${f}`),
    ];
    for (const f of files) {
      const text = read(f).toString('utf8');
      expect(decodeBytes(Buffer.from(text, 'utf16le'))).toEqual({ encoding: 'utf-16le', text });
      expect(decodeBytes(Buffer.from(text, 'utf16le').swap16())).toEqual({ encoding: 'utf-16be', text });
    }
  });

  it('binary files are still refused, not taken for BOM-less UTF-16', () => {
    const png = readFileSync(new URL('../../../../resources/icons/png/64x64.png', import.meta.url));
    expect(() => decodeBytes(png)).toThrow(/^binary file/);
    // Without its signature the body is compressed data, much like random bytes.
    expect(() => decodeBytes(png.subarray(8))).toThrow(/^binary file/);
    let seed = 12345;
    for (let k = 0; k < 50; k++) {
      const noise = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
      expect(() => decodeBytes(noise)).toThrow(/^binary file/);
    }
    // High bytes of one script block are not enough: here every fifth unit is a control character.
    const fake = new Uint8Array(4096);
    for (let k = 0; k < 2048; k++) fake.set(k % 5 === 0 ? [1 + (k % 7), 0] : [0x10 + (k % 48), 0x04], 2 * k);
    expect(() => decodeBytes(fake)).toThrow(/^binary file/);
  });

  it('normalises line ends and composes to NFC', () => {
    expect(normaliseDecoded('a\r\nb\rc\u2028d\u0085e и\u0306')).toBe('a\nb\nc\nd\ne й');
  });
});

describe('broken input', () => {
  const utf8 = Buffer.from('Ўзбекистон Республикаси Президенти қарори', 'utf8');
  it('empty', () => expect(() => decodeBytes(new Uint8Array(0))).toThrow(/^empty file$/));
  it('invalid UTF-8 in a UTF-8 file names the byte', () => {
    const bad = Buffer.concat([utf8.subarray(0, 10), Buffer.from([0xff]), utf8.subarray(10)]);
    expect(() => decodeBytes(bad)).toThrow(/^invalid UTF-8 at byte 10\b/);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bad]);
    expect(() => decodeBytes(bom)).toThrow(/^invalid UTF-8 at byte 13$/);
  });
  it('UTF-8 cut inside a character', () => {
    expect(() => decodeBytes(utf8.subarray(0, utf8.length - 1))).toThrow(/^truncated UTF-8: the file ends inside a character \(byte \d+\)$/);
  });
  it('UTF-16 with an odd byte count or cut inside a surrogate pair', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Салом 😀', 'utf16le')]);
    expect(() => decodeBytes(le.subarray(0, le.length - 1))).toThrow(/^truncated UTF-16/);
    expect(() => decodeBytes(le.subarray(0, le.length - 2))).toThrow(/^truncated UTF-16: the file ends inside a character$/);
    const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x41, 0, 0x00, 0xdc, 0x42, 0])]);
    expect(() => decodeBytes(lone)).toThrow(/^invalid UTF-16 at byte 4: unpaired surrogate$/);
  });
  it('binary: NUL bytes, control characters, known signatures', () => {
    expect(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toThrow(/binary file \(not text\): looks like a PNG image/);
    expect(() => decodeBytes(Buffer.from('PK\x03\x04rest', 'latin1'))).toThrow(/ZIP archive/);
    const controls = Buffer.alloc(400, 0x41);
    for (let i = 0; i < 400; i += 20) controls[i] = 0x02;
    expect(() => decodeBytes(controls)).toThrow(/binary file \(not text\): 20 control characters/);
    expect(() => decodeBytes(Buffer.from('text\0more'))).toThrow(/NUL byte at byte 4/);
  });
});
