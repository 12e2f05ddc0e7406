import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { sha256Hex } from '../articles/identity.js';
import type { ArchiveContext } from '../context.js';
import { QalamError } from '../errors.js';
import { importSources } from '../import/pipeline.js';
import type { JobControl } from '../jobs.js';
import type { BagArticleRecord } from '../export/bagit.js';
import { readBag, verifyBag } from './bag-read.js';
import { LibraryWriter } from './library-writer.js';
import { importCodes } from './qda-codes.js';
import { importQdaProject, readQdpx } from './qdpx-import.js';
import { type ImportReport, Problems } from './report.js';
import { collectW3cAnnotations, describeValue, importW3cAnnotations, parseJson } from './w3c-import.js';
import { parseQdaXml } from './xml-read.js';

/// Which kind of file this is: a bag (folder with bagit.txt, or a zip holding one), a REFI-QDA
/// project, or Web Annotation JSON(-LD). Decided by content where the name does not say.
export function detectExchangeFormat(path: string): 'w3c' | 'qdpx' | 'bagit' {
  if (statSync(path).isDirectory()) return 'bagit';
  if (/\.qdpx$/i.test(path)) return 'qdpx';
  if (/\.(jsonld|json)$/i.test(path)) return 'w3c';
  const head = readFileSync(path).subarray(0, 4);
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const text = readFileSync(path).toString('latin1');
    return /(^|\/)bagit\.txt/.test(text) && !/project\.qde/i.test(text) ? 'bagit' : 'qdpx';
  }
  return 'w3c';
}

/// Import a Web Annotation file, a REFI-QDA project or a BagIt bag. Everything is read and checked
/// first and written in one transaction: a file that cannot be read changes nothing, and what
/// cannot be placed is listed in the report.
export async function importExchangeFile(ctx: ArchiveContext, rawPath: string, job?: Pick<JobControl, 'progress'>): Promise<ImportReport> {
  const path = resolve(rawPath);
  if (!existsSync(path)) throw new QalamError('not_found', `There is no file or folder ${path}.`);
  const format = detectExchangeFormat(path);
  const name = basename(path);
  const problems = new Problems();
  const { lib } = ctx;
  job?.progress(0, 1, `Reading ${name}`);
  let read = 0;
  let unanchored = 0;
  let counts;

  if (format === 'w3c') {
    const doc = parseJson(readFileSync(path, 'utf8'), name);
    const annotations = collectW3cAnnotations(doc, problems);
    if (!annotations.length && !problems.count) throw new QalamError('bad_input', `${name} holds no Web Annotations (it is ${describeValue(doc)}); nothing was imported.`);
    read = annotations.length;
    const writer = new LibraryWriter(lib, `annotations from ${name}`);
    lib.db.transaction(() => {
      ({ unanchored } = importW3cAnnotations(lib, writer, annotations, problems));
      writer.finish();
    })();
    counts = writer.counts;
  } else if (format === 'qdpx') {
    const project = readQdpx(readFileSync(path), name);
    const writer = new LibraryWriter(lib, `REFI-QDA project ${name}`);
    lib.db.transaction(() => {
      ({ read, unanchored } = importQdaProject(writer, project, problems));
      writer.finish();
    })();
    counts = writer.counts;
  } else {
    const files = readBag(path);
    verifyBag(files, name);
    const decode = (p: string) => new TextDecoder().decode(files.get(p)!);
    const index = files.has('data/articles.jsonl')
      ? decode('data/articles.jsonl').split('\n').filter((l) => l.trim()).map((l, i) => {
          try {
            return JSON.parse(l) as BagArticleRecord;
          } catch {
            throw new QalamError('bad_input', `${name}: line ${i + 1} of data/articles.jsonl is not JSON; nothing was imported.`);
          }
        })
      : null;
    const annotations = files.has('data/annotations.jsonld') ? collectW3cAnnotations(parseJson(decode('data/annotations.jsonld'), `${name}: data/annotations.jsonld`), problems) : [];
    read = annotations.length;
    if (!index) {
      // A bag made elsewhere: its payload files go through the ordinary import, as if dropped in.
      const sources = [...files].filter(([p]) => p.startsWith('data/') && !/\.(jsonld|qdc|csv|jsonl)$/i.test(p)).map(([p, bytes]) => ({ kind: 'bytes' as const, name: p.slice(5), bytes }));
      await importSources(lib, sources, { label: `bag ${name}` });
    }
    const writer = new LibraryWriter(lib, `bag ${name}`);
    lib.db.transaction(() => {
      if (files.has('data/codebook.qdc')) {
        const qdc = parseQdaXml(decode('data/codebook.qdc'), `${name}: data/codebook.qdc`);
        const codes = ((qdc.CodeBook as Record<string, unknown> | undefined)?.Codes as Record<string, unknown> | undefined)?.Code;
        importCodes(writer, (Array.isArray(codes) ? codes : codes ? [codes] : []) as Record<string, unknown>[]);
      }
      for (const r of index ?? []) {
        const text = files.get(r.file);
        if (!text) {
          problems.add(r.file, 'the article file listed in data/articles.jsonl is not in the bag');
          continue;
        }
        let orig: Uint8Array | undefined;
        if (r.original && r.originalSha256 && (orig = files.get(r.original)) && sha256Hex(orig) === r.originalSha256) {
          writer.original(r.originalSha256, r.original.split('/').pop()!.replace(/^[0-9a-f]{12}-/, ''), orig, deflateSync(orig));
        }
        writer.article({
          text: new TextDecoder().decode(text),
          title: r.title, date: r.date, lang: r.lang, script: r.script, source: r.source, url: r.url,
          origPath: r.originalPath, origSha256: orig ? r.originalSha256 : null, origSize: orig?.length ?? null,
          encoding: r.encoding, format: r.format ?? 'bagit',
        });
      }
      ({ unanchored } = importW3cAnnotations(lib, writer, annotations, problems));
      writer.finish();
    })();
    counts = writer.counts;
  }
  job?.progress(1, 1, `Imported ${name}`);
  return { format, path, counts, annotationsRead: read, unanchored, problems: problems.list, problemCount: problems.count };
}
