import { contextAround } from './csv.js';
import type { Pacer } from './pacer.js';
import type { Sink } from './sink.js';
import type { CodebookTag, ExportSource } from './source.js';

const HTML_SPECIAL = /[&<>"']/;

/// Escapes every character HTML gives meaning to, in text and in attribute values alike. Most
/// strings hold none and come back as they are; the others take five native replacements, which
/// cost less than a callback per character.
export function html(s: string | null | undefined): string {
  if (!s) return '';
  if (!HTML_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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
  const articleCount = src.articleCount();
  const passages = src.annotationCount();
  const groups: (CodebookTag | null)[] = [...[...src.codebook].sort((a, b) => a.path.join('\u0000').localeCompare(b.path.join('\u0000'))), null];
  sink.write(
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width">\n` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
      `<title>${html(options.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<h1>${html(options.title)}</h1>\n` +
      `<p class="meta">${html(`Exported by ${options.origin} on ${new Date().toISOString().slice(0, 10)}; ${articleCount} articles.`)}</p>\n`,
  );
  // The passages of one tag in export order, limited to the articles in scope by the join. The
  // article's text is not in the row: passages of one article follow each other, so it is read
  // once per article and tag rather than once per passage.
  const columns = 'a.article_id, a.start, a.end, a.exact, a.note, ar.title, ar.date, ar.lang';
  const byTag = src.db
    .prepare(
      `SELECT ${columns} FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id
         JOIN temp.export_order x ON x.id = a.article_id JOIN articles ar ON ar.id = a.article_id
        WHERE t.tag_id = ? AND ${src.passageIn('a.id')} ORDER BY x.pos, a.start, a.end, a.id`,
    )
    .raw();
  const untagged = src.db
    .prepare(
      `SELECT ${columns} FROM temp.export_order x CROSS JOIN annotations a ON a.article_id = x.id JOIN articles ar ON ar.id = a.article_id
        WHERE NOT EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id) AND ${src.passageIn('a.id')} ORDER BY x.pos, a.start, a.end, a.id`,
    )
    .raw();
  const textOf = src.db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  const shown = groups.filter((tag) => (tag ? !src.tagFilter || src.tagFilter.has(tag.id) : !src.tagFilter));
  // A passage with several tags is shown under each: progress counts the entries of the report.
  const tagged = src.db
    .prepare(
      `SELECT count(*) FROM annotation_tags t JOIN temp.export_order x ON x.id = (SELECT article_id FROM annotations WHERE id = t.annotation_id)
        WHERE t.tag_id = ? AND ${src.passageIn('t.annotation_id')}`,
    )
    .pluck();
  const untaggedCount = src.db
    .prepare(
      `SELECT count(*) FROM temp.export_order x CROSS JOIN annotations a ON a.article_id = x.id
        WHERE NOT EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id) AND ${src.passageIn('a.id')}`,
    )
    .pluck();
  const countOf = (tag: CodebookTag | null) => (tag ? tagged.get(tag.id) : untaggedCount.get()) as number;
  pacer.total = shown.reduce((n, tag) => n + countOf(tag), 0);
  for (const tag of shown) {
    const color = tag ? tag.color : '#999999';
    let opened = false;
    let count = 0;
    let textId = -1;
    let text = '';
    let out = '';
    let stepped = 0;
    // Rows stream from the database one at a time; only the current article's text is in memory.
    for (const row of (tag ? byTag.iterate(tag.id) : untagged.iterate()) as Iterable<[number, number, number, string, string, string, string | null, string]>) {
      const [articleId, start, end, exact, note, title, date, lang] = row;
      if (!opened) {
        sink.write(`<section style="--c:${html(color)}">\n<h2><span class="swatch"></span>${html(tag ? tag.path.join(' / ') : 'Untagged passages')}</h2>\n`);
        if (tag?.description) sink.write(`<p>${html(tag.description)}</p>\n`);
        opened = true;
      }
      if (articleId !== textId) {
        text = textOf.get(articleId) as string;
        textId = articleId;
      }
      const { before, after } = contextAround(text, start, end);
      out +=
        `<div class="passage"><div class="meta">${html(title)}${date ? ` · ${html(date)}` : ''} · ${html(lang)}</div>` +
        `<p lang="${html(lang)}"><span class="ctx">…${html(before)}</span><mark>${html(exact)}</mark><span class="ctx">${html(after)}…</span></p>` +
        (note ? `<p class="note">${html(note)}</p>` : '') +
        '</div>\n';
      count++;
      if (out.length >= 1 << 16) {
        sink.write(out);
        out = '';
        await pacer.step(count - stepped);
        stepped = count;
      }
    }
    sink.write(out);
    await pacer.step(count - stepped);
    if (opened) sink.write(`<p class="meta">${count} passage${count === 1 ? '' : 's'}</p>\n</section>\n`);
  }
  sink.write('</body>\n</html>\n');
  return passages;
}
