import { unzipSync } from 'fflate';
import { CodePointIndex } from '../../../shared/anchoring/codepoints.js';
import { QalamError } from '../errors.js';
import type { LibraryWriter } from './library-writer.js';
import { normalFormMap, normalQuote } from './normal-form-map.js';
import type { Problems } from './report.js';
import { importCodes } from './qda-codes.js';
import { parseQdaXml } from './xml-read.js';

type Node = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string' ? ((v as Node)['#text'] as string) : undefined);

/// A REFI-QDA project read into memory: the parsed project.qde and the files of sources/.
export interface QdaProject {
  project: Node;
  files: Map<string, Uint8Array>;
}

/// Unzip a .qdpx and parse its project.qde (found at the top level, any case).
export function readQdpx(bytes: Uint8Array, name: string): QdaProject {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new QalamError('bad_input', `${name} is not a REFI-QDA project (not a zip file: ${(e as Error).message}).`);
  }
  const files = new Map<string, Uint8Array>();
  let qde: Uint8Array | undefined;
  for (const [path, data] of Object.entries(entries)) {
    if (/^project\.qde$/i.test(path)) qde = data;
    else if (/^sources\//i.test(path)) files.set(path.replace(/^sources\//i, '').toLowerCase(), data);
  }
  if (!qde) {
    // A zip reaches here by its name (.qdpx) or because it holds no bagit.txt either.
    const neither = /\.qdpx$/i.test(name) ? '' : ' nor a BagIt bag (no bagit.txt)';
    throw new QalamError('bad_input', `${name} has no project.qde at its top level; it is not a REFI-QDA project${neither}. Nothing was imported.`);
  }
  const doc = parseQdaXml(new TextDecoder().decode(qde), `${name}: project.qde`);
  const project = doc.Project as Node | undefined;
  if (!project || typeof project !== 'object') throw new QalamError('bad_input', `${name}: project.qde has no <Project> element.`);
  return { project, files };
}

const stripExtension = (n: string) => n.replace(/\.(txt|docx?|rtf|odt|html?|pdf)$/i, '');

/// Sources become articles (title from the source name, date, language and URL from the
/// variables Qalam writes), codes become tags, text selections become annotations with their
/// codes and descriptions as notes. What has no text to stand on (pictures, PDFs without a text
/// representation, audio, video, a missing source file) is reported.
export function importQdaProject(writer: LibraryWriter, { project, files }: QdaProject, problems: Problems): { read: number; unanchored: number } {
  const codebook = project.CodeBook as Node | undefined;
  const codeIds = importCodes(writer, asArray((codebook?.Codes as Node | undefined)?.Code as Node[]));
  const variables = new Map<string, string>();
  for (const v of asArray((project.Variables as Node | undefined)?.Variable as Node[])) {
    variables.set(String(v.guid).replace(/[{}]/g, '').toLowerCase(), String(v.name ?? '').toLowerCase());
  }
  const sources = (project.Sources ?? {}) as Node;
  for (const kind of ['PictureSource', 'AudioSource', 'VideoSource']) {
    for (const s of asArray(sources[kind] as Node[])) problems.add(String(s.name ?? s.guid), `a ${kind.replace('Source', '').toLowerCase()} source has no text to import`);
  }
  for (const s of asArray(sources.PDFSource as Node[])) problems.add(String(s.name ?? s.guid), 'a PDF source: only text sources are imported');
  let read = 0;
  let unanchored = 0;
  for (const s of asArray(sources.TextSource as Node[])) {
    const name = String(s.name ?? s.guid ?? 'source');
    const selections = asArray(s.PlainTextSelection as Node[]);
    read += selections.length;
    let raw = text(s.PlainTextContent);
    const path = typeof s.plainTextPath === 'string' ? s.plainTextPath : undefined;
    if (raw === undefined && path?.startsWith('internal://')) {
      const data = files.get(path.slice('internal://'.length).toLowerCase());
      if (data) raw = new TextDecoder().decode(data).replace(/^\uFEFF/, '');
    }
    if (raw === undefined) {
      problems.add(name, `the project does not include this source's text (${path ?? 'no plainTextPath'}), so its ${selections.length} selection(s) cannot be placed`);
      unanchored += selections.length;
      continue;
    }
    const values = new Map<string, string>();
    for (const vv of asArray(s.VariableValue as Node[])) {
      const ref = String((vv.VariableRef as Node | undefined)?.targetGUID ?? '').replace(/[{}]/g, '').toLowerCase();
      const value = text(vv.TextValue) ?? text(vv.DateValue);
      const vname = variables.get(ref);
      if (vname && value !== undefined) values.set(vname, value.trim());
    }
    const articleId = writer.article({
      text: raw,
      title: stripExtension(name),
      date: values.get('date')?.slice(0, 10) ?? null,
      lang: values.get('language') ?? null,
      script: values.get('script') ?? null,
      source: values.get('source') ?? null,
      url: values.get('url') ?? null,
      format: 'qdpx',
      origPath: name,
    });
    // Positions count code points of the text as the other tool stored it; the article keeps it
    // in the library's normal form (composed, `\n` line ends…), so they are mapped onto that.
    const rawIndex = new CodePointIndex(raw);
    const stored = writer.articleText(articleId);
    const map = normalFormMap(raw);
    const mapped = map && map.text === stored ? map : null;
    for (const sel of selections) {
      const label = `${name}: ${String(sel.name ?? sel.guid)}`;
      const start = Number(sel.startPosition);
      const end = Number(sel.endPosition);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > rawIndex.codePointLength) {
        problems.add(label, `its positions ${sel.startPosition}–${sel.endPosition} are outside the source text; it was skipped`);
        unanchored++;
        continue;
      }
      const guid = String(sel.guid ?? '').replace(/[{}]/g, '').toLowerCase();
      const uid = guid ? `urn:uuid:${guid}` : undefined;
      if (uid && writer.hasAnnotation(uid)) {
        writer.counts.annotationsExisting++;
        continue;
      }
      const from = rawIndex.toUtf16(start);
      const to = rawIndex.toUtf16(end);
      // Should the mapping ever not reproduce the stored text, the passage is found by its
      // quote and context instead.
      const found = mapped
        ? writer.find(articleId, { start: mapped.start(from), end: mapped.end(to) })
        : writer.find(articleId, {
            exact: normalQuote(raw.slice(from, to)),
            prefix: normalQuote(raw.slice(rawIndex.toUtf16(Math.max(0, start - 32)), from)),
            suffix: normalQuote(raw.slice(to, rawIndex.toUtf16(Math.min(rawIndex.codePointLength, end + 32)))),
          });
      if (!found) {
        problems.add(label, mapped ? 'it covers only white space that the stored text does not keep; it was skipped' : 'its text could not be found in the source; it was skipped');
        unanchored++;
        continue;
      }
      const tagIds: number[] = [];
      for (const c of asArray(sel.Coding as Node[])) {
        const ref = String((c.CodeRef as Node | undefined)?.targetGUID ?? '').replace(/[{}]/g, '').toLowerCase();
        const id = codeIds.get(ref);
        if (id !== undefined) tagIds.push(id);
        else problems.add(label, `it refers to a code ${ref} that is not in the codebook; that code was left off`);
      }
      writer.annotation(found, {
        uid,
        note: text(sel.Description)?.trim() ?? '',
        tagIds,
        createdAt: typeof sel.creationDateTime === 'string' ? sel.creationDateTime : undefined,
        modifiedAt: typeof sel.modifiedDateTime === 'string' ? sel.modifiedDateTime : undefined,
      });
    }
  }
  return { read, unanchored };
}
