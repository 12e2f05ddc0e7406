import { join, resolve } from 'node:path';
import type { CallArgs } from '../../../shared/contract/index.js';
import { collectionArticleIds, type SearchAll } from '../collections/model.js';
import type { ArchiveContext } from '../context.js';
import { QalamError, writeFailure } from '../errors.js';
import type { JobControl } from '../jobs.js';
import { AtomicOutput } from './atomic-output.js';
import { folderTarget, writeBag, zipTarget } from './bagit.js';
import { writeCsv } from './csv.js';
import { guidFor } from './guid.js';
import { writeHtml } from './html.js';
import { Pacer } from './pacer.js';
import { writeQdc, writeQdpx } from './qdpx.js';
import { FileSink } from './sink.js';
import { type ExportScope, ExportSource } from './source.js';
import { writeTei } from './tei.js';
import { writeW3c } from './w3c.js';

export type ExportArgs = CallArgs<'startExport'>;
export type ExportFormat = ExportArgs['format'];

/// What a finished export reports: where it is and what went into it.
export interface ExportResult {
  format: ExportFormat;
  path: string;
  articles: number;
  annotations: number;
  tags: number;
  bytes?: number;
  ms: number;
}

const EXTENSION: Record<ExportFormat, string> = { w3c: '.jsonld', csv: '.csv', qdpx: '.qdpx', qdc: '.qdc', bagit: '', tei: '.xml', html: '.html' };

/// Turn the caller's choice (a collection, tags, a query, a passage filter; any combination
/// narrows) into the articles and tags to export. Unknown ids are errors, found before anything
/// is written.
export async function resolveScope(
  ctx: ArchiveContext,
  args: Pick<ExportArgs, 'collectionId' | 'tagIds' | 'query' | 'script' | 'passages'>,
  searchAll: SearchAll,
): Promise<ExportScope> {
  const { lib } = ctx;
  let ids: number[] | null = null;
  const labels: string[] = [];
  const narrow = (next: number[]) => {
    if (ids === null) ids = next;
    else {
      const keep = new Set(next);
      ids = ids.filter((id) => keep.has(id));
    }
  };
  if (args.collectionId !== undefined) {
    const name = lib.stmt('SELECT name FROM collections WHERE id = ?').pluck().get(args.collectionId) as string | undefined;
    if (name === undefined) throw new QalamError('not_found', `There is no collection ${args.collectionId}.`);
    narrow(await collectionArticleIds(lib, args.collectionId, searchAll));
    labels.push(name);
  }
  const tagNames = (tagIds: readonly number[]) =>
    tagIds.map((t) => {
      const name = lib.stmt('SELECT name FROM tags WHERE id = ?').pluck().get(t) as string | undefined;
      if (name === undefined) throw new QalamError('not_found', `There is no tag ${t}.`);
      return name;
    });
  if (args.tagIds?.length) labels.push(tagNames(args.tagIds).join(', '));
  if (args.passages) {
    const p = args.passages;
    // The articles are narrowed by the export's own read of the same filter (see ExportSource).
    labels.push([tagNames(p.tagIds).join(p.match === 'all' ? ' & ' : ', '), p.lang, dateRange(p.dateFrom, p.dateTo)].filter(Boolean).join(' · '));
  }
  if (args.query?.trim()) {
    const script = args.script ?? 'any';
    narrow(await searchAll(args.query.trim(), script));
    labels.push(`“${args.query.trim()}”${script === 'exact' ? ' (exact script)' : ''}`);
  }
  return {
    articleIds: ids,
    tagIds: args.tagIds?.length ? args.tagIds : null,
    passages: args.passages ?? null,
    label: labels.length ? labels.join(' · ') : 'All articles',
  };
}

function dateRange(from: string | undefined, to: string | undefined): string {
  if (from && to) return `${from} to ${to}`;
  if (from) return `from ${from}`;
  if (to) return `to ${to}`;
  return '';
}

