import { parseHTML } from 'linkedom';
import { collapseSpaces, paragraphsToText } from './article-text.js';

// Readable text out of HTML, by parsing only: linkedom builds a DOM without running scripts,
// loading resources or evaluating anything, and this module reads text nodes alone, so
// attributes (on* handlers, javascript: URLs) can never reach the text.

/// Elements whose content is never article text.
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'frame',
  'frameset', 'object', 'embed', 'svg', 'math', 'canvas', 'button', 'select', 'input', 'textarea', 'label',
  'dialog', 'menu', 'head', 'title', 'meta', 'link', 'base', 'audio', 'video', 'picture', 'map', 'applet',
]);

/// Elements that start a new paragraph.
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt',
  'dd', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', 'figure',
  'figcaption', 'address', 'hr', 'br', 'center', 'details', 'summary', 'body', 'html', 'fieldset', 'legend',
]);

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/// Deeper nesting than this is not a real page (parsers slow down badly on it): such markup is
/// flattened before parsing.
export const MAX_HTML_DEPTH = 1000;

interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  localName?: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
  hasAttribute?(name: string): boolean;
  getAttribute?(name: string): string | null;
}

/// A parsed HTML document (linkedom's), typed as far as this module uses it.
export type HtmlDocument = ReturnType<typeof parseHTML>['document'];

/// Parse HTML without executing anything; markup nested deeper than MAX_HTML_DEPTH loses its
/// container tags first, so hostile nesting cannot stall the import.
export function parseHtmlDocument(html: string): HtmlDocument {
  const safe = nestingDepth(html) > MAX_HTML_DEPTH ? flatten(html) : html;
  return parseHTML(safe).document;
}

/// The readable text under a node: dropped elements skipped, block elements and <br> separating
/// paragraphs, whitespace collapsed within them. Inside <pre> every line is a paragraph of its
/// own (line breaks there are part of the text, as <br> is elsewhere) and blank lines vanish
/// as they do everywhere. The walk is iterative, so depth costs no stack.
export function readableText(root: unknown): string {
  const paragraphs: string[] = [];
  let current = '';
  const breakParagraph = () => {
    const t = collapseSpaces(current);
    if (t) paragraphs.push(t);
    current = '';
  };
  const start = root as DomNode;
  // How many <pre> elements the walk is inside.
  let pre = 0;
  let node: DomNode | null = start.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (pre > 0) {
        const lines = value.split(/\r\n?|\n/);
        current += lines[0];
        for (let i = 1; i < lines.length; i++) {
          breakParagraph();
          current += lines[i];
        }
      } else current += value;
    } else if (node.nodeType === 1) {
      const tag = node.localName ?? '';
      if (!DROP.has(tag) && !node.hasAttribute?.('hidden') && node.getAttribute?.('aria-hidden') !== 'true') {
        if (BLOCK.has(tag)) breakParagraph();
        descend = node.firstChild !== null;
        if (descend && tag === 'pre') pre++;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing blocks on the way.
    while (node && node !== start && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== start && node.nodeType === 1) {
        const tag = node.localName ?? '';
        if (tag === 'pre') pre--;
        if (BLOCK.has(tag)) breakParagraph();
      }
    }
    if (!node || node === start) break;
    if (node.nodeType === 1 && BLOCK.has(node.localName ?? '')) breakParagraph();
    node = node.nextSibling;
  }
  breakParagraph();
  return paragraphsToText(paragraphs);
}

/// Parse markup that is not a whole page (no <html> or <body>): linkedom would make its first
/// element the document element and drop what follows, so the markup is put inside a body first.
export function parseHtmlFragment(markup: string): HtmlDocument {
  return parseHtmlDocument(`<!doctype html><html><body>${markup}</body></html>`);
}

/// True for a code point a numeric character reference stands for as written. HTML reads the
/// others its own way: 0, surrogates and values beyond Unicode become U+FFFD, and 128–159 the
/// Windows-1252 characters old pages and feeds meant by them (&#150; is an en dash).
export function isPlainCodePoint(n: number): boolean {
  return n > 0 && n <= 0x10ffff && (n < 0x80 || n > 0x9f) && (n < 0xd800 || n > 0xdfff);
}

const XML_REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#[xX]([0-9A-Fa-f]+));/g;
const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/// Text with its HTML character references (&amp;, &#1179;, &nbsp; …) decoded once and nothing
/// else read into it: a '<' stays a '<', line breaks stay. The references XML shares with HTML
/// are decoded here; any other goes to the HTML parser, which knows them all.
export function decodeCharacterReferences(s: string): string {
  if (!s.includes('&')) return s;
  let simple = !/&(?!(?:lt|gt|amp|quot|apos);)[A-Za-z]/.test(s);
  if (simple) {
    const decoded = s.replace(XML_REFERENCE, (ref, name: string | undefined, dec: string | undefined, hex: string) => {
      if (name) return XML_ENTITIES[name];
      const n = dec ? Number(dec) : parseInt(hex, 16);
      if (isPlainCodePoint(n)) return String.fromCodePoint(n);
      simple = false;
      return ref;
    });
    if (simple) return decoded;
  }
  return parseHtmlFragment(s.replace(/</g, '&lt;')).body?.textContent ?? '';
}

/// HTML markup inside a feed or JSON field to plain text; plain strings pass through quickly.
export function htmlFragmentToText(s: string): string {
  if (!/[<&]/.test(s)) return paragraphsToText(s.split('\n').map(collapseSpaces));
  return readableText(parseHtmlFragment(s).body);
}

/// The deepest element nesting in the markup, counted from tags alone (one native regex pass).
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const re = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(\/?)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const tag = m[2].toLowerCase();
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID.has(tag)) {
      depth++;
      if (depth > max) max = depth;
    }
  }
  return max;
}

// Remove every tag but those that carry paragraphs or metadata; block containers become
// line breaks so paragraphs stay apart.
function flatten(html: string): string {
  const keep = new Set(['html', 'head', 'body', 'title', 'meta', 'script', 'style', 'noscript', 'template', 'br', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'time']);
  return html.replace(/<\/?([A-Za-z][A-Za-z0-9-]*)[^>]*>/g, (tag, name: string) => {
    const n = name.toLowerCase();
    if (keep.has(n)) return tag;
    return BLOCK.has(n) ? '<br>' : '';
  }).replace(/(?:<br>\s*){3,}/g, '<br><br>');
}
