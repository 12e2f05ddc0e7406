import type { ParsedArticle } from './types.js';
import { linesToText } from './article-text.js';

/// Longest title made from the opening words of a text, in characters (code points).
const MAX_DERIVED_TITLE_CHARS = 80;

/// Plain text: the first non-empty line is the title, the remaining lines are paragraphs.
/// A file with nothing after that line (an article saved as one long line, or a headline
/// alone) keeps the line as its text, titled by its opening words.
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
  const body = linesToText(text.slice(Math.min(start, text.length)));
  // Only the text can be searched as text and annotated, so a lone line goes there even when
  // it is short: a headline alone then reads the same as before in the library (its title is
  // the whole line) and can still be marked up, which a title alone cannot.
  if (!body && title) return { title: titleFromText(title), date: null, text: title.normalize('NFC'), source: null, url: null, lang: null };
  return { title: title.normalize('NFC'), date: null, text: body, source: null, url: null, lang: null };
}

/// A title from the opening of a text, as plain text and Markdown take their first line or
/// paragraph when no title is given: the whole line when it is short, otherwise its first
/// words, cut between words (mid-word only when one word fills the limit) and ended with '…',
/// MAX_DERIVED_TITLE_CHARS in all at most.
export function titleFromText(line: string): string {
  const flat = line.replace(/\s+/g, ' ').trim().normalize('NFC');
  const chars = Array.from(flat);
  if (chars.length <= MAX_DERIVED_TITLE_CHARS) return flat;
  const room = MAX_DERIVED_TITLE_CHARS - 1;
  const head = chars.slice(0, room).join('');
  // The cut is already between words when the next character is a space.
  const cut = chars[room] === ' ' ? head.length : head.lastIndexOf(' ');
  return `${(cut > 0 ? head.slice(0, cut) : head).replace(/[\s,;:]+$/, '')}…`;
}
