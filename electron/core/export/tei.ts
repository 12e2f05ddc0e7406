import { codePointLength } from '../../../shared/anchoring/codepoints.js';
import { guidFor } from './guid.js';
import type { Pacer } from './pacer.js';
import type { Sink } from './sink.js';
import type { CodebookTag, ExportAnnotation, ExportArticle, ExportSource } from './source.js';
import { xmlAttrs, xmlText } from './xml.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/// xml:id values must be NCNames; UUIDs may begin with a digit, so every id gets a letter prefix.
export const teiTextId = (a: Pick<ExportArticle, 'uid'>) => `a-${guidFor(a.uid)}`;
export const teiTagId = (t: Pick<CodebookTag, 'uid'>) => `t-${guidFor(t.uid)}`;

/// Offsets (UTF-16) at which each paragraph of the text starts; paragraphs are split at `\n`.
function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function paragraphAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/// A TEI pointer to a passage: `string-range(p, offset, length)` inside one paragraph, or a
/// `range()` of two such points when it crosses paragraphs. Offsets count characters (code
/// points), as XPointer does.
export function teiPointer(article: ExportArticle, starts: number[], a: Pick<ExportAnnotation, 'start' | 'end'>): string {
  const id = teiTextId(article);
  const point = (offset: number, atEnd: boolean) => {
    let p = paragraphAt(starts, offset);
    // An end that falls just after a line break belongs to the end of the paragraph before it.
    if (atEnd && p > 0 && offset === starts[p]) p--;
    const inPara = codePointLength(article.text.slice(starts[p], offset));
    return { p, inPara };
  };
  const s = point(a.start, false);
  const e = point(a.end, true);
  if (s.p === e.p) return `#string-range(${id}.p${s.p + 1},${s.inPara},${e.inPara - s.inPara})`;
  return `#range(string-range(${id}.p${s.p + 1},${s.inPara},0),string-range(${id}.p${e.p + 1},${e.inPara},0))`;
}

function taxonomyXml(codebook: CodebookTag[]): string {
  const children = new Map<number | null, CodebookTag[]>();
  const ids = new Set(codebook.map((t) => t.id));
  for (const t of codebook) {
    const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const render = (t: CodebookTag, pad: string): string =>
    `${pad}<category${xmlAttrs({ 'xml:id': teiTagId(t) })}>\n` +
    `${pad}  <catDesc>${xmlText(t.name)}${t.description ? ` — ${xmlText(t.description)}` : ''}</catDesc>\n` +
    (children.get(t.id) ?? []).map((c) => render(c, pad + '  ')).join('') +
    `${pad}</category>\n`;
  return (children.get(null) ?? []).map((t) => render(t, '          ')).join('');
}

/// TEI P5: each article a `<text>` (paragraphs with ids) inside a `<group>`, the codebook as a
/// `<taxonomy>`, and every passage as a stand-off `<annotation>` that points into its text and
/// names its categories with `@ana`. Two passes: texts, then annotations.
export async function writeTei(src: ExportSource, sink: Sink, pacer: Pacer, options: { title: string; origin: string }): Promise<{ articles: number; annotations: number }> {
  const ids = src.articleIds();
  pacer.total = ids.length * 2;
  sink.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="${TEI_NS}">\n  <teiHeader>\n    <fileDesc>\n` +
      `      <titleStmt><title>${xmlText(options.title)}</title></titleStmt>\n` +
      `      <publicationStmt><p>${xmlText(`Exported by ${options.origin} on ${new Date().toISOString().slice(0, 10)}.`)}</p></publicationStmt>\n` +
      `      <sourceDesc><p>${ids.length} articles with their tagged passages.</p></sourceDesc>\n    </fileDesc>\n`,
  );
  if (src.codebook.length) {
    sink.write(`    <encodingDesc>\n      <classDecl>\n        <taxonomy xml:id="codebook">\n${taxonomyXml(src.codebook)}        </taxonomy>\n      </classDecl>\n    </encodingDesc>\n`);
  }
  sink.write('  </teiHeader>\n  <text>\n    <group>\n');
  for (const id of ids) {
    const a = src.article(id)!;
    let xml = `      <text${xmlAttrs({ 'xml:id': teiTextId(a), 'xml:lang': a.lang === 'und' ? undefined : a.lang })}>\n`;
    xml += `        <front><docTitle><titlePart>${xmlText(a.title)}</titlePart></docTitle>${a.date ? `<docDate${xmlAttrs({ when: /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : undefined })}>${xmlText(a.date)}</docDate>` : ''}</front>\n`;
    xml += `        <body>\n          <div${xmlAttrs({ n: a.uid, source: a.url ?? undefined })}>\n`;
    a.text.split('\n').forEach((para, i) => {
      xml += `            <p${xmlAttrs({ 'xml:id': `${teiTextId(a)}.p${i + 1}` })}>${xmlText(para)}</p>\n`;
    });
    sink.write(xml + '          </div>\n        </body>\n      </text>\n');
    await pacer.step();
  }
  sink.write('    </group>\n  </text>\n');
  let annotations = 0;
  let open = false;
  for (const id of ids) {
    const list = src.annotations(id);
    if (list.length) {
      if (!open) sink.write('  <standOff>\n    <listAnnotation>\n');
      open = true;
      const a = src.article(id)!;
      const starts = paragraphStarts(a.text);
      let xml = '';
      for (const n of list) {
        const ana = n.tagIds.map((t) => `#${teiTagId(src.tagsById.get(t)!)}`).join(' ');
        xml += `      <annotation${xmlAttrs({ 'xml:id': `n-${guidFor(n.uid)}`, target: teiPointer(a, starts, n), ana: ana || undefined, motivation: n.tagIds.length ? 'tagging' : n.note ? 'commenting' : 'highlighting' })}>\n`;
        xml += `        <note type="quote">${xmlText(n.exact)}</note>\n`;
        if (n.note) xml += `        <note type="comment">${xmlText(n.note)}</note>\n`;
        xml += '      </annotation>\n';
      }
      sink.write(xml);
      annotations += list.length;
    }
    await pacer.step();
  }
  if (open) sink.write('    </listAnnotation>\n  </standOff>\n');
  sink.write('</TEI>\n');
  return { articles: ids.length, annotations };
}
