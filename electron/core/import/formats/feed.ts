import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParsedArticle } from './types.js';
import { collapseSpaces, withoutLeadingTitle } from './article-text.js';
import { parseDate } from './dates.js';
import { htmlFragmentToText } from './html-text.js';
import { safeUrl } from './html.js';
import { ImportFileError } from './import-file-error.js';

/// The root element of an XML document, or null when the text is not XML-like.
export function xmlRoot(text: string): string | null {
  // Skip the declaration, comments, processing instructions and a doctype.
  const m = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<([A-Za-z_][\w.:-]*)/.exec(text.slice(0, 65536));
  return m ? m[1] : null;
}

/// True for an RSS 2.0, RSS 1.0 (RDF) or Atom document.
export function isFeedRoot(root: string | null): boolean {
  if (!root) return false;
  const local = root.replace(/^.*:/, '').toLowerCase();
  return local === 'rss' || local === 'feed' || local === 'rdf';
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object') return textOf((v as Node)['#text']);
  return '';
}

function linkOf(v: unknown): string | null {
  const links = Array.isArray(v) ? v : v === undefined ? [] : [v];
  // Atom: prefer rel="alternate" (or no rel); RSS: the element's text.
  let fallback: string | null = null;
  for (const l of links) {
    if (typeof l === 'string') return safeUrl(l);
    if (l && typeof l === 'object') {
      const o = l as Node;
      const href = textOf(o['@_href']) || textOf(o['#text']) || textOf(o['@_resource']);
      const rel = textOf(o['@_rel']);
      if (!rel || rel === 'alternate') return safeUrl(href);
      fallback ??= safeUrl(href);
    }
  }
  return fallback;
}

/// A feed to articles: each RSS item or Atom entry becomes one, with its title, date
/// (pubDate, dc:date, published, updated), link, and text from content:encoded / content /
/// description / summary with markup stripped; the feed's title is the source and its
/// declared language the language.
export function parseFeed(xml: string): ParsedArticle[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportFileError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    throw new ImportFileError(`malformed XML: ${(e as Error).message}`);
  }
  let channel: Node = {};
  let items: Node[] = [];
  let lang: string | null = null;
  if (doc.rss && typeof doc.rss === 'object') {
    channel = ((doc.rss as Node).channel as Node) ?? {};
    items = (channel.item as Node[]) ?? ((doc.rss as Node).item as Node[]) ?? [];
  } else if (doc.RDF && typeof doc.RDF === 'object') {
    channel = ((doc.RDF as Node).channel as Node) ?? {};
    items = ((doc.RDF as Node).item as Node[]) ?? [];
  } else if (doc.feed && typeof doc.feed === 'object') {
    channel = doc.feed as Node;
    items = (channel.entry as Node[]) ?? [];
    lang = textOf(channel['@_lang']) || null;
  }
  lang = textOf(channel.language) || lang;
  const source = collapseSpaces(textOf(channel.title)) || null;
  const articles: ParsedArticle[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const title = collapseSpaces(htmlFragmentToText(textOf(item.title)).replace(/\n/g, ' '));
    const body = textOf(item.encoded) || textOf(item.content) || textOf(item.description) || textOf(item.summary);
    const text = withoutLeadingTitle(htmlFragmentToText(body), title);
    if (!title && !text) continue;
    const date = parseDate(textOf(item.pubDate)) ?? parseDate(textOf(item.date)) ?? parseDate(textOf(item.published)) ?? parseDate(textOf(item.updated)) ?? parseDate(textOf(item.issued));
    const url = linkOf(item.link) ?? safeUrl(textOf(item['@_about'])) ?? safeUrl(textOf(item.guid));
    const itemLang = textOf(item['@_lang']) || lang;
    articles.push({ title: title.normalize('NFC'), date, text, source: source?.normalize('NFC') ?? null, url, lang: itemLang || null });
  }
  if (articles.length === 0) throw new ImportFileError('no articles in this feed');
  return articles;
}
