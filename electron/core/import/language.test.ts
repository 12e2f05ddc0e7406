import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from './formats/index.js';
import { detectLanguage } from './language.js';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);

describe('detectLanguage on the whole corpus', () => {
  // manifest.tsv: file, lang, script (uz rows: Cyrl, Latn, or Latn-x-new for the "new Latin" letters).
  const rows = readFileSync(new URL('manifest.tsv', corpus), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const byFolder = new Map<string, { n: number; right: number; misses: string[] }>();
  for (const [file, lang, script] of rows) {
    const expected = lang === 'uz' ? (script === 'Cyrl' ? 'uz-Cyrl' : 'uz-Latn') : lang;
    const expectedScript = script.startsWith('Latn') ? 'Latn' : script;
    const a = parseFile(readFileSync(new URL(file, corpus)), file).articles[0];
    const got = detectLanguage(`${a.title}\n${a.text}`);
    const folder = file.split('/')[0];
    const s = byFolder.get(folder) ?? { n: 0, right: 0, misses: [] };
    s.n++;
    if (got.lang === expected && got.script === expectedScript) s.right++;
    else s.misses.push(`${file}: ${got.lang}/${got.script}`);
    byFolder.set(folder, s);
  }

  it('covers every folder of the manifest', () => {
    expect([...byFolder.keys()].sort()).toEqual(['en', 'kk', 'ru', 'uz-cyrl', 'uz-latn', 'uz-latn-new']);
  });

  for (const folder of ['en', 'kk', 'ru', 'uz-cyrl', 'uz-latn', 'uz-latn-new']) {
    it(`${folder}: at least 99% right`, () => {
      const s = byFolder.get(folder)!;
      expect(s.n).toBeGreaterThan(50);
      expect(s.right / s.n, s.misses.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(0.99);
    });
  }
});

describe('detectLanguage on short and mixed texts', () => {
  it('tells the five languages apart from one sentence', () => {
    expect(detectLanguage('Қозоғистонга КХШТ қўшинлари келиб, ўқув машқлари ўтказади')).toEqual({ lang: 'uz-Cyrl', script: 'Cyrl' });
    expect(detectLanguage('Qozog‘istonga KXSHT qo‘shinlari kelib, o‘quv mashqlari o‘tkazadi')).toEqual({ lang: 'uz-Latn', script: 'Latn' });
    expect(detectLanguage("Qozog'istonga qo'shinlari kelib, o'quv mashqlari o'tkazadi")).toEqual({ lang: 'uz-Latn', script: 'Latn' });
    expect(detectLanguage('Qozoḡistonga KXŞT qōşinlari kelib, ōquv maşqlari ōtkazadi')).toEqual({ lang: 'uz-Latn', script: 'Latn' });
    expect(detectLanguage('Облыс бойынша жалпы салық қарызы үш бүтін оннан үш миллиард теңгені құраса')).toEqual({ lang: 'kk', script: 'Cyrl' });
    expect(detectLanguage('Госдума приняла сегодня в первом чтении поправки в закон')).toEqual({ lang: 'ru', script: 'Cyrl' });
    expect(detectLanguage('The company said it expects earnings to rise this year')).toEqual({ lang: 'en', script: 'Latn' });
  });

  it('reads Kazakh written with a Latin i for і, and ignores Latin links in Russian posts', () => {
    expect(detectLanguage('Бұл мемлекеттiк бағдарлама')).toEqual({ lang: 'kk', script: 'Cyrl' });
    expect(detectLanguage('Подробности по ссылке https://www.gazeta.uz/ru/2022/05/04/chess/?utm_source=push&utm_medium=telegram')).toEqual({ lang: 'ru', script: 'Cyrl' });
  });

  it('says und when there is nothing to go on', () => {
    expect(detectLanguage('')).toEqual({ lang: 'und', script: 'Zyyy' });
    expect(detectLanguage('2022-10-25 12:00 — 42%')).toEqual({ lang: 'und', script: 'Zyyy' });
  });
});
