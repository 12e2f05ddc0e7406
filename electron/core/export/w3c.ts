import { CodePointIndex } from '../../../shared/anchoring/codepoints.js';
import type { Pacer } from './pacer.js';
import type { Sink } from './sink.js';
import type { ExportAnnotation, ExportArticle, ExportSource } from './source.js';

/// Annotations per AnnotationPage: small enough for a reader to page through, large enough that
/// 100,000 annotations need only a hundred pages.
export const PAGE_SIZE = 1000;

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/// A Qalam identifier as an IRI: article and annotation uids are `urn:uuid:` already; anything
/// else (older or foreign uids) is wrapped so it stays a valid IRI.
export function asIri(uid: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(uid) ? uid : `urn:uuid:${uid}`;
}

/// One annotation in the W3C Web Annotation model: TextQuoteSelector and TextPositionSelector
/// (code points), tags as `tagging` bodies (the tag path joined with `/`, which tag names cannot
/// contain), the note as a `commenting` body. The target names the article by its `urn:uuid:`
/// and, where the article came from the web, by its URL as a second target.
export function w3cAnnotation(src: ExportSource, article: ExportArticle, a: ExportAnnotation, cps: CodePointIndex): Record<string, unknown> {
  const body: Record<string, unknown>[] = a.tagIds.map((t) => {
    const tag = src.tagsById.get(t)!;
    // No `id` on the body: the model reads a body with an id as an external resource, which may
    // not carry a purpose. The path is the tag's identity across libraries.
    return { type: 'TextualBody', purpose: 'tagging', value: tag.path.join('/') };
  });
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  const selector = [
    { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
    { type: 'TextPositionSelector', start: cps.toCodePoint(a.start), end: cps.toCodePoint(a.end) },
  ];
  const target: Record<string, unknown>[] = [{ source: asIri(article.uid), selector }];
  if (article.url) target.push({ source: article.url, selector });
  const anno: Record<string, unknown> = {
    id: asIri(a.uid),
    type: 'Annotation',
    motivation: a.tagIds.length ? 'tagging' : a.note ? 'commenting' : 'highlighting',
    created: a.createdAt,
    modified: a.modifiedAt,
  };
  if (body.length) anno.body = body;
  anno.target = target.length === 1 ? target[0] : target;
  return anno;
}

/// Write the passages of `src` as one AnnotationCollection. The first page is embedded as the
/// model asks; the following pages travel in the same file under `@included` (JSON-LD 1.1), each
/// with its own id and `next`, so one file holds the whole collection and is still written in a
/// single pass with a few hundred annotations in memory at most.
export async function writeW3c(src: ExportSource, sink: Sink, pacer: Pacer, options: { id: string; label: string }): Promise<number> {
  const total = src.annotationCount();
  pacer.total = total;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageId = (i: number) => `${options.id}#page-${i + 1}`;
  const head: Record<string, unknown> = {
    '@context': W3C_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    total,
    generated: new Date().toISOString(),
    last: pageId(pages - 1),
  };
  const headJson = JSON.stringify(head, null, 1);
  sink.write(headJson.slice(0, -2) + ',\n "first": ');
  let page = 0;
  let inPage = 0;
  const openPage = () => {
    const p: Record<string, unknown> = { id: pageId(page), type: 'AnnotationPage', partOf: options.id, startIndex: page * PAGE_SIZE };
    if (page + 1 < pages) p.next = pageId(page + 1);
    if (page > 0) p.prev = pageId(page - 1);
    const json = JSON.stringify(p);
    sink.write((page === 1 ? ',\n "@included": [\n' : page > 1 ? ',\n' : '') + json.slice(0, -1) + ',"items":[\n');
  };
  openPage();
  let written = 0;
  for (const id of src.articleIds()) {
    const annotations = src.annotations(id);
    if (!annotations.length) continue;
    src.annotatedArticles++;
    const article = src.article(id)!;
    const cps = new CodePointIndex(article.text);
    for (const a of annotations) {
      if (inPage === PAGE_SIZE) {
        sink.write('\n]}');
        page++;
        inPage = 0;
        openPage();
      }
      sink.write((inPage ? ',\n' : '') + JSON.stringify(w3cAnnotation(src, article, a, cps)));
      inPage++;
      written++;
    }
    await pacer.step(annotations.length);
  }
  sink.write('\n]}' + (page > 0 ? '\n ]' : '') + '\n}\n');
  return written;
}
