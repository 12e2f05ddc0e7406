import { guidFor } from './guid.js';
import type { Pacer } from './pacer.js';
import { type CodePointOffsets, codePointOffsets } from './positions.js';
import type { Sink } from './sink.js';
import type { CodebookTag, ExportAnnotation, ExportArticle, ExportSource } from './source.js';
import { xmlAttr, xmlAttrs, xmlText } from './xml.js';

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
export function teiPointer(
  article: Pick<ExportArticle, 'uid' | 'text'>,
  starts: number[],
  a: Pick<ExportAnnotation, 'start' | 'end'>,
  cps: CodePointOffsets = codePointOffsets(article.text),
  id = teiTextId(article),
): string {
  const point = (offset: number, atEnd: boolean) => {
    let p = paragraphAt(starts, offset);
    // An end that falls just after a line break belongs to the end of the paragraph before it.
    if (atEnd && p > 0 && offset === starts[p]) p--;
    // A paragraph starts after a line break, never inside a surrogate pair.
    const inPara = cps.toCodePoint(offset) - cps.toCodePoint(starts[p]);
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
  const count = src.articleCount();
  // One step per article text, then one per passage.
  pacer.total = count + src.annotationCount();
  sink.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="${TEI_NS}">\n  <teiHeader>\n    <fileDesc>\n` +
      `      <titleStmt><title>${xmlText(options.title)}</title></titleStmt>\n` +
      `      <publicationStmt><p>${xmlText(`Exported by ${options.origin} on ${new Date().toISOString().slice(0, 10)}.`)}</p></publicationStmt>\n` +
      `      <sourceDesc><p>${count} articles with their tagged passages.</p></sourceDesc>\n    </fileDesc>\n`,
  );
  if (src.codebook.length) {
    sink.write(`    <encodingDesc>\n      <classDecl>\n        <taxonomy xml:id="codebook">\n${taxonomyXml(src.codebook)}        </taxonomy>\n      </classDecl>\n    </encodingDesc>\n`);
  }
  sink.write('  </teiHeader>\n  <text>\n    <group>\n');
  for (const a of src.articles({ text: true })) {
    const id = teiTextId(a);
    let xml = `      <text${xmlAttrs({ 'xml:id': id, 'xml:lang': a.lang === 'und' ? undefined : a.lang })}>\n`;
    xml += `        <front><docTitle><titlePart>${xmlText(a.title)}</titlePart></docTitle>${a.date ? `<docDate${xmlAttrs({ when: /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : undefined })}>${xmlText(a.date)}</docDate>` : ''}</front>\n`;
    xml += `        <body>\n          <div${xmlAttrs({ n: a.uid, source: a.url ?? undefined })}>\n`;
    // Paragraph ids are the text's id (a UUID with a prefix) and a number: nothing to escape.
    let i = 0;
    for (let from = 0; ; ) {
      const to = a.text.indexOf('\n', from);
      xml += `            <p xml:id="${id}.p${++i}">${xmlText(to === -1 ? a.text.slice(from) : a.text.slice(from, to))}</p>\n`;
      if (to === -1) break;
      from = to + 1;
    }
    sink.write(xml + '          </div>\n        </body>\n      </text>\n');
    await pacer.step();
  }
  sink.write('    </group>\n  </text>\n');
  const ana = new Map(src.codebook.map((t) => [t.id, `#${teiTagId(t)}`]));
  let annotations = 0;
  let open = false;
  for (const { article, annotations: list } of src.annotated({ text: true })) {
    if (!open) sink.write('  <standOff>\n    <listAnnotation>\n');
    open = true;
    const starts = paragraphStarts(article.text);
    const cps = codePointOffsets(article.text);
    const id = teiTextId(article);
    let xml = '';
    for (const n of list) {
      let tags = '';
      for (const t of n.tagIds) tags += (tags ? ' ' : '') + ana.get(t)!;
      const motivation = n.tagIds.length ? 'tagging' : n.note ? 'commenting' : 'highlighting';
      xml +=
        `      <annotation xml:id="n-${guidFor(n.uid)}" target="${xmlAttr(teiPointer(article, starts, n, cps, id))}"${tags ? ` ana="${xmlAttr(tags)}"` : ''} motivation="${motivation}">\n` +
        `        <note type="quote">${xmlText(n.exact)}</note>\n` +
        (n.note ? `        <note type="comment">${xmlText(n.note)}</note>\n` : '') +
        '      </annotation>\n';
    }
    sink.write(xml);
    annotations += list.length;
    await pacer.step(list.length);
  }
  if (open) sink.write('    </listAnnotation>\n  </standOff>\n');
  sink.write('</TEI>\n');
  return { articles: count, annotations };
}
