import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParsedArticle } from './types.js';
import { collapseSpaces, paragraphsToText, withoutLeadingTitle } from './article-text.js';
import { parseDate } from './dates.js';
import { decodeCharacterReferences, htmlFragmentToText, isPlainCodePoint } from './html-text.js';
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
  // Text constructs are read from their raw XML: whether their content is plain text, escaped
  // HTML or inline XHTML depends on the feed and on their type attribute, and inline markup
  // would otherwise be taken apart into child objects that lose its order.
  stopNodes: ['*.title', '*.content', '*.summary', '*.description', '*.encoded'],
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

/// How the content of a text construct is written: as plain text, as escaped HTML, or as
/// inline XHTML (XML markup that is part of the document).
type Markup = 'text' | 'html' | 'xhtml';

/// One text construct as written in the feed: its raw XML content and its attributes.
interface Construct {
  raw: string;
  type: string;
  src: string;
  url: string;
}

function constructOf(v: unknown): Construct | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return constructOf(v[0]);
  if (typeof v === 'object') {
    const o = v as Node;
    return { raw: textOf(o['#text']), type: textOf(o['@_type']), src: textOf(o['@_src']), url: textOf(o['@_url']) };
  }
  return { raw: textOf(v), type: '', src: '', url: '' };
}

/// Every construct an element name stands for in an item, in document order: names repeat when
/// other vocabularies use them too (media:content beside Atom content, media:description beside
/// description), since namespace prefixes are not kept.
function constructsOf(v: unknown): Construct[] {
  const all = Array.isArray(v) ? v : [v];
  return all.map(constructOf).filter((c): c is Construct => c !== null);
}

/// The markup of an Atom construct from its type attribute; null for content that cannot be
/// read as text (base64-encoded media). Only content may name a media type; anything else
/// unknown is read as the text it is by default.
function atomMarkup(type: string, isContent: boolean): Markup | null {
  const t = type.split(';')[0].trim().toLowerCase();
  if (t === '' || t === 'text') return 'text';
  if (t === 'html') return 'html';
  if (t === 'xhtml') return 'xhtml';
  if (!isContent) return 'text';
  if (t === 'text/html') return 'html';
  if (/[/+]xml$/.test(t)) return 'xhtml';
  if (t.startsWith('text/')) return 'text';
  return null;
}

// CDATA sections, comments, processing instructions and tags in raw XML content; what lies
// between them is character data with its entity references still written out.
const XML_TOKEN = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/// Character data with the XML references decoded (the five predefined entities and numeric
/// references). Other named references (&nbsp; and the like, which feeds use as if HTML's were
/// declared) and numeric ones HTML reads its own way (&#150;) are left for the HTML reader.
function decodeXmlReferences(s: string): string {
  return s.replace(/&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#[xX]([0-9A-Fa-f]+));/g, (ref, name: string | undefined, dec: string | undefined, hex: string) => {
    if (name) return XML_ENTITIES[name];
    const n = dec ? Number(dec) : parseInt(hex, 16);
    return isPlainCodePoint(n) ? String.fromCodePoint(n) : ref;
  });
}

/// Text written as HTML text: its markup characters escaped.
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/// Raw XML content rewritten as HTML source that means the same. Plain text: character data
/// and CDATA text only, escaped (XML references are valid HTML references, so character data
/// passes as written); stray child elements give up their tags but keep their text. Escaped
/// HTML: the character data decoded is the markup, CDATA sections hold it literally. XHTML: the
/// elements themselves, without namespace prefixes and with self-closed elements closed the way
/// HTML understands, and CDATA sections as escaped text (HTML would read them as comments).
function xmlToHtmlSource(raw: string, markup: Markup): string {
  let out = '';
  let last = 0;
  XML_TOKEN.lastIndex = 0;
  for (let m = XML_TOKEN.exec(raw); m; m = XML_TOKEN.exec(raw)) {
    const text = raw.slice(last, m.index);
    out += markup === 'html' ? decodeXmlReferences(text) : text;
    last = XML_TOKEN.lastIndex;
    const [token, cdata, closing, name, attributes, selfClosing] = m;
    if (cdata !== undefined) out += markup === 'html' ? cdata : escapeHtml(cdata);
    else if (name === undefined || markup === 'text') continue;
    else if (markup === 'html') out += token;
    else {
      const local = name.replace(/^.*:/, '');
      if (closing) out += `</${local}>`;
      else if (selfClosing && !VOID_ELEMENTS.has(local.toLowerCase())) out += `<${local}${attributes}></${local}>`;
      else out += `<${local}${attributes}${selfClosing ? ' /' : ''}>`;
    }
  }
  const rest = raw.slice(last);
  return out + (markup === 'html' ? decodeXmlReferences(rest) : rest);
}

