import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, ImportFileError, MAX_IMPORT_FILE_BYTES, parseFile } from './index.js';

const corpus = new URL('../../../../../shared/corpus/', import.meta.url);
const fixtures = new URL('./fixtures/', import.meta.url);
const read = (base: URL, rel: string) => readFileSync(new URL(rel, base));
const fixture = (name: string) => parseFile(read(fixtures, name), name);

describe('seed format on the corpus', () => {
  const folders = ['en', 'kk', 'ru', 'uz-cyrl', 'uz-latn', 'uz-latn-new'];
  const manifest = new Map(
    read(corpus, 'manifest.tsv').toString('utf8').trim().split('\n').slice(1).map((l) => {
      const c = l.split('\t');
      return [c[0], c[5]] as const;
    }),
  );
  it('reads every article file: header date and title, body lines as paragraphs', () => {
    const wrong: string[] = [];
    let files = 0;
    for (const folder of folders) {
      for (const f of readdirSync(new URL(folder + '/', corpus))) {
        const rel = `${folder}/${f}`;
        const bytes = read(corpus, rel);
        const parsed = parseFile(bytes, f);
        const lines = bytes.toString('utf8').split('\n');
        const expected = {
          encoding: 'utf-8',
          format: 'seed',
          articles: [
            {
              title: lines[0].replace(/^ ?date \d{4}-\d{2}-\d{2} /, '').trim().normalize('NFC'),
              date: manifest.get(rel),
              text: lines.slice(1).map((l) => l.trim()).filter(Boolean).join('\n').normalize('NFC'),
              source: null,
              url: null,
              lang: null,
            },
          ],
        };
        if (JSON.stringify(parsed) !== JSON.stringify(expected)) wrong.push(rel);
        files++;
      }
    }
    expect(files).toBeGreaterThan(11000);
    expect(wrong).toEqual([]);
  });

  it('keeps words as written: mixed-script tokens, NBSP and ‘ are not folded', () => {
    const a = parseFile(read(corpus, 'uz-latn/uzt-053.txt'), 'uzt-053.txt').articles[0];
    expect(a.title).toBe('Qozog‘istonga KXSHT qo‘shinlari kelib, o‘quv mashqlari o‘tkazadi');
    const withNbsp = readdirSync(new URL('ru/', corpus)).map((f) => read(corpus, `ru/${f}`).toString('utf8')).find((t) => /\S\u00a0\S/.test(t))!;
    const parsed = parseFile(Buffer.from(withNbsp, 'utf8'), 'x.txt').articles[0];
    expect(/\S\u00a0\S/.test(parsed.title + parsed.text)).toBe(true);
  });

  it('an impossible header date gives no date but keeps the title', () => {
    const a = parseFile(Buffer.from('date 2022-02-30 Title\nBody'), 'a.txt').articles[0];
    expect(a).toMatchObject({ title: 'Title', date: null, text: 'Body' });
  });
});

describe('plain text and Markdown', () => {
  it('plain text: first non-empty line is the title, blank lines dropped', () => {
    const p = fixture('note.txt');
    expect(p.format).toBe('text');
    expect(p.articles[0]).toMatchObject({ title: 'Заголовок заметки', text: 'Первый абзац заметки.\nВторой абзац.', date: null });
  });

  it('Markdown with front matter: title, date and language from it, markup stripped', () => {
    const p = fixture('article.md');
    expect(p.format).toBe('markdown');
    const a = p.articles[0];
    expect(a).toMatchObject({ title: 'Toshkentda yangi metro bekati ochildi', date: '2023-04-05', lang: 'uz-Latn' });
    expect(a.text.split('\n')).toEqual([
      'Kirish',
      'Poytaxtda yangi metro bekati ochildi. Bekat Yunusobod yo‘nalishida joylashgan.',
      'Tafsilotlar',
      'Uzunligi: 2 km',
      'Narxi: 1400 so‘m',
      'Yo‘lovchilar mamnun.',
      'kod qatori',
    ]);
  });

  it('Markdown with a setext heading', () => {
    const a = fixture('heading.md').articles[0];
    expect(a.title).toBe('Қозоғистонга КХШТ қўшинлари келади');
    expect(a.text).toBe('Коллектив хавфсизлик шартномаси ташкилотининг тезкор кучлари Қозоғистонда машқ ўтказади.\nБу ҳақда вазирлик маълум қилди.');
  });
});

