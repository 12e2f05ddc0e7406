// What the CLI tells people: a name already taken is an input error (exit 2, one line); counts
// have the right noun in the singular and the plural; progress on stderr names what it counts and
// says nothing before work is counted; a quote is found only as whole characters.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { qalam } from '../support/cli.js';
import { corpus, seedDir, tempDir } from '../support/corpus.js';

const { dir, cleanup } = tempDir('qalam-cli-messages-');
const db = join(dir, 'lib.sqlite');
const at = ['--db', db];
let stressed: number;
let card: number;
/// The stressed article's text as the library keeps it.
let stored: string;

// A Russian article with stress marks (U+0301 stays a separate mark under NFC: no Cyrillic
// letter has it precomposed) and an emoji family joined by ZWJ, beside a lone emoji.
const prefix = 'Дом '.repeat(12);
const text = [
  'Ста́рый за́мок стоит над рекой, а новый замок висит на воротах.',
  'Семья́ 👨‍👩‍👧‍👦 приехала, и 👨 встретил её.',
  `${prefix}👨‍👩‍👧‍👦 и сад за рекой.`,
].join('\n');

beforeAll(async () => {
  const file = join(dir, 'stressed.txt');
  writeFileSync(file, ` date 2024-03-01 За́мок\n${text}\n`);
  const r = await qalam(['import', seedDir, corpus('ru', 'gazetauz-tg-01477.txt'), file, '--json', ...at]);
  expect(r.code, r.err).toBe(0);
  const items = (await qalam(['list', '--json', ...at])).json().items as { id: number; title: string }[];
  stressed = items.find((a) => a.title === 'За́мок')!.id;
  stored = (await qalam(['show', String(stressed), '--json', ...at])).json().text;
  for (const a of items) if ((await qalam(['show', String(a.id), '--json', ...at])).json().text.includes('Uzcard')) card = a.id;
});

afterAll(() => cleanup());

/// How many code points `s` holds: the CLI counts positions in them.
const codePoints = (s: string) => Array.from(s).length;

describe('a name already taken', () => {
  it('exits 2 with one line when a collection is created under a name in use, in any case', async () => {
    expect((await qalam(['collection', 'create', 'Пресса', ...at])).code).toBe(0);
    for (const name of ['Пресса', 'ПРЕССА', 'пресса']) {
      const r = await qalam(['collection', 'create', name, ...at]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^qalam collection: A collection named "[^"\n]+" already exists\.\n$/);
      expect(r.out).toBe('');
    }
    expect((await qalam(['collection', 'list', '--json', ...at])).json()).toHaveLength(1);
  });

  it('exits 2 when an export would write into an existing folder', async () => {
    const folder = join(dir, 'bag-here');
    mkdirSync(folder);
    const r = await qalam(['export', '--format', 'bagit', '--out', folder, ...at]);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/already exists/);
  });
});

describe('counts in the singular and the plural', () => {
  it('qalam export says "1 article, 1 passage"', async () => {
    const a = await qalam(['annotate', String(card), '--quote', 'Uzcard', '--tag', 'Payments/Cards', '--json', ...at]);
    expect(a.code, a.err).toBe(0);
    const r = await qalam(['export', '--format', 'csv', '--tag', 'Payments/Cards', '--out', join(dir, 'cards.csv'), ...at]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/: 1 article, 1 passage, 2 tags \(/);
  });

  it('qalam stats says "1 collection"', async () => {
    const r = await qalam(['stats', ...at]);
    expect(r.out.split('\n')[1]).toMatch(/^\d+ articles, 1 annotation, 2 tags, 1 collection$/);
  });

  it('qalam show gives the size of the original in bytes', async () => {
    const r = await qalam(['show', String(stressed), ...at]);
    expect(r.out).toMatch(/, \d+ bytes, sha256 /);
  });
});

describe('progress on stderr', () => {
  /// Run with stderr as a log would see it, every line kept.
  async function logged(args: string[]): Promise<{ code: number; err: string }> {
    let err = '';
    const code = await runCli(args, { out: () => undefined, err: (t) => (err += t), isTTY: false, env: {} });
    return { code, err };
  }

  it('an import counts files, in the right number', async () => {
    const one = join(dir, 'one');
    mkdirSync(one);
    writeFileSync(join(one, 'a.txt'), ' date 2024-03-02 Один\nОдна статья.\n');
    const r = await logged(['import', one, ...at]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('Importing: 1 of 1 file\n');
  });

  it('a zipped bag reports a share of its work, never "0 of" nor files', async () => {
    const r = await logged(['export', '--format', 'bagit', '--zip', '--out', join(dir, 'bag.zip'), ...at]);
    expect(r.code).toBe(0);
    const lines = r.err.trimEnd().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^Exporting bagit: ([1-9]\d?|100)%$/);
  });
});

describe('qalam annotate finds a quote only as whole characters', () => {
  it('skips "за" inside "за́мок", whose а carries a stress mark', async () => {
    const r = await qalam(['annotate', String(stressed), '--quote', 'за', '--tag', 'Words', '--json', ...at]);
    expect(r.code, r.err).toBe(0);
    expect(r.json().start).toBe(codePoints(stored.slice(0, stored.indexOf('замок'))));
    expect(r.json().exact).toBe('за');
  });

  it('annotates the stressed word itself', async () => {
    const r = await qalam(['annotate', String(stressed), '--quote', 'за́мок', '--tag', 'Words', '--json', ...at]);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ start: codePoints(stored.slice(0, stored.indexOf('за́мок'))), exact: 'за́мок' });
  });

  it('skips one emoji of a family for the one standing alone', async () => {
    const r = await qalam(['annotate', String(stressed), '--quote', '👨', '--tag', 'People', '--json', ...at]);
    expect(r.code, r.err).toBe(0);
    expect(r.json().start).toBe(codePoints(stored.slice(0, stored.indexOf('и 👨') + 2)));
    const second = await qalam(['annotate', String(stressed), '--quote', '👨', '--occurrence', '2', '--tag', 'People', ...at]);
    expect(second.code).toBe(2);
    expect(second.err).toMatch(/occurs 1 time in article \d+; there is no occurrence 2\.\n$/);
  });

  it('says why when the quote stands only inside longer characters', async () => {
    const r = await qalam(['annotate', String(stressed), '--quote', 'Семья', '--tag', 'People', ...at]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^qalam annotate: "Семья" occurs in article \d+ only as part of a longer character .*\n$/);
  });

  it('shortens a long passage in the table without splitting an emoji family', async () => {
    const quote = `${prefix}👨‍👩‍👧‍👦 и сад за рекой.`;
    const a = await qalam(['annotate', String(stressed), '--quote', quote, '--tag', 'Long', ...at]);
    expect(a.code, a.err).toBe(0);
    const r = await qalam(['annotations', '--tag', 'Long', ...at]);
    expect(r.out).toContain(`"${prefix}👨‍👩‍👧‍👦…"`);
  });
});
