// A tag in the codebook stands for itself and every tag below it, wherever passages are gathered
// by tag: `qalam annotations --tag`, `qalam export --tag`, the Passages view (the `passages` call)
// and an export of what the Passages view lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/core/archive.js';
import { passages } from '../../electron/core/annotations/passages.js';
import { invoke } from '../../electron/core/dispatch.js';
import { findTagByName } from '../../electron/core/tags/model.js';
import { qalam } from '../support/cli.js';
import { corpus, seedDir, tempDir } from '../support/corpus.js';

const { dir, cleanup } = tempDir('qalam-tag-children-');
const db = join(dir, 'lib.sqlite');
const at = ['--db', db];
const created: Record<string, number> = {};

async function annotate(article: number, quote: string, occurrence: number, tags: string[]): Promise<number> {
  const r = await qalam(['annotate', String(article), '--quote', quote, '--occurrence', String(occurrence), ...tags.flatMap((t) => ['--tag', t]), '--json', ...at]);
  expect(r.code, r.err).toBe(0);
  return r.json().id;
}

beforeAll(async () => {
  const imported = await qalam(['import', seedDir, corpus('ru', 'gazetauz-tg-01477.txt'), '--json', ...at]);
  expect(imported.code, imported.err).toBe(0);
  const list = (await qalam(['list', '--json', ...at])).json().items as { id: number; title: string }[];
  // The article that holds the quote, whichever order `list` gives them in.
  const holder = async (quote: string) => {
    for (const a of list) if ((await qalam(['show', String(a.id), '--json', ...at])).json().text.includes(quote)) return a.id;
    throw new Error(`no article holds ${quote}`);
  };
  const central = await holder('Марказий Осиё');
  const card = await holder('Uzcard');
  created.parent = await annotate(card, 'Uzcard', 1, ['Places']);
  created.child = await annotate(central, 'Марказий Осиё', 1, ['Places/Asia']);
  created.grandchild = await annotate(central, 'Марказий Осиё', 2, ['Places/Asia/Tashkent', 'Region']);
  created.other = await annotate(central, 'Марказий Осиё', 3, ['Region']);
});

afterAll(() => cleanup());

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('the passages of a tag include those of the tags below it', () => {
  it('qalam annotations --tag lists them, and a child tag lists its own subtree only', async () => {
    const places = await qalam(['annotations', '--tag', 'Places', '--json', ...at]);
    expect(places.code, places.err).toBe(0);
    expect(places.json().total).toBe(3);
    expect(ids(places.json().annotations)).toEqual([created.parent, created.child, created.grandchild].sort((a, b) => a - b));
    const asia = (await qalam(['annotations', '--tag', 'Places/Asia', '--json', ...at])).json();
    expect(ids(asia.annotations)).toEqual([created.child, created.grandchild].sort((a, b) => a - b));
    const leaf = (await qalam(['annotations', '--tag', 'Tashkent', '--json', ...at])).json();
    expect(ids(leaf.annotations)).toEqual([created.grandchild]);
    // Still in article order, then text order.
    const rows = places.json().annotations as { articleId: number; start: number }[];
    expect(rows).toEqual([...rows].sort((a, b) => a.articleId - b.articleId || a.start - b.start));
    const text = await qalam(['annotations', '--tag', 'Places', ...at]);
    expect(text.out.split('\n')[0]).toBe('3 annotations');
  });

  it('qalam annotations --tag with --article keeps to that article', async () => {
    const central = (await qalam(['annotations', '--tag', 'Places', '--json', ...at])).json().annotations.find((a: { id: number }) => a.id === created.child).articleId;
    const r = (await qalam(['annotations', '--tag', 'Places', '--article', String(central), '--json', ...at])).json();
    expect(ids(r.annotations)).toEqual([created.child, created.grandchild].sort((a, b) => a - b));
  });

  it('qalam export --tag exports the same passages', async () => {
    const out = join(dir, 'places.jsonld');
    const r = await qalam(['export', '--format', 'w3c', '--tag', 'Places', '--out', out, '--json', ...at]);
    expect(r.code, r.err).toBe(0);
    expect(r.json().annotations).toBe(3);
    const listed = (await qalam(['annotations', '--tag', 'Places', '--json', ...at])).json().annotations as { exact: string }[];
    type Target = { selector: { type: string; exact?: string }[] };
    // One page holds them all; an article with a URL has a target for each of its addresses.
    const exported = JSON.parse(readFileSync(out, 'utf8')).first.items as { target: Target | Target[] }[];
    const quote = (i: (typeof exported)[number]) => [i.target].flat()[0].selector.find((s) => s.type === 'TextQuoteSelector')!.exact;
    expect(exported.map(quote).sort()).toEqual(listed.map((a) => a.exact).sort());
  });

  it('the Passages view lists the same passages, and an export of it holds them', async () => {
    const archive = openArchive(db);
    try {
      const lib = archive.ctx.lib;
      const tag = (path: string) => findTagByName(lib, path)!.id;
      const listed = passages(lib, { tagIds: [tag('Places')], match: 'any', context: 20, offset: 0, limit: 100 });
      expect(listed.total).toBe(3);
      expect(listed.items.map((p) => p.annotation.id).sort((a, b) => a - b)).toEqual([created.parent, created.child, created.grandchild].sort((a, b) => a - b));
      // All of Places and Region: a passage of Region under a tag below Places.
      const both = passages(lib, { tagIds: [tag('Places'), tag('Region')], match: 'all', context: 20, offset: 0, limit: 100 });
      expect(both.items.map((p) => p.annotation.id)).toEqual([created.grandchild]);
      expect(both.total).toBe(1);
      // A tag and one below it, both required: a passage of the lower one carries both.
      const nested = passages(lib, { tagIds: [tag('Places'), tag('Places/Asia')], match: 'all', context: 20, offset: 0, limit: 100 });
      expect(nested.items.map((p) => p.annotation.id).sort((a, b) => a - b)).toEqual([created.child, created.grandchild].sort((a, b) => a - b));

      const out = join(dir, 'passages-view.csv');
      const { jobId } = await invoke(archive.handlers, 'startExport', { format: 'csv', out, passages: { tagIds: [tag('Places')], match: 'any' } });
      const status = await archive.ctx.jobs.wait(jobId);
      expect(status.state, JSON.stringify(status.error)).toBe('done');
      expect((status.result as { annotations: number }).annotations).toBe(3);
    } finally {
      archive.close();
    }
  });
});
