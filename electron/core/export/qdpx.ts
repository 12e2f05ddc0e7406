import { guidFor } from './guid.js';
import type { Pacer } from './pacer.js';
import { codePointOffsets } from './positions.js';
import type { Sink } from './sink.js';
import type { CodebookTag, ExportAnnotation, ExportArticle, ExportSource } from './source.js';
import { xmlAttr, xmlAttrs, xmlText } from './xml.js';
import { ZipSink } from './zip.js';

export const QDA_PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const QDA_CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/// Article metadata carried as REFI-QDA variables, so another tool can sort and filter by them and
/// an import back restores them. Names are fixed: the importer reads them by name.
export const QDA_VARIABLES = ['Date', 'Language', 'Script', 'Source', 'URL', 'Qalam article'] as const;

function variableValues(a: ExportArticle): [string, string | null][] {
  return [
    ['Date', a.date],
    ['Language', a.lang],
    ['Script', a.script],
    ['Source', a.source],
    ['URL', a.url],
    ['Qalam article', a.uid],
  ];
}

/// The codebook as nested `<Code>` elements: children inside their parent, colours, descriptions.
export function codesXml(codebook: CodebookTag[], indent = '    '): string {
  const children = new Map<number | null, CodebookTag[]>();
  const ids = new Set(codebook.map((t) => t.id));
  for (const t of codebook) {
    const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const render = (t: CodebookTag, pad: string): string => {
    const kids = children.get(t.id) ?? [];
    const attrs = xmlAttrs({ guid: guidFor(t.uid), name: t.name, isCodable: true, color: /^#[0-9a-f]{6}$/i.test(t.color) ? t.color.toUpperCase() : undefined });
    if (!kids.length && !t.description) return `${pad}<Code${attrs}/>\n`;
    return (
      `${pad}<Code${attrs}>\n` +
      (t.description ? `${pad}  <Description>${xmlText(t.description)}</Description>\n` : '') +
      kids.map((k) => render(k, pad + '  ')).join('') +
      `${pad}</Code>\n`
    );
  };
  const roots = children.get(null) ?? [];
  return `${indent}<Codes>\n${roots.map((t) => render(t, indent + '  ')).join('')}${indent}</Codes>\n`;
}

/// `sources/…` name of an article's plain text inside the project.
export function sourceFileName(article: Pick<ExportArticle, 'uid'>): string {
  return `${guidFor(article.uid)}.txt`;
}

/// A REFI-QDA project (QDA-XML 1.0): `project.qde` with the codebook, one TextSource per article
/// with its selections and their codings, notes as selection descriptions, article metadata as
/// variables; the texts as UTF-8 files in `sources/`. Positions are code points, end exclusive.
/// Written in two passes over the articles (texts first, then the project file) because a zip
/// entry must be finished before the next begins.
export async function writeQdpx(
  src: ExportSource,
  out: Sink,
  pacer: Pacer,
  options: { name: string; origin: string; scratch: (name: string) => string },
): Promise<{ articles: number; annotations: number }> {
  const count = src.articleCount();
  pacer.total = count * 2;
  const zip = new ZipSink(out, options.scratch('zip-directory'));
  try {
    return await writeProject(src, zip, pacer, count, options);
  } catch (e) {
    zip.close();
    throw e;
  }
}

async function writeProject(
  src: ExportSource,
  zip: ZipSink,
  pacer: Pacer,
  count: number,
  options: { name: string; origin: string },
): Promise<{ articles: number; annotations: number }> {
  for (const a of src.articles({ text: true })) {
    zip.put(`sources/${sourceFileName(a)}`, a.text);
    await pacer.step();
  }
  const qde = zip.entry('project.qde');
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  qde.write(`<?xml version="1.0" encoding="utf-8"?>\n<Project${xmlAttrs({ xmlns: QDA_PROJECT_NS, name: options.name, origin: options.origin, creationDateTime: now })}>\n`);
  if (src.codebook.length) qde.write(`  <CodeBook>\n${codesXml(src.codebook)}  </CodeBook>\n`);
  qde.write('  <Variables>\n');
  for (const v of QDA_VARIABLES) qde.write(`    <Variable${xmlAttrs({ guid: guidFor('qalam-variable', v), name: v, typeOfVariable: 'Text' })}/>\n`);
  qde.write('  </Variables>\n');
  let annotations = 0;
  if (count) qde.write('  <Sources>\n');
  const codeRefs = new Map(src.codebook.map((t) => [t.id, { uid: t.uid, ref: `<CodeRef targetGUID="${guidFor(t.uid)}"/>` }]));
  const variableRefs = new Map(QDA_VARIABLES.map((v) => [v, `<VariableRef targetGUID="${guidFor('qalam-variable', v)}"/>`]));
  for (const { article, annotations: list } of src.everyArticle({ text: true })) {
    qde.write(textSourceXml(article, list, now, codeRefs, variableRefs));
    annotations += list.length;
    await pacer.step();
  }
  if (count) qde.write('  </Sources>\n');
  qde.write('</Project>\n');
  qde.end();
  zip.end();
  return { articles: count, annotations };
}

function textSourceXml(
  a: ExportArticle,
  annotations: ExportAnnotation[],
  now: string,
  codeRefs: Map<number, { uid: string; ref: string }>,
  variableRefs: Map<string, string>,
): string {
  const cps = codePointOffsets(a.text);
  let xml = `    <TextSource${xmlAttrs({
    guid: guidFor(a.uid),
    name: a.title || a.uid,
    plainTextPath: `internal://${sourceFileName(a)}`,
    creationDateTime: toDateTime(a.importedAt) ?? now,
  })}>\n`;
  for (const n of annotations) {
    const created = toDateTime(n.createdAt);
    const modified = toDateTime(n.modifiedAt);
    xml +=
      `      <PlainTextSelection guid="${guidFor(n.uid)}" name="${xmlAttr(n.exact.length > 100 ? n.exact.slice(0, 99) + '…' : n.exact)}"` +
      ` startPosition="${cps.toCodePoint(n.start)}" endPosition="${cps.toCodePoint(n.end)}"` +
      `${created ? ` creationDateTime="${created}"` : ''}${modified ? ` modifiedDateTime="${modified}"` : ''}>\n`;
    if (n.note) xml += `        <Description>${xmlText(n.note)}</Description>\n`;
    for (const t of n.tagIds) {
      const code = codeRefs.get(t)!;
      xml += `        <Coding guid="${guidFor(n.uid, code.uid)}">${code.ref}</Coding>\n`;
    }
    xml += '      </PlainTextSelection>\n';
  }
  for (const [name, value] of variableValues(a)) {
    if (value === null || value === '') continue;
    xml += `      <VariableValue>${variableRefs.get(name)}<TextValue>${xmlText(value)}</TextValue></VariableValue>\n`;
  }
  return xml + '    </TextSource>\n';
}

const STORED_TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

/// An xsd:dateTime from an ISO timestamp, or undefined when the value is not one.
function toDateTime(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  // Timestamps as Qalam stores them (`…T…Z` with milliseconds) need only the fraction cut.
  if (STORED_TIMESTAMP.test(iso)) return iso.slice(0, 19) + 'Z';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace(/\.\d+Z$/, 'Z');
}

/// The codebook alone, as a REFI-QDA codebook exchange file (.qdc).
export function writeQdc(src: ExportSource, sink: Sink, options: { origin: string }): number {
  sink.write(`<?xml version="1.0" encoding="utf-8"?>\n<CodeBook${xmlAttrs({ xmlns: QDA_CODEBOOK_NS, origin: options.origin })}>\n`);
  sink.write(codesXml(src.codebook, '  '));
  sink.write('</CodeBook>\n');
  return src.codebook.length;
}
