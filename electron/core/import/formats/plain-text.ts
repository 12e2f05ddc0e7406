import type { ParsedArticle } from './types.js';
import { linesToText } from './article-text.js';

/// Plain text: the first non-empty line is the title, the remaining lines are paragraphs.
export function parsePlainText(text: string): ParsedArticle {
  let start = 0;
  let title = '';
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl).trim();
    start = nl < 0 ? text.length + 1 : nl + 1;
    if (line) {
      title = line;
      break;
    }
  }
  return { title: title.normalize('NFC'), date: null, text: linesToText(text.slice(Math.min(start, text.length))), source: null, url: null, lang: null };
}