describe('HTML', () => {
  it('reads title, date, site, URL, language and the article text only', () => {
    const p = fixture('article.html');
    expect(p.format).toBe('html');
    const a = p.articles[0];
    expect(a).toMatchObject({
      title: 'Госдума приняла закон о таможенном тарифе',
      date: '2008-11-21',
      source: 'Пример.ру',
      url: 'https://example.ru/news/1',
      lang: 'ru',
    });
    expect(a.text.split('\n')).toEqual([
      'Госдума приняла сегодня в\u00a0первом чтении поправки в закон «О таможенном тарифе».',
      'Поправки сокращают срок действия ставки экспортных пошлин на нефть',
      'с 2-х до 1-го месяца.',
      'Первый пункт',
      'Второй пункт',
    ]);
    for (const junk of ['Главная', 'Реклама', 'script text', 'color', 'подписаться', 'Отправить', '©']) expect(a.text).not.toContain(junk);
  });

  it('hostile HTML: no script, handler, URL or hidden content reaches the text', () => {
    const a = fixture('hostile.html').articles[0];
    expect(a.title).toBe('Hostile page');
    expect(a.text).toBe('Safe paragraph one.\nSafe link text\nSafe paragraph two.');
    expect(a.url).toBeNull();
  });

  it('survives nesting 100,000 levels deep, quickly, and keeps its text', () => {
    const html = '<html><body>' + '<div><span>'.repeat(50000) + 'deep text' + '</span></div>'.repeat(50000) + '<p>after</p></body></html>';
    const t = performance.now();
    const a = parseFile(Buffer.from(html), 'deep.html').articles[0];
    expect(performance.now() - t).toBeLessThan(3000);
    expect(a.text).toBe('deep text\nafter');
  });

  it('real legacy-encoded pages without a declared charset', () => {
    for (const f of ['KOI8-R___chromium_KOI8-R_with_no_encoding_specified.html', 'windows-1251-russian___chromium_windows-1251_with_no_encoding_specified.html']) {
      const p = parseFile(read(corpus, `encodings/real/${f}`), f);
      expect(p.format).toBe('html');
      expect(p.articles[0].text.startsWith('МОСКВА, 9 янв - РИА Новости. Надежды на разрешение в пятницу кризиса')).toBe(true);
    }
  });
});

describe('feeds', () => {
  const real = ['windows-1251-russian', 'KOI8-R', 'IBM866', 'MacCyrillic', 'iso-8859-5-russian'].map((p) => `${p}__newsru.com.xml`);
  it('real RSS 2.0 feeds in five legacy encodings give the same 30 articles', () => {
    const all = real.map((f) => parseFile(read(corpus, `encodings/real/${f}`), f));
    for (const p of all) {
      expect(p.format).toBe('feed');
      expect(p.articles).toHaveLength(30);
      expect(p.articles[0]).toMatchObject({
        title: 'В Турции психически нездоровый мужчина взорвал хлопушку в здании Минюста',
        date: '2006-01-03',
        url: 'http://www.newsru.com/world/03jan2006/ankara.html',
        source: 'NEWSru.com',
        lang: 'ru',
      });
      expect(p.articles[0].text.startsWith('Инцидент произошел на одном из этажей здания Минюста в Анкаре')).toBe(true);
      expect(p.articles).toEqual(all[0].articles);
    }
  });

  it('RSS 1.0 (RDF) with dc:date and content:encoded', () => {
    const p = fixture('rss1.rdf');
    expect(p.format).toBe('feed');
    expect(p.articles.map((a) => [a.title, a.date, a.url, a.source, a.lang, a.text])).toEqual([
      ['Облыс бойынша салық қарызы', '2022-03-23', 'https://example.kz/1', 'Қазақ жаңалықтары', 'kk', 'Облыс бойынша жалпы салық қарызы үш миллиард теңгені құрады.'],
      ['Екінші жаңалық', '2022-03-24', 'https://example.kz/2', 'Қазақ жаңалықтары', 'kk', 'Бірінші азатжол.\nЕкінші азатжол.'],
    ]);
  });

  it('Atom: alternate link, published date as written, escaped HTML content; javascript: links dropped', () => {
    const p = fixture('atom.xml');
    expect(p.articles[0]).toMatchObject({ title: 'Markets & rates', date: '2024-05-01', url: 'https://example.com/news/1', text: 'Stocks rose on Wednesday.\nBonds fell.', source: 'Example Wire', lang: 'en' });
    expect(p.articles[1]).toMatchObject({ title: 'Second entry', date: '2024-05-03', url: null, text: 'Only a summary here.' });
  });

  it('a feed without items and malformed XML are refused with a reason', () => {
    const empty = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>');
    expect(() => parseFile(empty, 'a.xml')).toThrow(/no articles in this feed/);
    const broken = Buffer.from('<?xml version="1.0"?>\n<rss version="2.0">\n<channel><item><title>x</item></channel></rss>');
    expect(() => parseFile(broken, 'b.xml')).toThrow(/malformed XML at line 3/);
  });
});

