import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePointLength } from '../../../shared/anchoring/codepoints.js';
import type { Archive } from '../archive.js';
import { normalizeText } from '../articles/normalize.js';
import { CORPUS, importedArchive } from '../export/sample-library.js';
import { importExchangeFile } from './import.js';

// Files made by other tools: text kept decomposed (as macOS tools often keep it), HTML notes,
// and files that are not what they seem.

const FILES = [join(CORPUS, 'uz-cyrl', 'uzt-054.txt'), join(CORPUS, 'uz-latn-new', 'uzt-054.txt'), join(CORPUS, 'ru', 'nerel-063.txt')];
/// A word each article holds more than once, after decomposable letters (ў, ş, й, ё).
const WORDS = ['бўлган', 'qarşi', 'войсками'];

let dir: string;
let archive: Archive;
let articles: { id: number; uid: string; text: string }[];

const db = () => archive.ctx.lib.db;
const state = () => ({
  articles: db().prepare('SELECT count(*) FROM articles').pluck().get(),
  tags: db().prepare('SELECT count(*) FROM tags').pluck().get(),
  annotations: db().prepare('SELECT count(*) FROM annotations').pluck().get(),
  batches: db().prepare('SELECT count(*) FROM batches').pluck().get(),
});

/// Where the `n`th occurrence (from 0) of `word` starts in `text`.
function nth(text: string, word: string, n: number): number {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`${word} does not occur ${n + 1} times`);
  return at;
}

