import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeCsv } from './csv.js';
import { guidFor } from './guid.js';
import { Pacer } from './pacer.js';
import { writeQdc } from './qdpx.js';
import { Digests, FileSink, type Sink, ZipSink } from './sink.js';
import type { ExportSource } from './source.js';
import { writeW3c } from './w3c.js';

const ALGORITHMS = ['sha256', 'sha512'] as const;

/// Where the bag's files go: a folder being filled, or a zip with the bag folder at its top.
interface BagTarget {
  file(relPath: string, digests?: Digests): Sink;
  finish(): void;
}

export function folderTarget(root: string): BagTarget {
  return {
    file(rel, digests) {
      const path = join(root, ...rel.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      return new FileSink(path, digests);
    },
    finish() {},
  };
}

export function zipTarget(out: Sink, bagName: string): BagTarget {
  const zip = new ZipSink(out);
  return {
    file: (rel, digests) => zip.entry(`${bagName}/${rel}`, { digests }),
    finish: () => zip.end(),
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

/// A BagIt bag (RFC 8493, version 1.0): under `data/`, the original files as imported, the articles
/// as UTF-8 text with a JSON Lines index, the passages as W3C JSON-LD and CSV, and the codebook
/// (REFI-QDA .qdc); SHA-256 and SHA-512 manifests and tag manifests, each computed while the file
/// is written; `bag-info.txt` with the fields archives ask for.
export async function writeBag(
  src: ExportSource,
  target: BagTarget,
  pacer: Pacer,
  options: { organization: string; description: string; agent: string; label: string },
): Promise<{ articles: number; annotations: number; originals: number; bytes: number }> {
  const manifest: { path: string; sums: string[]; bytes: number }[] = [];
  const tagManifest: { path: string; sums: string[] }[] = [];
  const put = (rel: string, write: (s: Sink) => void | Promise<void>) => async () => {
    const digests = new Digests(ALGORITHMS);
    const sink = target.file(rel, digests);
    await write(sink);
    sink.end();
    manifest.push({ path: rel, sums: digests.hex(), bytes: sink.bytes });
  };

  const ids = src.articleIds();
  const seenOriginals = new Set<string>();
  let originals = 0;
  const index: BagArticleRecord[] = [];
  for (const id of ids) {
    const a = src.article(id)!;
    let original: string | null = null;
    if (a.origSha256) {
      const o = src.original(a.origSha256);
      if (o) {
        original = `data/originals/${a.origSha256.slice(0, 12)}-${safeName(o.name)}`;
        if (!seenOriginals.has(a.origSha256)) {
          seenOriginals.add(a.origSha256);
          await put(original, (s) => s.write(o.bytes))();
          originals++;
        }
      }
    }
    const file = `data/articles/${guidFor(a.uid)}.txt`;
    await put(file, (s) => s.write(a.text))();
    index.push({
      uid: a.uid, file, title: a.title, date: a.date, lang: a.lang, script: a.script, source: a.source, url: a.url,
      original, originalSha256: a.origSha256, originalPath: a.origPath, encoding: a.encoding, format: a.format,
    });
    await pacer.step();
  }
  await put('data/articles.jsonl', (s) => {
    for (const r of index) s.write(JSON.stringify(r) + '\n');
  })();
  const annotationPacer = new Pacer(undefined, 0, "");
  let annotations = 0;
  await put('data/annotations.jsonld', async (s) => {
    annotations = await writeW3c(src, s, annotationPacer, { id: `urn:uuid:${guidFor('bag', options.label, new Date().toISOString())}`, label: options.label });
  })();
  await put('data/passages.csv', async (s) => {
    await writeCsv(src, s, annotationPacer);
  })();
  await put('data/codebook.qdc', (s) => {
    writeQdc(src, s, { origin: options.agent });
  })();

  const payloadBytes = manifest.reduce((n, m) => n + m.bytes, 0);
  const tagFile = (rel: string, text: string) => {
    const digests = new Digests(ALGORITHMS);
    const sink = target.file(rel, digests);
    sink.write(text);
    sink.end();
    tagManifest.push({ path: rel, sums: digests.hex() });
  };
  tagFile('bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  tagFile(
    'bag-info.txt',
    [
      `Source-Organization: ${oneLine(options.organization)}`,
      `Bagging-Date: ${new Date().toISOString().slice(0, 10)}`,
      `Payload-Oxum: ${payloadBytes}.${manifest.length}`,
      `External-Description: ${oneLine(options.description)}`,
      `Bag-Software-Agent: ${oneLine(options.agent)}`,
      `External-Identifier: ${oneLine(options.label)}`,
    ].join('\n') + '\n',
  );
  ALGORITHMS.forEach((alg, i) => tagFile(`manifest-${alg}.txt`, manifest.map((m) => `${m.sums[i]}  ${manifestPath(m.path)}\n`).join('')));
  // Tag manifests list every tag file but themselves, which must be written last.
  const tagLines = [...tagManifest];
  ALGORITHMS.forEach((alg, i) => {
    const sink = target.file(`tagmanifest-${alg}.txt`);
    sink.write(tagLines.map((m) => `${m.sums[i]}  ${manifestPath(m.path)}\n`).join(''));
    sink.end();
  });
  target.finish();
  return { articles: ids.length, annotations, originals, bytes: payloadBytes };
}

/// RFC 8493 §2.1.3: in manifest paths, CR, LF and % are percent-encoded.
function manifestPath(p: string): string {
  return p.replace(/[%\r\n]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
