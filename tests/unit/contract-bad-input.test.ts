import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, hostCallNames } from '../../shared/contract/index.js';
import { openArchive, type Archive } from '../../electron/core/archive.js';
import { dispatch } from '../../electron/core/dispatch.js';
import { tempDir } from '../support/corpus.js';

// Every call of the contract, sent garbage, answers with a clear `bad_input` and changes nothing.

let archive: Archive;
const { dir, cleanup } = tempDir();
const ctx = { transport: 'test' as const };

function fingerprint(a: Archive): string {
  const db = a.ctx.lib.db;
  const tables = ['articles', 'annotations', 'annotation_tags', 'tags', 'collections', 'collection_articles', 'batches', 'originals'];
  return tables.map((t) => `${t}:${(db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`).join(' ') + ` v${db.pragma('data_version', { simple: true })}`;
}

beforeAll(async () => {
  archive = openArchive(join(dir, 'lib.sqlite'));
  const r = await dispatch(archive.handlers, 'loadSamples', {}, ctx);
  expect(r.ok).toBe(true);
});
afterAll(() => {
  archive.close();
  cleanup();
});

const archiveCalls = callNames.filter((n) => !(hostCallNames as string[]).includes(n));

describe('the contract refuses bad input on every call', () => {
  it('covers every call the archive answers', () => {
    expect(archiveCalls.length).toBeGreaterThan(25);
    for (const name of archiveCalls) expect(typeof (archive.handlers as Record<string, unknown>)[name], name).toBe('function');
  });

  it.each(archiveCalls)('%s: wrong types are bad_input and change nothing', async (name) => {
    const before = fingerprint(archive);
    for (const input of ['text', 42, [1, 2], true, { id: 'one' }, { id: -1 }, { query: 7 }, { paths: 'not-a-list' }]) {
      const r = await dispatch(archive.handlers, name, input, ctx);
      if (r.ok) {
        // Only an object whose fields happen to fit (or are all optional, unknown keys dropped) may pass.
        expect(typeof input === 'object' && !Array.isArray(input), `${name} accepted ${JSON.stringify(input)}`).toBe(true);
        expect(contract[name].input.safeParse(input).success, name).toBe(true);
        continue;
      }
      expect(['bad_input', 'not_found', 'bad_query'], `${name} ${JSON.stringify(input)} → ${r.error.code}: ${r.error.message}`).toContain(r.error.code);
      expect(r.error.message.length).toBeGreaterThan(5);
      expect(r.error.message).not.toMatch(/SQLITE|sqlite3|at .*\.ts:\d+/);
    }
    expect(fingerprint(archive)).toBe(before);
  });

  it('unknown calls are refused by name', async () => {
    const r = await dispatch(archive.handlers, 'dropAllTables', {}, ctx);
    expect(r).toEqual({ ok: false, error: { code: 'unknown_call', message: 'There is no call named "dropAllTables".' } });
    const proto = await dispatch(archive.handlers, '__proto__', {}, ctx);
    expect(proto.ok).toBe(false);
    const ctor = await dispatch(archive.handlers, 'constructor', {}, ctx);
    expect(ctor.ok).toBe(false);
  });

  it('ids that do not exist are not_found with a sentence, and change nothing', async () => {
    const before = fingerprint(archive);
    for (const [name, input] of [
      ['getArticle', { id: 999999 }],
      ['listAnnotations', { articleId: 999999 }],
      ['deleteAnnotation', { id: 999999 }],
      ['updateTag', { id: 999999, name: 'x' }],
      ['deleteTag', { id: 999999 }],
      ['createAnnotation', { articleId: 999999, start: 0, end: 5 }],
    ] as const) {
      const r = await dispatch(archive.handlers, name, input, ctx);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.code, `${name}: ${r.error.message}`).toBe('not_found');
    }
    expect(fingerprint(archive)).toBe(before);
  });

  it('says what is wrong in a sentence a person can act on', async () => {
    const before = fingerprint(archive);
    const article = ((await dispatch(archive.handlers, 'listArticles', { limit: 1 }, ctx)) as { ok: true; value: { items: { id: number }[] } }).value.items[0]!.id;
    const cases: [string, unknown, string][] = [
      ['search', { query: 'x'.repeat(3000) }, 'The query can be at most 2,000 characters long.'],
      ['search', { query: 'Toshkent', limit: 0 }, 'The limit must be at least 1.'],
      ['search', {}, 'The query is missing.'],
      ['listArticles', { dateFrom: '2025-02-30' }, 'There is no date 2025-02-30.'],
      ['passages', { tagIds: [1], dateTo: '2025-13-45' }, 'There is no date 2025-13-45.'],
      // A search reused for an export or a collection says how it matches scripts, as `search` does.
      ['search', { query: 'Toshkent', script: 'latin' }, 'The script must be one of "any", "exact".'],
      ['startExport', { format: 'csv', query: 'Toshkent', script: 'Latn' }, 'The script must be one of "any", "exact".'],
      ['createCollection', { name: 'Toshkent', query: 'Toshkent', script: 'EXACT' }, 'The script must be one of "any", "exact".'],
      ['addToCollection', { id: 1, query: 'Toshkent', script: true }, 'The script must be one of "any", "exact".'],
      // An export of listed passages takes the `passages` call's filter, with its checks.
      ['startExport', { format: 'csv', passages: { tagIds: [1], match: 'some' } }, 'The match must be one of "any", "all".'],
      ['startExport', { format: 'csv', passages: { tagIds: [1], dateFrom: '2025-02-30' } }, 'There is no date 2025-02-30.'],
      ['startExport', { format: 'csv', passages: { tagIds: [1], lang: 'x'.repeat(50) } }, 'The lang can be at most 40 characters long.'],
      ['updateAnnotation', { id: 1, note: 'n'.repeat(120_000) }, 'The note can be at most 100,000 characters long.'],
      ['createTag', { name: '   ' }, 'A tag needs a name.'],
      ['createTag', { name: 'x', color: 'red' }, 'A colour is written #rrggbb.'],
      ['createTag', { name: 'lone\ud800surrogate' }, 'The name is not valid Unicode text (it holds half of a character pair).'],
      ['createAnnotation', { articleId: article, start: 0, end: 4, tagNames: ['T'], note: 'bad \udc00' }, 'The note is not valid Unicode text (it holds half of a character pair).'],
      ['createAnnotation', { articleId: article, start: 0, end: 4, tagNames: ['T', 'x\ud800'] }, 'Each tag name is not valid Unicode text (it holds half of a character pair).'],
      // A misspelt field is refused, not dropped: `quote` would have made the passage the one at 0–4.
      ['createAnnotation', { articleId: article, start: 0, end: 4, tagNames: ['T'], quote: 'nope' }, 'createAnnotation does not take "quote".'],
      ['createAnnotation', { articleId: article, start: 0, end: 4, tags: ['T'] }, 'createAnnotation does not take "tags".'],
    ];
    for (const [name, input, message] of cases) {
      const r = await dispatch(archive.handlers, name, input, ctx);
      expect(r, `${name} ${JSON.stringify(input).slice(0, 80)}`).toEqual({ ok: false, error: { code: 'bad_input', message } });
    }
    expect(fingerprint(archive)).toBe(before);
  });

  it('a malformed search is bad_query with a readable message, never an SQL error', async () => {
    for (const query of ['"unclosed', 'OR', 'title:', '-', '()', 'date:2025-13-45', 'AND OR NOT']) {
      const r = await dispatch(archive.handlers, 'search', { query }, ctx);
      if (r.ok) continue; // some of these have a sensible reading (e.g. nothing to search)
      expect(r.error.code, query).toBe('bad_query');
      expect(r.error.message).not.toMatch(/fts5|SQLITE|syntax error near/i);
    }
  });
});
