import type { Pacer } from './pacer.js';
import { type CodePointOffsets, codePointOffsets } from './positions.js';
import type { Sink } from './sink.js';
import type { AnnotatedArticle, ExportAnnotation, ExportArticle, ExportSource } from './source.js';

/// Annotations per AnnotationPage: small enough for a reader to page through, large enough that
/// 100,000 annotations need only a hundred pages.
export const PAGE_SIZE = 1000;

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/// A Qalam identifier as an IRI: article and annotation uids are `urn:uuid:` already; anything
/// else (older or foreign uids) is wrapped so it stays a valid IRI.
export function asIri(uid: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(uid) ? uid : `urn:uuid:${uid}`;
}

const json = JSON.stringify;

/// The `tagging` body of each tag, as JSON, built once per export: the tag path joined with `/`
/// (which tag names cannot contain). No `id` on the body: the model reads a body with an id as
/// an external resource, which may not carry a purpose. The path is the tag's identity across
/// libraries.
export function taggingBodies(src: ExportSource): Map<number, string> {
  return new Map(src.codebook.map((t) => [t.id, `{"type":"TextualBody","purpose":"tagging","value":${json(t.path.join('/'))}}`]));
}

/// The article half of every target of one article, as JSON: `"source":…` and, where the article
/// came from the web, its URL for a second target.
interface ArticleTargets {
  source: string;
  url: string | null;
}

function articleTargets(article: ExportArticle): ArticleTargets {
  return { source: json(asIri(article.uid)), url: article.url ? json(article.url) : null };
}

/// One annotation in the W3C Web Annotation model, as JSON: TextQuoteSelector and
/// TextPositionSelector (code points), tags as `tagging` bodies, the note as a `commenting` body.
/// The target names the article by its `urn:uuid:` and, where the article came from the web, by
/// its URL as a second target. Written as a template with only the strings passed through
/// `JSON.stringify`: no object is built per annotation.
export function w3cAnnotationJson(a: ExportAnnotation, targets: ArticleTargets, cps: CodePointOffsets, tagging: Map<number, string>): string {
  let body = '';
  for (const t of a.tagIds) body += (body ? ',' : '') + tagging.get(t)!;
  if (a.note) body += `${body ? ',' : ''}{"type":"TextualBody","purpose":"commenting","value":${json(a.note)},"format":"text/plain"}`;
  const selector =
    `[{"type":"TextQuoteSelector","exact":${json(a.exact)},"prefix":${json(a.prefix)},"suffix":${json(a.suffix)}},` +
    `{"type":"TextPositionSelector","start":${cps.toCodePoint(a.start)},"end":${cps.toCodePoint(a.end)}}]`;
  const target = targets.url
    ? `[{"source":${targets.source},"selector":${selector}},{"source":${targets.url},"selector":${selector}}]`
    : `{"source":${targets.source},"selector":${selector}}`;
  const motivation = a.tagIds.length ? 'tagging' : a.note ? 'commenting' : 'highlighting';
  return (
    `{"id":${json(asIri(a.uid))},"type":"Annotation","motivation":"${motivation}","created":${json(a.createdAt)},"modified":${json(a.modifiedAt)}` +
    (body ? `,"body":[${body}]` : '') +
    `,"target":${target}}`
  );
}

/// Writes one AnnotationCollection an article at a time, for callers that read the articles
/// themselves (a bag writes its CSV from the same pass). The first page is embedded as the model
/// asks; the following pages travel in the same file under `@included` (JSON-LD 1.1), each with
/// its own id and `next`, so one file holds the whole collection and is still written in a single
/// pass with one article's passages in memory at most.
export class W3cWriter {
  private readonly pages: number;
  private page = 0;
  private inPage = 0;
  private readonly tagging: Map<number, string>;
  written = 0;

  constructor(
    src: ExportSource,
    private readonly sink: Sink,
    private readonly options: { id: string; label: string; total: number },
  ) {
    const { total } = options;
    this.pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const head: Record<string, unknown> = {
      '@context': W3C_CONTEXT,
      id: options.id,
      type: 'AnnotationCollection',
      label: options.label,
      total,
      generated: new Date().toISOString(),
      last: this.pageId(this.pages - 1),
    };
    sink.write(JSON.stringify(head, null, 1).slice(0, -2) + ',\n "first": ');
    this.tagging = taggingBodies(src);
    this.openPage();
  }

  private pageId(i: number): string {
    return `${this.options.id}#page-${i + 1}`;
  }

  private openPage(): void {
    const { page } = this;
    const p: Record<string, unknown> = { id: this.pageId(page), type: 'AnnotationPage', partOf: this.options.id, startIndex: page * PAGE_SIZE };
    if (page + 1 < this.pages) p.next = this.pageId(page + 1);
    if (page > 0) p.prev = this.pageId(page - 1);
    this.sink.write((page === 1 ? ',\n "@included": [\n' : page > 1 ? ',\n' : '') + JSON.stringify(p).slice(0, -1) + ',"items":[\n');
  }

  /// The passages of one article, in order.
  article({ article, annotations }: AnnotatedArticle): void {
    // Code points are counted once per article, and only where the text has pairs at all.
    const cps = codePointOffsets(article.text);
    const targets = articleTargets(article);
    let out = '';
    for (const a of annotations) {
      if (this.inPage === PAGE_SIZE) {
        this.sink.write(out + '\n]}');
        out = '';
        this.page++;
        this.inPage = 0;
        this.openPage();
      }
      out += (this.inPage ? ',\n' : '') + w3cAnnotationJson(a, targets, cps, this.tagging);
      this.inPage++;
      this.written++;
    }
    this.sink.write(out);
  }

  /// Close the last page and the collection; returns the number of annotations written.
  end(): number {
    this.sink.write('\n]}' + (this.page > 0 ? '\n ]' : '') + '\n}\n');
    return this.written;
  }
}

/// Write the passages of `src` as one AnnotationCollection (see `W3cWriter`).
export async function writeW3c(src: ExportSource, sink: Sink, pacer: Pacer, options: { id: string; label: string }): Promise<number> {
  const total = src.annotationCount();
  pacer.total = total;
  const writer = new W3cWriter(src, sink, { ...options, total });
  for (const item of src.annotated({ text: true })) {
    src.annotatedArticles++;
    writer.article(item);
    await pacer.step(item.annotations.length);
  }
  return writer.end();
}
