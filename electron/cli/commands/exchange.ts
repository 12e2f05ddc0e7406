import type { Collection } from '../../../shared/model.js';
import { findCollectionByName } from '../../core/collections/model.js';
import { invoke } from '../../core/dispatch.js';
import type { Archive } from '../../core/archive.js';
import type { ExportResult } from '../../core/export/run.js';
import type { ImportReport } from '../../core/exchange/report.js';
import { exportFormat } from '../../../shared/contract/exports.js';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIO, type Command, type ParsedArgs } from '../command.js';
import { printJson, withArchive } from '../library.js';
import { flag, listOption, scriptOption, stringOption } from '../options.js';
import { followJob } from '../follow-job.js';
import { countOf } from '../count.js';
import { findTagByName } from '../../core/tags/model.js';

/// A tag given by name or `Parent/Child` path, as the CLI takes them.
function tagIdByPath(archive: Archive, path: string): number {
  const tag = findTagByName(archive.ctx.lib, path);
  if (!tag) throw new UsageError(`there is no tag "${path}"`);
  return tag.id;
}

function articleIdList(values: string[]): number[] {
  return values.map((v) => {
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`"${v}" is not an article id`);
    return Number(v);
  });
}

function describeCollection(c: Collection): string {
  const saved = c.query ? `, saved search: ${c.query}${c.script === 'exact' ? ' (exact script)' : ''}` : '';
  return `${c.name}  (${countOf(c.count, 'article')}${saved})${c.description ? ` — ${c.description}` : ''}\n`;
}

/// --query with how it matches scripts (--script any|exact, as `qalam search` takes it); --script
/// alone would quietly do nothing, so it is refused.
function queryOptions(args: ParsedArgs): { query: string | undefined; script: 'any' | 'exact' | undefined } {
  const query = stringOption(args, 'query');
  const script = scriptOption(args);
  if (stringOption(args, 'script') !== undefined && !query) throw new UsageError('--script goes with --query');
  return { query, script: query ? script : undefined };
}

const collectionCommand: Command = {
  name: 'collection',
  summary: 'Named sets of articles: create, add, remove, list, show',
  usage: `Usage: qalam collection create NAME [--description TEXT] [--query Q [--script any|exact]]
       qalam collection add NAME [ARTICLE_ID...] [--query Q [--script any|exact]] [--tag TAG]
       qalam collection remove NAME ARTICLE_ID...
       qalam collection list
       qalam collection show NAME

A collection with --query is a saved search: its members are the query's hits whenever it is read.
add takes article ids, every hit of --query, or every article with a passage of --tag (a name or
Parent/Child path, children included). --script exact matches the query only in the script typed,
as in qalam search (default any); a saved search keeps it. show prints the members (id, date, title).`,
  options: { description: { type: 'string' }, query: { type: 'string' }, script: { type: 'string' }, tag: { type: 'string' } },
  async run(args: ParsedArgs, io: CliIO) {
    const [action, name, ...rest] = args.positionals;
    const json = flag(args, 'json');
    return withArchive(args, io, async (archive) => {
      const h = archive.handlers;
      switch (action) {
        case 'create': {
          if (!name) throw new UsageError('name the collection to create');
          const c = await invoke(h, 'createCollection', { name, description: stringOption(args, 'description'), ...queryOptions(args) });
          if (json) printJson(io, c);
          else io.out(`Created ${describeCollection(c)}`);
          return EXIT_OK;
        }
        case 'add': {
          if (!name) throw new UsageError('name the collection to add to');
          const tag = stringOption(args, 'tag');
          const ids = articleIdList(rest);
          const { query, script } = queryOptions(args);
          if (!ids.length && !query && !tag) throw new UsageError('give article ids, --query or --tag');
          const c = await invoke(h, 'addToCollection', { id: findCollectionByName(archive.ctx.lib, name).id, articleIds: ids.length ? ids : undefined, query, script, tagId: tag ? tagIdByPath(archive, tag) : undefined });
          if (json) printJson(io, c);
          else io.out(describeCollection(c));
          return EXIT_OK;
        }
        case 'remove': {
          if (!name || !rest.length) throw new UsageError('name the collection and the article ids to remove');
          const c = await invoke(h, 'removeFromCollection', { id: findCollectionByName(archive.ctx.lib, name).id, articleIds: articleIdList(rest) });
          if (json) printJson(io, c);
          else io.out(describeCollection(c));
          return EXIT_OK;
        }
        case 'list': {
          const list = await invoke(h, 'listCollections', {});
          if (json) printJson(io, list);
          else if (!list.length) io.out('No collections yet.\n');
          else for (const c of list) io.out(describeCollection(c));
          return EXIT_OK;
        }
        case 'show': {
          if (!name) throw new UsageError('name the collection to show');
          const { id } = findCollectionByName(archive.ctx.lib, name);
          const { collectionArticleIds } = await import('../../core/collections/model.js');
          const { searchAllFor } = await import('../../core/collections/search-all.js');
          const ids = await collectionArticleIds(archive.ctx.lib, id, searchAllFor(archive.ctx));
          const row = archive.ctx.lib.stmt('SELECT id, date, title FROM articles WHERE id = ?');
          const members = ids.map((a) => row.get(a) as { id: number; date: string | null; title: string });
          if (json) printJson(io, { collection: (await invoke(h, 'listCollections', {})).find((c) => c.id === id), articles: members });
          else for (const m of members) io.out(`${String(m.id).padStart(6)}  ${m.date ?? '          '}  ${m.title}\n`);
          return EXIT_OK;
        }
        default:
          throw new UsageError(`unknown action "${action ?? ''}": use create, add, remove, list or show`);
      }
    }, action === 'list' || action === 'show' ? 'read' : 'write');
  },
};