/// The selectors a tool holding the text decomposed writes for [start, end) of the stored text:
/// positions in code points of the decomposed text, quote and context decomposed.
function decomposedTarget(source: string, text: string, start: number, end: number, context: boolean) {
  const d = (s: string) => s.normalize('NFD');
  const s = d(text.slice(0, start)).length;
  const e = s + d(text.slice(start, end)).length;
  const nfd = d(text);
  const quote = { type: 'TextQuoteSelector', exact: nfd.slice(s, e), ...(context ? { prefix: nfd.slice(Math.max(0, s - 32), s), suffix: nfd.slice(e, e + 32) } : {}) };
  return {
    source,
    selector: [{ type: 'TextPositionSelector', start: codePointLength(nfd.slice(0, s)), end: codePointLength(nfd.slice(0, e)) }, quote],
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-foreign-'));
  archive = await importedArchive(join(dir, 'lib.qalam'), FILES);
  articles = db().prepare('SELECT id, uid, text FROM articles ORDER BY id').all() as typeof articles;
  expect(articles).toHaveLength(3);
});
afterAll(() => {
  archive?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('decomposed text from other tools', () => {
  it('W3C: quotes and positions counted in decomposed text land on the right occurrence of the stored text', async () => {
    const expected: unknown[] = [];
    const doc = articles.flatMap((a, i) => {
      const word = WORDS.find((w) => a.text.includes(w))!;
      // The last occurrence, once with context and once with position and quote alone.
      const at = a.text.lastIndexOf(word);
      expect(at).toBeGreaterThan(a.text.indexOf(word));
      expected.push({ uid: `urn:x:${i}-ctx`, start: at, end: at + word.length, exact: word, status: 'anchored' });
      expected.push({ uid: `urn:x:${i}-bare`, start: at, end: at + word.length, exact: word, status: 'anchored' });
      return [true, false].map((context) => ({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `urn:x:${i}-${context ? 'ctx' : 'bare'}`,
        type: 'Annotation',
        target: decomposedTarget(a.uid, a.text, at, at + word.length, context),
      }));
    });
    // The decomposed positions are far enough off that reading them as stored positions fails.
    const bare = doc.find((d) => d.id === 'urn:x:0-bare')!.target.selector[0] as { start: number };
    expect(bare.start - (expected[1] as { start: number }).start).toBeGreaterThan(10);
    writeFileSync(join(dir, 'nfd.jsonld'), JSON.stringify(doc));
    const report = await importExchangeFile(archive.ctx, join(dir, 'nfd.jsonld'));
    expect(report.problems).toEqual([]);
    expect(report.counts.annotationsCreated).toBe(6);
    const rows = db().prepare("SELECT uid, start, end, exact, status FROM annotations WHERE uid LIKE 'urn:x:%' ORDER BY uid").all();
    expect(rows).toEqual([...expected].sort((x, y) => ((x as { uid: string }).uid < (y as { uid: string }).uid ? -1 : 1)));
  });

  it('REFI-QDA: a decomposed source with Windows line ends gives the stored text and passages at its positions', async () => {
    const raw = readFileSync(FILES[0], 'utf8').normalize('NFD').replace(/\n/g, ' \r\n');
    const stored = normalizeText(raw);
    const word = 'бўлган';
    const at = nth(stored, word, 1);
    // Positions count code points of the source file as the tool wrote it.
    const rawStart = codePointLength(raw.slice(0, nth(raw, word.normalize('NFD'), 1)));
    const rawEnd = rawStart + codePointLength(word.normalize('NFD'));
    expect(rawStart - at).toBeGreaterThan(10);
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="mac">
  <CodeBook><Codes><Code guid="11111111-1111-4111-8111-111111111111" name="${'Ҳуқуқ'.normalize('NFD')}" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="22222222-2222-4222-8222-222222222222" name="mac.txt" plainTextPath="internal://mac.txt">
      <PlainTextSelection guid="33333333-3333-4333-8333-333333333333" name="s" startPosition="${rawStart}" endPosition="${rawEnd}">
        <Description>${'Изоҳ: йўқ'.normalize('NFD')}</Description>
        <Coding guid="44444444-4444-4444-8444-444444444444"><CodeRef targetGUID="11111111-1111-4111-8111-111111111111"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
    writeFileSync(join(dir, 'mac.qdpx'), zipSync({ 'project.qde': strToU8(qde), 'sources/mac.txt': strToU8(raw) }));
    const report = await importExchangeFile(archive.ctx, join(dir, 'mac.qdpx'));
    expect(report.problems).toEqual([]);
    expect(report.counts.articlesCreated).toBe(1);
    const row = db()
      .prepare(
        `SELECT n.start, n.end, n.exact, n.status, n.note, a.text = ? AS storedText, t.name AS tag
           FROM annotations n JOIN articles a ON a.id = n.article_id
           JOIN annotation_tags x ON x.annotation_id = n.id JOIN tags t ON t.id = x.tag_id
          WHERE n.uid = 'urn:uuid:33333333-3333-4333-8333-333333333333'`,
      )
      .get(stored);
    expect(row).toEqual({ start: at, end: at + word.length, exact: word, status: 'anchored', note: 'Изоҳ: йўқ', storedText: 1, tag: 'Ҳуқуқ' });
  });
});

describe('notes written as HTML', () => {
  it('are kept as their readable text: paragraphs on lines, entities decoded, scripts and styles dropped', async () => {
    const a = articles[2];
    const at = a.text.indexOf('лейтенант');
    const doc = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:x:html',
      type: 'Annotation',
      body: {
        type: 'TextualBody',
        format: 'text/html',
        value: '<p>Комиссия &laquo;за&nbsp;приём&raquo; &amp; <b>платежи</b></p><script>alert(1)</script><style>p{color:red}</style>\n<p>Второй&#160;абзац<br>третья строка</p>',
      },
      target: { source: a.uid, selector: { type: 'TextQuoteSelector', exact: 'лейтенант' } },
    };
    writeFileSync(join(dir, 'html.jsonld'), JSON.stringify(doc));
    await importExchangeFile(archive.ctx, join(dir, 'html.jsonld'));
    const row = db().prepare("SELECT start, note FROM annotations WHERE uid = 'urn:x:html'").get();
    expect(row).toEqual({ start: at, note: 'Комиссия «за\u00a0приём» & платежи\nВторой\u00a0абзац\nтретья строка' });
  });
});

describe('files that are not what they seem', () => {
  it('a zip that is neither a REFI-QDA project nor a bag is refused and changes nothing', async () => {
    const before = state();
    writeFileSync(join(dir, 'photos.zip'), zipSync({ 'a.txt': strToU8('hello'), 'b/c.json': strToU8('{}') }));
    await expect(importExchangeFile(archive.ctx, join(dir, 'photos.zip'))).rejects.toThrow(/photos\.zip has no project\.qde .* nor a BagIt bag/);
    expect(state()).toEqual(before);
  });

  it('JSON that holds no annotations is refused and changes nothing', async () => {
    const before = state();
    writeFileSync(join(dir, 'article.json'), JSON.stringify({ type: 'Article', title: 'x' }));
    await expect(importExchangeFile(archive.ctx, join(dir, 'article.json'))).rejects.toThrow(/article\.json holds no Web Annotations \(it is of type Article\)/);
    expect(state()).toEqual(before);
  });

  it('each item that cannot be placed is one report line, and the library is left as it was', async () => {
    const before = state();
    const tag = { type: 'TextualBody', purpose: 'tagging', value: 'Янги/тег' };
    const doc = [
      42,
      { title: 'not an annotation' },
      { id: 'urn:x:elsewhere', type: 'Annotation', body: tag, target: { source: 'urn:uuid:00000000-0000-4000-8000-000000000000', selector: { type: 'TextQuoteSelector', exact: 'самолёт' } } },
      { id: 'urn:x:absent', type: 'Annotation', body: tag, target: { source: articles[2].uid, selector: { type: 'TextQuoteSelector', exact: 'этого текста здесь нет совсем никогда' } } },
      { id: 'urn:x:nosource', type: 'Annotation', body: tag, target: { selector: { type: 'TextQuoteSelector', exact: 'самолёт' } } },
    ];
    writeFileSync(join(dir, 'mixed.json'), JSON.stringify(doc));
    const report = await importExchangeFile(archive.ctx, join(dir, 'mixed.json'));
    expect(report.problems).toEqual([
      { item: 'item 1', reason: 'it is a number, not a Web Annotation; it was skipped' },
      { item: 'item 2', reason: 'it is an object without a type or target, not a Web Annotation; it was skipped' },
      { item: 'urn:x:elsewhere', reason: 'no article in this library is urn:uuid:00000000-0000-4000-8000-000000000000; it was skipped' },
      { item: 'urn:x:absent', reason: `its passage “этого текста здесь нет совсем никогда” is not in the article ${articles[2].uid}; it was skipped` },
      { item: 'urn:x:nosource', reason: 'its target names no article (no source); it was skipped' },
    ]);
    expect(report.annotationsRead).toBe(3);
    expect(report.unanchored).toBe(3);
    expect(report.counts).toEqual({ articlesCreated: 0, articlesExisting: 0, tagsCreated: 0, annotationsCreated: 0, annotationsExisting: 0 });
    // No tags from the skipped annotations' bodies, and no empty import batch.
    expect(state()).toEqual(before);
  });
});
