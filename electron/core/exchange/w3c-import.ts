import { QalamError } from '../errors.js';
import type { Library } from '../db/open.js';
import { htmlFragmentToText } from '../import/formats/html-text.js';
import type { FoundPassage, LibraryWriter } from './library-writer.js';
import { normalQuote } from './normal-form-map.js';
import type { Problems } from './report.js';
import { PositionReader } from './w3c-position.js';

type Json = Record<string, unknown>;

const asArray = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const typesOf = (o: Json): string[] => asArray(o.type as string | string[]).map(String);

/// Every annotation in a Web Annotation document, whatever its container: one annotation, an
/// array, an AnnotationPage, or an AnnotationCollection with its embedded first page and any pages
/// carried in the same file (`@included`, as Qalam writes them). A page given only by IRI
/// cannot be followed offline; that is reported.
export function collectW3cAnnotations(doc: unknown, problems: Problems): Json[] {
  const out: Json[] = [];
  const fromPage = (page: unknown, where: string) => {
    if (typeof page === 'string') {
      problems.add(where, `the page ${page} is not in the file (only embedded pages can be read offline)`);
      return;
    }
    if (!page || typeof page !== 'object') return;
    asArray((page as Json).items as unknown[]).forEach((it, i) => {
      if (it && typeof it === 'object' && !Array.isArray(it)) out.push(it as Json);
      else problems.add(`${where}, item ${i + 1}`, `it is ${describeValue(it)}, not an annotation; it was skipped`);
    });
  };
  const visit = (node: unknown, where: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, where ? `${where}, item ${i + 1}` : `item ${i + 1}`));
    const o = (node && typeof node === 'object' ? node : {}) as Json;
    const types = typesOf(o);
    if (types.includes('Annotation') || (o.target !== undefined && !types.length)) out.push(o);
    else if (types.includes('AnnotationPage')) fromPage(o, String(o.id ?? (where || 'page')));
    else if (types.includes('AnnotationCollection')) {
      fromPage(o.first, 'first page');
      for (const inc of asArray(o['@included'] as unknown[])) {
        if (inc && typeof inc === 'object' && typesOf(inc as Json).includes('AnnotationPage')) fromPage(inc, String((inc as Json).id));
      }
      if (!o.first && Number(o.total) > 0) problems.add(String(o.id ?? 'collection'), 'the collection has no embedded first page');
    } else if (Array.isArray(o['@graph'])) visit(o['@graph'], where);
    // An item of a list that is not an annotation is named in the report; a whole file that is
    // not one is refused by the caller.
    else if (where) problems.add(typeof o.id === 'string' ? o.id : where, `it is ${describeValue(node)}, not a Web Annotation; it was skipped`);
  };
  visit(doc, '');
  return out;
}

/// What a JSON value is, in a few words for a report.
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v !== 'object') return `a ${typeof v}`;
  const types = typesOf(v as Json);
  return types.length ? `of type ${types.join(', ')}` : 'an object without a type or target';
}

interface Target {
  source?: string;
  quote?: { exact: string; prefix?: string; suffix?: string };
  position?: { start: number; end: number };
}

function readTargets(anno: Json): Target[] {
  return asArray(anno.target as unknown).map((t): Target => {
    if (typeof t === 'string') return { source: t };
    const o = (t ?? {}) as Json;
    // A source may also be given as a node with an id, as JSON-LD allows.
    const src = o.source && typeof o.source === 'object' ? (o.source as Json).id : o.source;
    const source = typeof src === 'string' ? src : typeof o.id === 'string' && !o.selector ? o.id : undefined;
    const target: Target = { source };
    for (const s of asArray(o.selector as Json[])) {
      if (!s || typeof s !== 'object') continue;
      const type = typesOf(s);
      if (type.includes('TextQuoteSelector') && typeof s.exact === 'string') {
        target.quote = { exact: s.exact, prefix: typeof s.prefix === 'string' ? s.prefix : undefined, suffix: typeof s.suffix === 'string' ? s.suffix : undefined };
      } else if (type.includes('TextPositionSelector') && Number.isInteger(s.start) && Number.isInteger(s.end)) {
        target.position = { start: Number(s.start), end: Number(s.end) };
      }
    }
    return target;
  });
}

