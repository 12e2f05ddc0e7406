import { existsSync, renameSync, rmSync } from 'node:fs';
import type { ImportSummary } from '../../../shared/model.js';
import { checkLibrary } from '../../core/check.js';
import { invoke } from '../../core/dispatch.js';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command } from '../command.js';
import { printJson, withArchive } from '../library.js';
import { flag, intOption, scriptOption, stringOption } from '../options.js';
import { followJob } from '../follow-job.js';
import { countOf } from '../count.js';
import { FILES } from '../progress.js';

const importCommand: Command = {
  name: 'import',
  summary: 'Import files and folders (recursively) into the library',
  usage: `Usage: qalam import PATH... [--db FILE] [--json]

Reads the seed format (" date YYYY-MM-DD Title" then one paragraph per line), plain text, Markdown,
HTML, RSS/Atom feeds, JSON and NDJSON, in UTF-8/UTF-16 or legacy Cyrillic code pages. Files that cannot
be read are listed with the reason; the rest is imported. Exact duplicates are counted, not stored twice.
Exit 0 when the import ran (even if some files failed).

With --json prints {"imported": N, "duplicates": N, "failed": [{"path", "error"}]}.`,
  options: {},
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('name at least one file or folder to import');
    return withArchive(args, io, async (archive) => {
      const { jobId } = await invoke(archive.handlers, 'importPaths', { paths: args.positionals });
      const r = await followJob<ImportSummary>(archive, jobId, io, 'Importing', FILES);
      if (flag(args, 'json')) {
        printJson(io, { imported: r.imported, duplicates: r.duplicates, failed: r.failed, batch: r.batchId });
      } else {
        io.out(`Imported ${countOf(r.imported, 'article')}, ${countOf(r.duplicates, 'duplicate')}, ${r.failed.length} failed.\n`);
        for (const f of r.failed) io.out(`  failed: ${f.path}: ${f.error}\n`);
      }
      return EXIT_OK;
    }, 'create');
  },
};

const searchCommand: Command = {
  name: 'search',
  summary: 'Search the library (words, "phrases", OR, -not, prefix*, title:, lang:, source:, date:)',
  usage: `Usage: qalam search QUERY [--limit N] [--offset N] [--script any|exact] [--json]

A word finds itself in every script it can be written in (Тошкент, Toshkent, Toşkent) and its
suffixed forms; "quotes" keep the exact form; --script exact matches only the script typed.
  --limit N       hits to show (default 20, at most 200)
  --offset N      hits to skip (paging)
  --script MODE   any (default) or exact
With --json prints {"total": N, "results": [{"id", "title", "date", "lang", "path", "snippet"}]};
matched words in snippets are marked <b>…</b>. A malformed query exits 2 with a message.`,
  options: { limit: { type: 'string' }, offset: { type: 'string' }, script: { type: 'string' } },
  dashPositionals: true,
  async run(args, io) {
    const query = args.positionals.join(' ');
    if (!query.trim()) throw new UsageError('give a query, e.g. qalam search "Тошкент"');
    const script = scriptOption(args);
    return withArchive(args, io, async (archive) => {
      const r = await invoke(archive.handlers, 'search', {
        query,
        script,
        limit: intOption(args, 'limit', 20, 1, 200),
        offset: intOption(args, 'offset', 0),
      });
      if (flag(args, 'json')) {
        printJson(io, {
          total: r.total,
          results: r.results.map((h) => ({ id: h.id, title: h.title, date: h.date, lang: h.lang, path: h.path, snippet: h.snippet, score: h.score })),
        });
      } else {
        io.out(`${countOf(r.total, 'article')}\n`);
        for (const h of r.results) {
          const snippet = h.snippet.replace(/<\/?b>/g, '*').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
          io.out(`\n[${h.id}] ${h.title}  (${h.date ?? 'no date'}, ${h.lang})\n    ${snippet}\n`);
        }
      }
      return EXIT_OK;
    }, 'read');
  },
};

