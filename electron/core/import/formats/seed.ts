import type { ParsedArticle } from './types.js';
import { linesToText } from './article-text.js';
import { isoDate } from './dates.js';

/// The first line of a seed file: ` date YYYY-MM-DD Title` (the leading space is optional).
export const SEED_HEADER = /^ ?date (\d{4})-(\d{2})-(\d{2})(?:[ \t]+(.*))?$/;

/// True when the text starts with a seed header.
export function isSeed(text: string): boolean {
  const nl = text.indexOf('\n');
  return SEED_HEADER.test(nl < 0 ? text : text.slice(0, nl));
}

/// A seed file: the header gives date and title, every following line is a paragraph.
export function parseSeed(text: string): ParsedArticle {
  const nl = text.indexOf('\n');
  const m = SEED_HEADER.exec(nl < 0 ? text : text.slice(0, nl))!;
  return {
    title: (m[4] ?? '').trim().normalize('NFC'),
    date: isoDate(+m[1], +m[2], +m[3]),
    text: nl < 0 ? '' : linesToText(text.slice(nl + 1)),
    source: null,
    url: null,
    lang: null,
  };
}