describe('JSON and NDJSON', () => {
  it('an array of objects with text/body/content and several date forms', () => {
    const p = fixture('articles.json');
    expect(p.format).toBe('json');
    expect(p.articles).toEqual([
      { title: 'Ўзбекистонда янги қонун', date: '2023-01-15', text: 'Биринчи хатбоши.\nИккинчи хатбоши.', url: 'https://example.uz/1', lang: 'uz-Cyrl', source: 'Example.uz' },
      { title: 'Second', date: '2006-01-03', text: 'Line one.\nLine two.', url: null, lang: null, source: null },
      { title: 'Third', date: null, text: 'Only content.', url: null, lang: null, source: null },
    ]);
  });

  it('NDJSON, blank lines allowed', () => {
    const p = fixture('articles.ndjson');
    expect(p.format).toBe('ndjson');
    expect(p.articles.map((a) => [a.title, a.date, a.text, a.lang])).toEqual([
      ['One', '2021-02-03', 'First text.', null],
      ['Two', null, 'Second text.', 'en'],
    ]);
  });

  it('malformed JSON names the line', () => {
    expect(() => fixture('broken.json')).toThrow(/^malformed JSON at line 3/);
    expect(() => fixture('broken.ndjson')).toThrow(/^malformed JSON at line 2/);
    expect(() => parseFile(Buffer.from('{"title": "x",'), 'x.json')).toThrow(/malformed JSON at line 1/);
  });

  it('JSON without articles or with non-objects is refused', () => {
    expect(() => parseFile(Buffer.from('[{"id": 1}]'), 'x.json')).toThrow(/no articles in this JSON/);
    expect(() => parseFile(Buffer.from('[{"title": "a", "text": "b"}, 5]'), 'x.json')).toThrow(/item 2 of the JSON array is not an object/);
  });
});

describe('subtitles', () => {
  it('real UTF-16 .srt files decode to the same text, cue numbers and timings dropped', () => {
    const le = parseFile(read(corpus, 'encodings/real/UTF-16__bom-utf-16-le.srt'), 'UTF-16__bom-utf-16-le.srt');
    const be = parseFile(read(corpus, 'encodings/real/UTF-16__bom-utf-16-be.srt'), 'UTF-16__bom-utf-16-be.srt');
    expect(le.format).toBe('subtitles');
    expect(le.encoding).toBe('utf-16le');
    expect(be.encoding).toBe('utf-16be');
    expect(le.articles[0].text).toBe(be.articles[0].text);
    const lines = le.articles[0].text.split('\n');
    expect(lines[0]).toBe('About 2 months ago I found myself on the comment section of YouTube');
    expect(le.articles[0].text).not.toMatch(/-->|^\d+$/m);
  });
});

describe('bad input', () => {
  it('is refused one reason at a time', () => {
    expect(() => parseFile(new Uint8Array(0), 'e.txt')).toThrow(/^empty file$/);
    expect(() => parseFile(Buffer.from(' \n\t\n'), 'e.txt')).toThrow(/empty file \(only whitespace\)/);
    expect(() => parseFile(Buffer.from('%PDF-1.7\n...'), 'a.txt')).toThrow(/binary file \(not text\): looks like a PDF/);
    expect(() => parseFile(Buffer.from([0x61, 0x62, 0, 0x63, 0x64]), 'a.txt')).toThrow(/binary file \(not text\): NUL byte at byte 2/);
    expect(() => parseFile(new Uint8Array(MAX_IMPORT_FILE_BYTES + 1), 'big.txt')).toThrow(/file too large/);
    expect(() => parseFile(Buffer.from('<html><body><script>x()</script></body></html>'), 'a.html')).toThrow(/no readable text/);
  });

  it('every refusal is an ImportFileError', () => {
    try {
      parseFile(new Uint8Array(0), 'e.txt');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportFileError);
    }
  });
});

describe('format detection', () => {
  it('goes by content first, extension second', () => {
    expect(detectFormat(' date 2020-01-01 T\nx', 'a.html')).toBe('seed');
    expect(detectFormat('<!doctype html><p>x', 'a.txt')).toBe('html');
    expect(detectFormat('<?xml version="1.0"?><rss><channel/></rss>', 'a.txt')).toBe('feed');
    expect(detectFormat('[{"title": "a"}]', 'a.txt')).toBe('json');
    expect(detectFormat('{"a":1}\n{"a":2}\n', 'a.txt')).toBe('ndjson');
    expect(detectFormat('# Heading\ntext', 'a.txt')).toBe('markdown');
    expect(detectFormat('Heading\ntext', 'a.md')).toBe('markdown');
    expect(detectFormat('1\n00:00:01,000 --> 00:00:02,000\nHi', 'a.txt')).toBe('subtitles');
    expect(detectFormat('Just words\nmore', 'a.txt')).toBe('text');
  });
});