/// A character reference in HTML source.
const CHARACTER_REFERENCE = /&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);/;

/// Markup in HTML source: a tag, comment or declaration, or a character reference.
const HTML_MARKUP = new RegExp(`<[A-Za-z/!?]|${CHARACTER_REFERENCE.source}`);

/// A text construct's content as article text: plain text keeps every character it has, with
/// its lines as paragraphs; HTML and XHTML are read for their readable text. HTML bodies without
/// any markup are plain text in all but name (many RSS descriptions are), so their lines stay
/// paragraphs too, whether or not a bare '&' or '<' appears in them.
function constructText(raw: string, markup: Markup): string {
  const source = xmlToHtmlSource(raw, markup);
  if (markup === 'text') return linesToParagraphs(decodeCharacterReferences(source));
  if (markup === 'html' && !HTML_MARKUP.test(source)) return linesToParagraphs(source);
  return htmlFragmentToText(source);
}

function linesToParagraphs(text: string): string {
  return paragraphsToText(text.split('\n').map(collapseSpaces));
}

/// An RSS title: the format never said whether titles hold HTML, and feeds differ. Plain text
/// is the rule, so `x < y` and `The <title> element` stay as written; a title with closing tags
/// (`<b>…</b>`) was written as HTML, and one still holding character references after XML
/// decoding (`&amp;quot;`) was escaped twice, so those are decoded once more.
function rssTitleText(raw: string): string {
  const text = constructText(raw, 'text');
  if (/<\/[A-Za-z][A-Za-z0-9]*\s*>/.test(text)) return htmlFragmentToText(text);
  if (CHARACTER_REFERENCE.test(text)) return decodeCharacterReferences(text);
  return text;
}

/// A title construct on one line.
function titleText(v: unknown, atom: boolean): string {
  const c = constructOf(v);
  if (!c) return '';
  const text = atom || c.type ? constructText(c.raw, atomMarkup(c.type, false) ?? 'text') : rssTitleText(c.raw);
  return collapseSpaces(text);
}

/// Where an item's body may be, best first.
const BODY_FIELDS = ['encoded', 'content', 'description', 'summary'] as const;

/// An item's body: the first of its body fields with readable text. RSS bodies are HTML by
/// convention (content:encoded always is); Atom ones say what they are in their type attribute.
/// `linked` is set when the entry's content is only a link to it (Atom content src).
function bodyText(item: Node, atom: boolean): { text: string; linked: boolean } {
  let linked = false;
  for (const field of BODY_FIELDS) {
    for (const c of constructsOf(item[field])) {
      if (c.src && !c.raw.trim()) {
        linked = true;
        continue;
      }
      // A content element with a url attribute is Media RSS's description of a media file.
      if (field === 'content' && c.url) continue;
      const markup = field === 'encoded' ? 'html' : atom || c.type ? atomMarkup(c.type, field === 'content') : 'html';
      if (!markup) continue;
      const text = constructText(c.raw, markup);
      if (text) return { text, linked };
    }
  }
  return { text: '', linked };
}

/// A feed to articles: each RSS item or Atom entry becomes one, with its title, date
/// (pubDate, dc:date, published, updated), link, and text from content:encoded / content /
/// description / summary (the first that has any), read as plain text, HTML or XHTML as the
/// feed declares; the feed's title is the source and its declared language the language.
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
  const atom = doc.feed !== undefined && channel === doc.feed;
  const source = titleText(channel.title, atom) || null;
  const articles: ParsedArticle[] = [];
  let linkedOnly = 0;
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const title = titleText(item.title, atom);
    const body = bodyText(item, atom);
    const text = withoutLeadingTitle(body.text, title);
    if (body.linked && !body.text) linkedOnly++;
    if (!title && !text) continue;
    const date = parseDate(textOf(item.pubDate)) ?? parseDate(textOf(item.date)) ?? parseDate(textOf(item.published)) ?? parseDate(textOf(item.updated)) ?? parseDate(textOf(item.issued));
    const url = linkOf(item.link) ?? safeUrl(textOf(item['@_about'])) ?? safeUrl(textOf(item.guid));
    const itemLang = textOf(item['@_lang']) || lang;
    articles.push({ title: title.normalize('NFC'), date, text, source: source?.normalize('NFC') ?? null, url, lang: itemLang || null });
  }
  // Entries whose content lives elsewhere (content src) and that carry no summary have nothing
  // to import but a title; a feed made only of such entries is refused with the reason.
  if (linkedOnly > 0 && articles.every((a) => !a.text)) {
    throw new ImportFileError(
      `no article text in this feed: its entries only link to their content (content src) and have no summary; import the linked documents instead`,
    );
  }
  if (articles.length === 0) throw new ImportFileError('no articles in this feed');
  return articles;
}