const exportCommand: Command = {
  name: 'export',
  summary: 'Export passages and articles: w3c, csv, qdpx, qdc, bagit, tei, html',
  usage: `Usage: qalam export --format F --out PATH [--collection NAME] [--tag TAG...] [--query Q [--script any|exact]] [--excel] [--zip]

  --format F      w3c (Web Annotation JSON-LD), csv, qdpx (REFI-QDA project), qdc (codebook),
                  bagit (BagIt bag; a folder, or a zip with --zip), tei (TEI XML), html (report)
  --out PATH      where to write; the file appears only when complete
  --collection N  only the articles of this collection
  --tag TAG       only passages of this tag (name or Parent/Child path; children included); repeatable
  --query Q       only the articles matching this search
  --script MODE   how --query matches scripts, as in qalam search: any (default) or exact
  --excel         csv: add the byte order mark Excel needs to read UTF-8
  --zip           bagit: write the bag as one zip file
With --json prints {"path", "articles", "annotations", "tags", "bytes", "ms"}.`,
  options: {
    format: { type: 'string' }, out: { type: 'string' }, collection: { type: 'string' }, tag: { type: 'string', multiple: true },
    query: { type: 'string' }, script: { type: 'string' }, excel: { type: 'boolean' }, zip: { type: 'boolean' },
  },
  async run(args, io) {
    const format = exportFormat.safeParse(stringOption(args, 'format'));
    if (!format.success) throw new UsageError(`--format takes one of ${exportFormat.options.join(', ')}`);
    const out = stringOption(args, 'out');
    if (!out) throw new UsageError('--out PATH is required');
    const { query, script } = queryOptions(args);
    return withArchive(args, io, async (archive) => {
      const collection = stringOption(args, 'collection');
      const { jobId } = await invoke(archive.handlers, 'startExport', {
        format: format.data,
        out,
        collectionId: collection ? findCollectionByName(archive.ctx.lib, collection).id : undefined,
        tagIds: listOption(args, 'tag').map((t) => tagIdByPath(archive, t)),
        query,
        script,
        excel: flag(args, 'excel'),
        zip: flag(args, 'zip'),
      });
      const r = await followJob<ExportResult>(archive, jobId, io, `Exporting ${format.data}`, 'share');
      if (flag(args, 'json')) printJson(io, r);
      else io.out(`Wrote ${r.path}: ${countOf(r.articles, 'article')}, ${countOf(r.annotations, 'passage')}, ${countOf(r.tags, 'tag')} (${(r.ms / 1000).toFixed(1)} s).\n`);
      return EXIT_OK;
    }, 'read');
  },
};

const importAnnotationsCommand: Command = {
  name: 'import-annotations',
  summary: 'Import W3C Web Annotations, a REFI-QDA .qdpx project or a BagIt bag',
  usage: `Usage: qalam import-annotations PATH [--json]

W3C JSON-LD: each annotation is placed on its article (by urn:uuid, else by source URL) by its
selectors. A .qdpx project: sources become articles, codes tags, selections passages. A bag (folder
or zip) is checked against its manifest first. What cannot be placed is listed; exit 1 if anything was.`,
  options: {},
  async run(args, io) {
    const path = args.positionals[0];
    if (!path || args.positionals.length > 1) throw new UsageError('name one file or bag to import');
    return withArchive(args, io, async (archive) => {
      const { jobId } = await invoke(archive.handlers, 'importAnnotations', { path });
      const r = await followJob<ImportReport>(archive, jobId, io, 'Importing', 'share');
      if (flag(args, 'json')) printJson(io, r);
      else {
        const c = r.counts;
        io.out(
          `Imported from ${r.format}: ${countOf(c.articlesCreated, 'new article')} (${c.articlesExisting} already here), ${countOf(c.tagsCreated, 'new tag')}, ${countOf(c.annotationsCreated, 'passage')} (${c.annotationsExisting} already here).\n`,
        );
        if (r.problemCount) io.out(`${countOf(r.problemCount, 'item')} could not be imported:\n`);
        for (const p of r.problems) io.out(`  ${p.item}: ${p.reason}\n`);
        if (r.problemCount > r.problems.length) io.out(`  … and ${r.problemCount - r.problems.length} more\n`);
      }
      return r.problemCount ? EXIT_FAILED : EXIT_OK;
    }, 'create');
  },
};

export const exchangeCommands: Command[] = [collectionCommand, exportCommand, importAnnotationsCommand];
