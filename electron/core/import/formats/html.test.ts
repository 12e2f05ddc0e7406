import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from './index.js';
import { parseHtml } from './html.js';

describe('HTML fragments', () => {
  it('a lone paragraph keeps its text', () => {
    const p = parseFile(Buffer.from('<p>Some text.</p>'), 'f.html');
    expect(p.format).toBe('html');
    expect(p.articles[0]).toMatchObject({ title: '', text: 'Some text.' });
  });

  it('the first heading is the title and the paragraphs are the text', () => {
    expect(parseHtml('<h1>Head</h1><p>Body</p><p>More <b>body</b>.</p>')).toMatchObject({ title: 'Head', text: 'Body\nMore body.' });
    expect(parseHtml('<div><h2>Section</h2><p>One</p></div>')).toMatchObject({ title: 'Section', text: 'One' });
  });

  it('a <title> in a fragment still names it and its paragraphs are kept', () => {
    expect(parseHtml('<meta charset="utf-8"><title>Named</title><p>Body</p>')).toMatchObject({ title: 'Named', text: 'Body' });
  });

  it('<html> without <body> keeps its text and language', () => {
    expect(parseHtml('<html lang="ar"><p>نص المقال</p></html>')).toMatchObject({ text: 'نص المقال', lang: 'ar' });
  });

  it('a whole page still takes only its h1 as a heading title', () => {
    expect(parseHtml('<html><body><h2>Sidebar</h2><p>Body</p></body></html>')).toMatchObject({ title: '', text: 'Sidebar\nBody' });
  });
});

describe('HTML line breaks', () => {
  it('each line of a <pre> block is a paragraph; blank lines and indentation are not kept', () => {
    const p = parseFile(readFileSync(new URL('./fixtures/pre.html', import.meta.url)), 'pre.html');
    expect(p.articles[0]).toMatchObject({ title: 'Кесте', lang: 'kk' });
    expect(p.articles[0].text.split('\n')).toEqual([
      'Кіріспе сөз.',
      'бірінші жол',
      'екінші жол',
      'үшінші жол',
      'Бір',
      'Екі',
      'Үш',
      'Соңы.',
    ]);
  });

  it('a <pre> inside other markup keeps its lines, and text after it is not split', () => {
    expect(parseHtml('<div><p>a</p><pre><code>x = 1\ny = 2</code></pre>tail one\ntail two</div>').text).toBe('a\nx = 1\ny = 2\ntail one tail two');
  });
});

describe('HTML character references', () => {
  it('are decoded once: escaped references stay escaped, numeric ones become letters', () => {
    expect(parseHtml('<p>&amp;lt;b&amp;gt; &#1179;&#x49B; &lt;i&gt; 1 &lt; 2</p>').text).toBe('&lt;b&gt; ққ <i> 1 < 2');
  });
});
