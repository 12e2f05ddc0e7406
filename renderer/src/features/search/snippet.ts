// Search snippets arrive as HTML: escaped text with the matched words wrapped in `<b>…</b>`.
// Rather than trusting that and setting innerHTML, read it into plain segments ourselves: only
// `<b>`/`</b>` mean anything, every other `<…>` stays visible as text, so even a snippet that
// is not what the server promised can never inject markup.

/// A run of snippet text, marked when it was a match.
export interface SnippetSegment {
  text: string;
  marked: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/// Replace the character references an HTML escaper produces; unknown ones stay as written.
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // Lone surrogates and out-of-range values are not characters: keep the reference visible.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? whole;
  });
}

/// Split a snippet into text and marked segments; adjacent segments of the same kind are joined.
export function parseSnippet(html: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let marked = false;
  const push = (raw: string) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    const last = out.at(-1);
    if (last && last.marked === marked) last.text += text;
    else out.push({ text, marked });
  };
  const re = /<(\/?)b>/gi;
  let at = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    push(html.slice(at, m.index));
    marked = m[1] !== '/';
    at = m.index + m[0].length;
  }
  push(html.slice(at));
  return out;
}