const showCommand: Command = {
  name: 'show',
  summary: 'Show one article with its provenance',
  usage: `Usage: qalam show ID [--json]`,
  options: {},
  async run(args, io) {
    const id = Number(args.positionals[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('give an article id (a whole number), e.g. qalam show 12');
    return withArchive(args, io, async (archive) => {
      const a = await invoke(archive.handlers, 'getArticle', { id });
      if (flag(args, 'json')) printJson(io, a);
      else {
        const p = a.provenance;
        io.out(`${a.title}\n${a.date ?? 'no date'} · ${a.lang} · ${a.source ?? 'unknown source'} · ${a.uid}\n`);
        io.out(`from ${p.path ?? '?'} (${p.format}, ${p.encoding}, ${p.size === null ? 'size unknown' : countOf(p.size, 'byte')}, sha256 ${p.sha256}), imported ${p.importedAt}\n\n`);
        io.out(a.text + '\n');
      }
      return EXIT_OK;
    }, 'read');
  },
};

const listCommand: Command = {
  name: 'list',
  summary: 'List articles, sorted and filtered',
  usage: `Usage: qalam list [--lang L] [--source S] [--from DATE] [--to DATE] [--sort date|title|imported] [--asc] [--limit N] [--offset N] [--json]

  --lang L      a language tag (uz takes uz-Cyrl and uz-Latn)
  --from/--to   dates YYYY-MM-DD, either may be left out
  --sort KEY    date (default, newest first), title or imported
With --json prints {"total": N, "items": [...]}.`,
  options: {
    lang: { type: 'string' },
    source: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    sort: { type: 'string' },
    asc: { type: 'boolean' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  async run(args, io) {
    return withArchive(args, io, async (archive) => {
      const r = await invoke(archive.handlers, 'listArticles', {
        lang: stringOption(args, 'lang'),
        source: stringOption(args, 'source'),
        dateFrom: stringOption(args, 'from'),
        dateTo: stringOption(args, 'to'),
        sort: stringOption(args, 'sort') ?? 'date',
        order: flag(args, 'asc') ? 'asc' : 'desc',
        limit: intOption(args, 'limit', 50, 1, 1000),
        offset: intOption(args, 'offset', 0),
      });
      if (flag(args, 'json')) printJson(io, r);
      else {
        io.out(`${countOf(r.total, 'article')}\n`);
        for (const a of r.items) io.out(`${String(a.id).padStart(7)}  ${a.date ?? '          '}  ${a.lang.padEnd(7)}  ${a.title}\n`);
      }
      return EXIT_OK;
    }, 'read');
  },
};

const statsCommand: Command = {
  name: 'stats',
  summary: 'Articles by language and source, and the library size',
  usage: 'Usage: qalam stats [--json]',
  options: {},
  async run(args, io) {
    return withArchive(args, io, async (archive) => {
      const s = await invoke(archive.handlers, 'stats', {});
      if (flag(args, 'json')) printJson(io, { ...s, path: archive.ctx.lib.path });
      else {
        const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
        io.out(`${archive.ctx.lib.path}\n${countOf(s.articles, 'article')}, ${countOf(s.annotations, 'annotation')}, ${countOf(s.tags, 'tag')}, ${countOf(s.collections, 'collection')}\n`);
        io.out(`text ${mb(s.textBytes)}, library ${mb(s.sizeBytes)}\n\nBy language:\n`);
        for (const l of s.byLang) io.out(`  ${l.lang.padEnd(8)} ${l.count}\n`);
        io.out('\nBy source:\n');
        for (const l of s.bySource.slice(0, 30)) io.out(`  ${(l.source ?? '(unknown)').padEnd(30)} ${l.count}\n`);
        if (s.bySource.length > 30) io.out(`  … and ${s.bySource.length - 30} more\n`);
      }
      return EXIT_OK;
    }, 'read');
  },
};

const checkCommand: Command = {
  name: 'check',
  summary: 'Check the integrity of the library, its index and annotations (exit 1 on a problem)',
  usage: 'Usage: qalam check [--json]',
  options: {},
  async run(args, io) {
    // Declared as writing: its check of the full-text index is a command the index takes as an
    // INSERT, which SQLite refuses on a read-only connection.
    return withArchive(args, io, async (archive) => {
      const report = checkLibrary(archive.ctx.lib);
      if (flag(args, 'json')) printJson(io, report);
      else {
        for (const c of report.checks) io.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.detail ? `: ${c.detail}` : ''}\n`);
        io.out(report.ok ? 'The library is consistent.\n' : 'Problems found.\n');
      }
      return report.ok ? EXIT_OK : EXIT_FAILED;
    }, 'write');
  },
};

const backupCommand: Command = {
  name: 'backup',
  summary: 'Write a consistent copy of the library (safe while it is in use)',
  usage: `Usage: qalam backup OUT [--force]

Copies the library with SQLite's online backup, so the copy is consistent even while the app
writes. OUT must not exist unless --force.`,
  options: { force: { type: 'boolean' } },
  async run(args, io) {
    const out = args.positionals[0];
    if (!out) throw new UsageError('name the file to write, e.g. qalam backup ~/qalam-backup.sqlite');
    if (existsSync(out) && !flag(args, 'force')) throw new UsageError(`${out} exists; pass --force to replace it`);
    return withArchive(args, io, async (archive) => {
      const temp = `${out}.partial-${process.pid}`;
      try {
        await archive.ctx.lib.db.backup(temp);
        renameSync(temp, out);
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
      if (flag(args, 'json')) printJson(io, { path: out });
      else io.out(`Backed up to ${out}\n`);
      return EXIT_OK;
    }, 'read');
  },
};

export const archiveCommands: Command[] = [importCommand, searchCommand, showCommand, listCommand, statsCommand, checkCommand, backupCommand];
