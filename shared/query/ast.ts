// The Qalam query language, parsed. Pure data: the core builds SQL and FTS5 expressions from
// it, the highlighter and the strict-script check evaluate it on tokens.

/// A word or "exact phrase" to look for.
export interface TermNode {
  type: 'term';
  /// The words as typed (without quotes, field or `*`).
  text: string;
  /// `"…"`: the exact form of every word (no suffixed forms).
  quoted: boolean;
  /// `word*`: any word that starts like this one.
  prefix: boolean;
  /// `title:`: only in titles.
  field: 'title' | null;
}

export interface AndNode {
  type: 'and';
  children: QueryNode[];
}

export interface OrNode {
  type: 'or';
  children: QueryNode[];
}

/// `-word`, `NOT word`: articles without it.
export interface NotNode {
  type: 'not';
  child: QueryNode;
}

export type QueryNode = TermNode | AndNode | OrNode | NotNode;

/// `lang:`, `source:` or `date:`; filters of one kind are alternatives (`lang:uz lang:kk` is
/// either), filters of different kinds all apply.
export type Filter =
  | { kind: 'lang'; value: string; negated: boolean }
  | { kind: 'source'; value: string; negated: boolean }
  | { kind: 'date'; from: string | null; to: string | null; negated: boolean };

export interface ParsedQuery {
  /// The text part, or null when the query has filters only.
  text: QueryNode | null;
  filters: Filter[];
}

/// A query that cannot be run, said in a sentence for the person who typed it.
export interface QueryError {
  message: string;
  /// UTF-16 offset in the query where the problem is.
  at: number;
}

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; error: QueryError };
