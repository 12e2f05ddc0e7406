// The one shape every reader hands back: paragraphs separated by '\n', no blank lines, no
// line-edge whitespace, NFC. Words are kept exactly as written (no folding of look-alike letters).

/// Join paragraphs into article text: each trimmed, empty ones dropped, NFC.
export function paragraphsToText(paragraphs: Iterable<string>): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    const t = p.trim();
    if (t) out.push(t);
  }
  return out.join('\n').normalize('NFC');
}

/// Text whose lines are its paragraphs: blank lines and line-edge whitespace removed.
export function linesToText(text: string): string {
  return paragraphsToText(text.split('\n'));
}

/// Collapse runs of whitespace (from HTML or feeds) to one space; no-break spaces are kept
/// because they are part of what was written.
export function collapseSpaces(s: string): string {
  return s.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ').trim();
}

/// Drop the first paragraph when it repeats the title (pages and feeds often start the body
/// with the headline): `text` holds the body only.
export function withoutLeadingTitle(text: string, title: string): string {
  if (!title) return text;
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  if (first.trim() === title.trim()) return nl < 0 ? '' : text.slice(nl + 1);
  return text;
}
