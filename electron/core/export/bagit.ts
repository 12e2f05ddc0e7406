import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { open, opendir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CsvWriter } from './csv.js';
import { guidFor } from './guid.js';
import type { Pacer } from './pacer.js';
import { writeQdc } from './qdpx.js';
import { Digests, FileSink, type Sink } from './sink.js';
import type { ExportArticle, ExportSource } from './source.js';
import { W3cWriter } from './w3c.js';
import { ZipSink } from './zip.js';

const ALGORITHMS = ['sha256', 'sha512'] as const;

/// Where the bag's files go: a folder being filled, or a zip with the bag folder at its top.
/// `scratch` names a scratch file beside the output (same file system) that the caller removes
/// whether the bag is finished or abandoned.
export interface BagTarget {
  file(relPath: string, options?: { digests?: Digests; compressed?: boolean }): Sink;
  finish(): void | Promise<void>;
  /// Give up: release what is open.
  close(): void;
  readonly scratch: (name: string) => string;
}

export function folderTarget(root: string, scratch: (name: string) => string): BagTarget {
  // A bag has a handful of folders and thousands of files: create each folder once.
  const made = new Set<string>();
  return {
    file(rel, options = {}) {
      const path = join(root, ...rel.split('/'));
      const dir = dirname(path);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      // Synced all at once when the bag is complete (see `syncTree`), not one by one.
      return new FileSink(path, options.digests, { sync: false });
    },
    finish: () => syncTree(root),
    close() {},
    scratch,
  };
}

export function zipTarget(out: Sink, bagName: string, scratch: (name: string) => string): BagTarget {
  const zip = new ZipSink(out, scratch('zip-directory'));
  return {
    file: (rel, options = {}) => zip.entry(`${bagName}/${rel}`, { digests: options.digests, level: options.compressed ? 0 : undefined }),
    finish: () => zip.end(),
    close: () => zip.close(),
    scratch,
  };
}

/// A payload file name safe on every file system and in a manifest line: letters, digits, dot,
/// dash and underscore; anything else becomes `_`.
export function safeName(name: string): string {
  const clean = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '');
  return clean.slice(0, 120) || 'file';
}

/// Metadata of one article in `data/articles.jsonl`, enough to rebuild it when the bag is imported.
export interface BagArticleRecord {
  uid: string;
  file: string;
  title: string;
  date: string | null;
  lang: string;
  script: string;
  source: string | null;
  url: string | null;
  original: string | null;
  originalSha256: string | null;
  originalPath: string | null;
  encoding: string | null;
  format: string | null;
}

/// File types that are compressed already: deflating them again costs time and saves nothing.
const COMPRESSED = /\.(?:docx|xlsx|pptx|odt|ods|epub|pdf|zip|gz|bz2|xz|7z|png|jpe?g|gif|webp|mp3|mp4)$/i;

