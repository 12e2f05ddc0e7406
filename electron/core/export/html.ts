import { contextAround } from './csv.js';
import type { Pacer } from './pacer.js';
import type { Sink } from './sink.js';
import type { CodebookTag, ExportSource } from './source.js';

/// Escapes every character HTML gives meaning to, in text and in attribute values alike.
export function html(s: string | null | undefined): string {
  return (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:3px solid var(--c);padding-bottom:.2rem;margin-top:2.5rem}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;background:var(--c);margin-right:.4em}
.passage{margin:1rem 0;padding:.5rem .8rem;border-left:3px solid var(--c);background:#fafafa}
.meta{font-size:.85rem;color:#555}.ctx{color:#777}mark{background:color-mix(in srgb,var(--c) 30%,white);padding:0 .1em}
.note{margin:.3rem 0 0;font-style:italic}nav ul{columns:2}`;

/// A report that opens offline in any browser: the passages grouped by tag (in codebook order,
/// untagged passages last), each with its article's title, date and a little context. Every
/// piece of text from the library is escaped; the page loads nothing from anywhere.
export async function writeHtml(src: ExportSource, sink: Sink, pacer: Pacer, options: { title: string; origin: string }): Promise<number> {
  const inScope = new Set(src.articleIds());
  pacer.total = src.annotationCount();
  const groups: (CodebookTag | null)[] = [...[...src.codebook].sort((a, b) => a.path.join('\u0000').localeCompare(b.path.join('\u0000'))), null];
  sink.write(
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width">\n` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
      `<title>${html(options.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<h1>${html(options.title)}</h1>\n` +
      `<p class="meta">${html(`Exported by ${options.origin} on ${new Date().toISOString().slice(0, 10)}; ${inScope.size} articles.`)}</p>\n`,
  );
  const byTag = src.db.prepare(
    `SELECT a.id, a.article_id AS articleId, a.start, a.end, a.exact, a.note, a.created_at AS createdAt,
            ar.title, ar.date, ar.lang, ar.text
       FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id JOIN articles ar ON ar.id = a.article_id
      WHERE t.tag_id = ? ORDER BY ar.date IS NULL, ar.date, ar.id, a.start`,
  );
  const untagged = src.db.prepare(
    `SELECT a.id, a.article_id AS articleId, a.start, a.end, a.exact, a.note, a.created_at AS createdAt,
            ar.title, ar.date, ar.lang, ar.text
       FROM annotations a JOIN articles ar ON ar.id = a.article_id
      WHERE NOT EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id) ORDER BY ar.date IS NULL, ar.date, ar.id, a.start`,
  );
  let written = 0;
  for (const tag of groups) {
    if (tag && src.tagFilter && !src.tagFilter.has(tag.id)) continue;
    if (!tag && src.tagFilter) continue;
    const color = tag ? tag.color : '#999999';
    let opened = false;
    let count = 0;
    // Rows stream from the database one at a time; only the current passage is in memory.
    for (const row of (tag ? byTag.iterate(tag.id) : untagged.iterate()) as Iterable<{
      articleId: number; start: number; end: number; exact: string; note: string; title: string; date: string | null; lang: string; text: string;
    }>) {
      if (!inScope.has(row.articleId)) continue;
      if (!opened) {
        sink.write(`<section style="--c:${html(color)}">\n<h2><span class="swatch"></span>${html(tag ? tag.path.join(' / ') : 'Untagged passages')}</h2>\n`);
        if (tag?.description) sink.write(`<p>${html(tag.description)}</p>\n`);
        opened = true;
      }
      const { before, after } = contextAround(row.text, row.start, row.end);
      sink.write(
        `<div class="passage"><div class="meta">${html(row.title)}${row.date ? ` · ${html(row.date)}` : ''} · ${html(row.lang)}</div>` +
          `<p lang="${html(row.lang)}"><span class="ctx">…${html(before)}</span><mark>${html(row.exact)}</mark><span class="ctx">${html(after)}…</span></p>` +
          (row.note ? `<p class="note">${html(row.note)}</p>` : '') +
          '</div>\n',
      );
      count++;
      if (!tag) written++;
      await pacer.step();
    }
    if (opened) sink.write(`<p class="meta">${count} passage${count === 1 ? '' : 's'}</p>\n</section>\n`);
    if (tag) written += count;
  }
  sink.write('</body>\n</html>\n');
  return written;
}
