// Placeholder until the folding module lands: lower-cased words, no cross-script folding.
export interface Token {
  /// UTF-16 offsets of the word in the text it came from.
  start: number;
  end: number;
  /// The word as written.
  text: string;
  /// The folded key the index stores and queries compare.
  key: string;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], key: m[0].toLowerCase() });
  }
  return out;
}

/// The folded keys of a text, space separated: what the full-text index stores for it.
export function indexKeys(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(' ');
}