/// A BagIt bag (RFC 8493, version 1.0): under `data/`, the original files as imported, the articles
/// as UTF-8 text with a JSON Lines index, the passages as W3C JSON-LD and CSV, and the codebook
/// (REFI-QDA .qdc); SHA-256 and SHA-512 manifests and tag manifests, each computed while the file
/// is written; `bag-info.txt` with the fields archives ask for.
///
/// Memory stays flat however many articles the bag holds: manifest lines and the article index are
/// appended to scratch files as each payload file is written, and copied into the bag at the end.
export async function writeBag(
  src: ExportSource,
  target: BagTarget,
  pacer: Pacer,
  options: { organization: string; description: string; agent: string; label: string },
): Promise<{ articles: number; annotations: number; originals: number; bytes: number }> {
  const spools = {
    index: target.scratch('articles-jsonl'),
    csv: target.scratch('passages-csv'),
    manifests: ALGORITHMS.map((alg) => target.scratch(`manifest-${alg}`)),
  };
  const manifests: FileSink[] = [];
  let index: FileSink | undefined;
  try {
    for (const path of spools.manifests) manifests.push(new FileSink(path, undefined, { sync: false }));
    index = new FileSink(spools.index, undefined, { sync: false });
    let payloadBytes = 0;
    let payloadFiles = 0;
    const record = (rel: string, digests: Digests, bytes: number) => {
      digests.hex().forEach((sum, i) => manifests[i].write(`${sum}  ${manifestPath(rel)}\n`));
      payloadBytes += bytes;
      payloadFiles++;
    };
    const put = async (rel: string, write: (s: Sink) => void | Promise<void>, compressed = false) => {
      const digests = new Digests(ALGORITHMS);
      const sink = target.file(rel, { digests, compressed });
      await write(sink);
      sink.end();
      record(rel, digests, sink.bytes);
    };

    const count = src.articleCount();
    // One step per article file, then one per passage.
    pacer.total = count + src.annotationCount();
    let originals = 0;
    for (const o of src.originals()) {
      const name = originalPath(o.sha256, o.name);
      await put(name, (s) => s.write(o.bytes), COMPRESSED.test(name));
      originals++;
      // Counted with the article files below; a step here keeps cancel and progress answering.
      await pacer.step(0);
    }
    for (const a of src.articles({ text: true })) {
      const file = `data/articles/${guidFor(a.uid)}.txt`;
      await put(file, (s) => s.write(a.text));
      index.write(JSON.stringify(articleRecord(a, file)) + '\n');
      await pacer.step();
    }
    index.end();
    await put('data/articles.jsonl', (s) => copyFile(spools.index, s));
    // One read of the passages writes both files: the annotations straight into the bag, the CSV
    // to a scratch file that follows it in (a zip takes one entry at a time).
    let annotations = 0;
    const csvSpool = new FileSink(spools.csv, undefined, { sync: false });
    try {
      const csv = new CsvWriter(src, csvSpool);
      await put('data/annotations.jsonld', async (s) => {
        const w3c = new W3cWriter(src, s, { id: `urn:uuid:${guidFor('bag', options.label, new Date().toISOString())}`, label: options.label, total: src.annotationCount() });
        for (const item of src.annotated({ text: true })) {
          w3c.article(item);
          csv.article(item);
          await pacer.step(item.annotations.length);
        }
        annotations = w3c.end();
      });
      csvSpool.end();
    } finally {
      csvSpool.close();
    }
    await put('data/passages.csv', (s) => copyFile(spools.csv, s));
    await put('data/codebook.qdc', (s) => {
      writeQdc(src, s, { origin: options.agent });
    });
    for (const m of manifests) m.end();

    const tagManifest: { path: string; sums: string[] }[] = [];
    const tagFile = (rel: string, write: (s: Sink) => void) => {
      const digests = new Digests(ALGORITHMS);
      const sink = target.file(rel, { digests });
      write(sink);
      sink.end();
      tagManifest.push({ path: rel, sums: digests.hex() });
    };
    tagFile('bagit.txt', (s) => s.write('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'));
    tagFile('bag-info.txt', (s) =>
      s.write(
        [
          `Source-Organization: ${oneLine(options.organization)}`,
          `Bagging-Date: ${new Date().toISOString().slice(0, 10)}`,
          `Payload-Oxum: ${payloadBytes}.${payloadFiles}`,
          `External-Description: ${oneLine(options.description)}`,
          `Bag-Software-Agent: ${oneLine(options.agent)}`,
          `External-Identifier: ${oneLine(options.label)}`,
        ].join('\n') + '\n',
      ),
    );
    ALGORITHMS.forEach((alg, i) => tagFile(`manifest-${alg}.txt`, (s) => copyFile(spools.manifests[i], s)));
    // Tag manifests list every tag file but themselves, which must be written last.
    ALGORITHMS.forEach((alg, i) => {
      const sink = target.file(`tagmanifest-${alg}.txt`);
      sink.write(tagManifest.map((m) => `${m.sums[i]}  ${manifestPath(m.path)}\n`).join(''));
      sink.end();
    });
    await target.finish();
    return { articles: count, annotations, originals, bytes: payloadBytes };
  } catch (e) {
    target.close();
    throw e;
  } finally {
    for (const m of manifests) m.close();
    index?.close();
  }
}

/// Flush every file and folder of a finished bag to disk before it is published. One fsync per
/// file, in turn, costs a journal commit each (tens of seconds for twenty thousand files); many
/// at once let the file system commit them together. The folder is walked as it is read, so no
/// list of its files is built.
async function syncTree(root: string, parallel = 32): Promise<void> {
  const pending = new Set<Promise<void>>();
  const sync = async (path: string) => {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };
  const add = async (path: string) => {
    if (pending.size >= parallel) await Promise.race(pending);
    const p = sync(path).finally(() => pending.delete(p));
    pending.add(p);
  };
  const walk = async (dir: string): Promise<void> => {
    for await (const entry of await opendir(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else await add(path);
    }
    await add(dir);
  };
  await walk(root);
  await Promise.all(pending);
}

/// Where an original file goes in the bag: its hash keeps two files of one name apart.
function originalPath(sha256: string, name: string): string {
  return `data/originals/${sha256.slice(0, 12)}-${safeName(name)}`;
}

function articleRecord(a: ExportArticle, file: string): BagArticleRecord {
  return {
    uid: a.uid, file, title: a.title, date: a.date, lang: a.lang, script: a.script, source: a.source, url: a.url,
    original: a.origSha256 && a.origName !== null ? originalPath(a.origSha256, a.origName) : null,
    originalSha256: a.origSha256, originalPath: a.origPath, encoding: a.encoding, format: a.format,
  };
}

/// Copy a scratch file into a sink in 64 KiB reads.
function copyFile(path: string, sink: Sink): void {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      // A fresh buffer each time: a zip entry may hold on to the block it was handed last.
      const buf = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, buf);
      if (n <= 0) break;
      sink.write(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/// RFC 8493 §2.1.3: in manifest paths, CR, LF and % are percent-encoded.
function manifestPath(p: string): string {
  return p.replace(/[%\r\n]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
