import { describe, expect, it } from 'vitest';
import { decodeEntities, parseSnippet } from './snippet.js';

describe('parseSnippet', () => {
  it('marks the <b> runs and keeps the rest as text', () => {
    expect(parseSnippet('…мамлакати <b>Қозоғистон</b> билан <b>чегара</b>…')).toEqual([
      { text: '…мамлакати ', marked: false },
      { text: 'Қозоғистон', marked: true },
      { text: ' билан ', marked: false },
      { text: 'чегара', marked: true },
      { text: '…', marked: false },
    ]);
  });

  it('decodes the escaped characters back to text', () => {
    expect(parseSnippet('AT&amp;T &lt;b&gt; &quot;x&quot; &#39;y&#x27; <b>R&amp;D</b>')).toEqual([
      { text: 'AT&T <b> "x" \'y\' ', marked: false },
      { text: 'R&D', marked: true },
    ]);
  });

  it('never turns other markup into elements: it stays visible text', () => {
    const segs = parseSnippet('<img src=x onerror=alert(1)><b>hit</b><script>bad()</script>');
    expect(segs).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: 'hit', marked: true },
      { text: '<script>bad()</script>', marked: false },
    ]);
    expect(segs.every((s) => typeof s.text === 'string')).toBe(true);
  });

  it('tolerates unbalanced or upper-case marks and empty input', () => {
    expect(parseSnippet('')).toEqual([]);
    expect(parseSnippet('<B>open')).toEqual([{ text: 'open', marked: true }]);
    expect(parseSnippet('close</b> end')).toEqual([{ text: 'close end', marked: false }]);
    expect(parseSnippet('<b>a</b><b>b</b>')).toEqual([{ text: 'ab', marked: true }]);
  });

  it('leaves unknown or invalid references as written', () => {
    expect(decodeEntities('&bogus; &#xD800; &#0; &#1114112; &amp')).toBe('&bogus; &#xD800; &#0; &#1114112; &amp');
    expect(decodeEntities('&#1179;&#x49A;')).toBe('қҚ');
  });
});