/// Where an export goes when the caller names no path: the library's export folder, under a
/// name that says what and when.
export function defaultOutPath(ctx: ArchiveContext, format: ExportFormat, label: string, zip: boolean): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const slug = label.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'export';
  const ext = format === 'bagit' ? (zip ? '.zip' : '') : EXTENSION[format];
  return join(ctx.exportDir, `qalam-${slug}-${stamp}${format === 'bagit' ? '-bag' : ''}${ext}`);
}

/// Run one export to completion: resolve the scope, write aside, rename into place. Whatever
/// goes wrong (a cancel, a full disk) removes the partial output and leaves the target untouched.
export async function runExport(ctx: ArchiveContext, args: ExportArgs, searchAll: SearchAll, job?: Pick<JobControl, 'progress' | 'signal'>): Promise<ExportResult> {
  const t0 = Date.now();
  const scope = await resolveScope(ctx, args, searchAll);
  const zip = args.format === 'bagit' && (args.zip ?? false);
  const path = resolve(args.out ?? defaultOutPath(ctx, args.format, scope.label, zip));
  const isFolder = args.format === 'bagit' && !zip;
  // The library is opened for reading before anything is made beside the target, so a library
  // that cannot be read leaves nothing behind.
  const src = new ExportSource(ctx.lib, scope);
  let out: AtomicOutput;
  try {
    out = new AtomicOutput(path, isFolder ? 'folder' : 'file');
  } catch (e) {
    src.close();
    throw writeFailure(e, path);
  }
  const pacer = new Pacer(job, 0, `Exporting ${args.format}`);
  const origin = `Qalam ${ctx.appVersion}`;
  const title = `Qalam export: ${scope.label}`;
  const scratch = (name: string) => out.scratch(name);
  let file: FileSink | undefined;
  try {
    let articles = 0;
    let annotations = 0;
    let bytes: number | undefined;
    if (isFolder) {
      const r = await writeBag(src, folderTarget(out.temp, scratch), pacer, bagOptions(ctx, scope, origin));
      ({ articles, annotations, bytes } = r);
    } else {
      file = new FileSink(out.temp);
      switch (args.format) {
        case 'w3c':
          annotations = await writeW3c(src, file, pacer, { id: `urn:uuid:${guidFor('collection', path, String(t0))}`, label: title });
          break;
        case 'csv':
          annotations = await writeCsv(src, file, pacer, { excel: args.excel });
          break;
        case 'qdpx':
          ({ articles, annotations } = await writeQdpx(src, file, pacer, { name: title, origin, scratch }));
          break;
        case 'qdc':
          writeQdc(src, file, { origin });
          break;
        case 'bagit':
          ({ articles, annotations, bytes } = await writeBag(src, zipTarget(file, bagName(path), scratch), pacer, bagOptions(ctx, scope, origin)));
          break;
        case 'tei':
          ({ articles, annotations } = await writeTei(src, file, pacer, { title, origin }));
          break;
        case 'html':
          annotations = await writeHtml(src, file, pacer, { title, origin });
          articles = src.articleCount();
          break;
      }
      file.end();
      bytes ??= file.bytes;
    }
    if (args.format === 'w3c' || args.format === 'csv') articles = src.annotatedArticles;
    out.commit();
    pacer.finish();
    return { format: args.format, path, articles, annotations, tags: src.codebook.length, bytes, ms: Date.now() - t0 };
  } catch (e) {
    file?.close();
    out.abort();
    throw writeFailure(e, path);
  } finally {
    src.close();
  }
}

function bagName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? 'bag';
  return base.replace(/\.zip$/i, '') || 'bag';
}

function bagOptions(ctx: ArchiveContext, scope: ExportScope, origin: string) {
  return {
    organization: process.env.QALAM_ORGANIZATION?.trim() || 'Qalam user',
    description: `Articles and tagged passages exported from the Qalam library ${ctx.lib.path}: ${scope.label}.`,
    agent: origin,
    label: scope.label,
  };
}