/// Tags (tagging bodies, as paths split at `/`) and the note (commenting bodies, or bodies
/// without a purpose on a commenting annotation) of one annotation.
function readBodies(anno: Json): { tags: { path: string[]; uid?: string }[]; note: string } {
  const tags: { path: string[]; uid?: string }[] = [];
  const notes: string[] = [];
  const motivations = asArray(anno.motivation as string | string[]);
  for (const b of [...asArray(anno.body as unknown), ...asArray(anno.bodyValue as unknown)]) {
    const o: Json = typeof b === 'string' ? { value: b } : ((b ?? {}) as Json);
    const given = typeof o.value === 'string' ? o.value : typeof o.chars === 'string' ? o.chars : null;
    if (given === null) continue;
    // An HTML body is kept as the text a reader sees: paragraphs on lines of their own,
    // entities decoded, scripts and styles left out.
    const value = isHtml(o.format) ? htmlFragmentToText(given) : given;
    const purposes = asArray(o.purpose as string | string[]);
    const tagging = purposes.includes('tagging') || (!purposes.length && motivations.includes('tagging'));
    if (tagging) {
      const path = value.split('/').map((s) => s.trim()).filter(Boolean);
      if (path.length) tags.push({ path, uid: typeof o.id === 'string' ? o.id.replace(/^urn:uuid:/, '') : undefined });
    } else if (value.trim()) notes.push(value);
  }
  return { tags, note: notes.join('\n\n') };
}

/// Whether a body's format (a media type, perhaps with parameters) is HTML.
function isHtml(format: unknown): boolean {
  return asArray(format as string | string[]).some((f) => typeof f === 'string' && /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i.test(f));
}

/// Place each annotation on its article (by `urn:uuid:` first, then by source URL) with its
/// selectors, and report every one that finds no article or no passage.
export function importW3cAnnotations(lib: Library, writer: LibraryWriter, annotations: Json[], problems: Problems): { unanchored: number } {
  const byUid = lib.db.prepare('SELECT id FROM articles WHERE uid = ?').pluck();
  const byUrl = lib.db.prepare('SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1').pluck();
  const positions = new PositionReader();
  let unanchored = 0;
  annotations.forEach((anno, i) => {
    const name = typeof anno.id === 'string' ? anno.id : `annotation ${i + 1}`;
    const uid = typeof anno.id === 'string' && anno.id ? anno.id : undefined;
    if (uid && writer.hasAnnotation(uid)) {
      writer.counts.annotationsExisting++;
      return;
    }
    const targets = readTargets(anno);
    if (!targets.length) {
      unanchored++;
      return problems.add(name, 'it has no target; it was skipped');
    }
    let found: FoundPassage | null = null;
    // Why the annotation could not be placed, when an article was found for it.
    let why: string | null = null;
    const missing: string[] = [];
    for (const t of targets) {
      if (!t.source) continue;
      const articleId = (byUid.get(t.source) ?? byUrl.get(t.source)) as number | undefined;
      if (articleId === undefined) {
        missing.push(t.source);
        continue;
      }
      if (!t.quote && !t.position) {
        why = 'it targets a whole article, not a passage';
        continue;
      }
      const text = writer.articleText(articleId);
      const at = t.position ? positions.storedPosition(text, { ...t.position, ...t.quote }) : null;
      const exact = at?.confirmed && t.quote ? text.slice(at.start, at.end) : t.quote && normalQuote(t.quote.exact);
      // Context cut off at 32 code points may begin with the accent of a letter left outside it.
      const prefix = t.quote?.prefix === undefined ? undefined : normalQuote(t.quote.prefix).replace(/^\p{M}+/u, '');
      const suffix = t.quote?.suffix === undefined ? undefined : normalQuote(t.quote.suffix);
      found = writer.find(articleId, { exact, prefix, suffix, start: at?.start, end: at?.end });
      if (found) break;
      why = t.quote
        ? `its passage “${t.quote.exact.normalize('NFC').slice(0, 60)}” is not in the article ${t.source}`
        : `its position ${t.position!.start}–${t.position!.end} is outside the article ${t.source}`;
    }
    if (!found) {
      why ??= missing.length ? `no article in this library is ${missing.join(' or ')}` : 'its target names no article (no source)';
      unanchored++;
      return problems.add(name, `${why}; it was skipped`);
    }
    // Tags are created only for an annotation that is placed: one that is skipped adds nothing.
    const { tags, note } = readBodies(anno);
    const tagIds = tags.map((tg) => writer.tagPath(tg.path, { uid: tg.uid }));
    writer.annotation(found, {
      uid, note, tagIds,
      createdAt: typeof anno.created === 'string' ? anno.created : undefined,
      modifiedAt: typeof anno.modified === 'string' ? anno.modified : undefined,
    });
  });
  return { unanchored };
}

/// Parse a JSON-LD file's text, with a clear message for what is not JSON.
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new QalamError('bad_input', `${name} is not JSON: ${(e as Error).message}`);
  }
}
