// A search snippet drawn from parsed segments: text nodes and <mark> elements only.
import { useMemo } from 'react';
import { parseSnippet } from './snippet.js';

/// A hit's snippet with its matches marked, never as raw HTML.
export function Snippet({ html }: { html: string }) {
  const segments = useMemo(() => parseSnippet(html), [html]);
  return (
    <span className="snippet" dir="auto">
      {segments.map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </span>
  );
}
