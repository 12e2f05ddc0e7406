import type { ParsedArticle } from './types.js';
import { collapseSpaces, withoutLeadingTitle } from './article-text.js';
import { parseDate } from './dates.js';
import { parseHtmlDocument, parseHtmlFragment, readableText, type HtmlDocument } from './html-text.js';

/// True when text starts like an HTML document or fragment.
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  return /^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|article|main|div|p|h1)[\s>]/.test(head);
}

function meta(document: HtmlDocument, selectors: string[]): string | null {
  for (const sel of selectors) {
    const v = document.querySelector(sel)?.getAttribute('content');
    if (v && v.trim()) return collapseSpaces(v);
  }
  return null;
}

/// An HTML page or fragment to one article: title (og:title, <title>, first h1; a fragment's
/// first heading), date (article:published_time, date / DC.date meta tags, itemprop
/// datePublished, <time datetime>), declared language (<html lang>), site name and canonical
/// URL, and the readable text of <article>, <main> or the body with scripts, styles,
/// navigation, headers, footers, asides and forms left out.
export function parseHtml(html: string): ParsedArticle {
  let document = parseHtmlDocument(html);
  // Without <html> the first element became the document element; read it again as a fragment.
  const fragment = document.documentElement?.localName !== 'html';
  if (fragment) document = parseHtmlFragment(html);
  // A fragment's first heading of any level is its headline; a page's lesser headings are
  // often sidebars and section titles, so only its h1 counts.
  const heading = document.querySelector(fragment ? 'h1, h2, h3, h4, h5, h6' : 'h1');
  const title =
    meta(document, ['meta[property="og:title"]', 'meta[name="og:title"]', 'meta[name="twitter:title"]']) ??
    (collapseSpaces(document.querySelector('title')?.textContent ?? '') || null) ??
    (heading ? collapseSpaces(heading.textContent ?? '') : '');
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const date =
    parseDate(
      meta(document, [
        'meta[property="article:published_time"]',
        'meta[name="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="date"]',
        'meta[name="DC.date"]',
        'meta[name="DC.date.issued"]',
        'meta[name="dc.date"]',
        'meta[name="dcterms.date"]',
        'meta[name="pubdate"]',
      ]),
    ) ?? parseDate(time);
  // <html> without <body> leaves the body empty and the content beside it.
  const root =
    document.querySelector('article') ??
    document.querySelector('main') ??
    document.querySelector('[role="main"]') ??
    (document.body?.firstChild ? document.body : document.documentElement);
  let text = root ? readableText(root) : '';
  text = withoutLeadingTitle(text, title);
  if (heading) text = withoutLeadingTitle(text, collapseSpaces(heading.textContent ?? ''));
  const lang = document.documentElement?.getAttribute('lang')?.trim() || null;
  const source = meta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const url =
    meta(document, ['meta[property="og:url"]']) ?? (document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null);
  return { title: title.normalize('NFC'), date, text, source: source?.normalize('NFC') ?? null, url: safeUrl(url), lang };
}

/// Only web addresses are kept as article URLs (never javascript:, data: and the like).
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  return /^https?:\/\//i.test(u) ? u : null;
}
