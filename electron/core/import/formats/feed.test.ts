import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from './index.js';

const fixture = (name: string) => parseFile(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)), name);
const feed = (xml: string) => parseFile(Buffer.from(`<?xml version="1.0" encoding="utf-8"?>\n${xml}`), 'feed.xml').articles;
const atom = (entries: string) => feed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>${entries}</feed>`);
const rss = (items: string) =>
  feed(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>R</title>${items}</channel></rss>`);

describe('Atom text constructs', () => {
  const articles = fixture('atom-constructs.xml').articles;

  it('type="xhtml" content keeps its paragraphs, line breaks, inline markup text and CDATA text', () => {
    expect(articles[0].text.split('\n')).toEqual([
      'Birinchi qalin xatboshi.',
      'Ikkinchi xatboshi & davomi.',
      'Yangi qator.',
      'Учинчи <qism> & oxiri.',
    ]);
  });

  it('type="xhtml" titles and summaries, with or without a namespace prefix, are read as markup', () => {
    expect(articles[1]).toMatchObject({ title: 'Faqat xulosa', text: 'Xulosa bir.\nXulosa ikki.' });
  });

  it('type="text" (stated or by default) keeps angle brackets and escaped references as written', () => {
    expect(articles[0].title).toBe('Narxlar: a <b> c, x < y');
    expect(articles[0].source).toBe('Iqtisod <Kun> sharhi');
    expect(articles[2]).toMatchObject({
      title: 'Matn 1 < 2 &lt; 3',
      text: 'Use the <pre> tag; &lt;p&gt; stays escaped.\nSecond line ққ.',
    });
    expect(articles[3]).toMatchObject({ title: 'CDATA matn', text: 'Kept <as> written & whole' });
  });

  it('numeric and HTML named references read the same in text and HTML constructs', () => {
    const [a] = atom(`<entry><title>1990&#150;2000&nbsp;yil &#1179;</title>
      <content type="html">&lt;p&gt;1990&amp;#150;2000&amp;nbsp;yil&lt;/p&gt;&lt;p&gt;&#150; &#1179;&lt;/p&gt;</content></entry>`);
    expect(a.title).toBe('1990\u20132000\u00a0yil қ');
    expect(a.text).toBe('1990\u20132000\u00a0yil\n\u2013 қ');
  });

  it('type="html" is still read as markup, from escaped text or CDATA, references decoded once', () => {
    const [a, b] = atom(`
      <entry><title type="html">T &amp;amp; &lt;i&gt;U&lt;/i&gt;</title>
        <content type="html"><![CDATA[<p>Para &amp;lt;1&amp;gt;</p><p>Two</p>]]></content></entry>
      <entry><title>Mime</title><content type="text/html">&lt;p&gt;x&lt;/p&gt;&lt;p&gt;y&lt;/p&gt;</content></entry>`);
    expect(a).toMatchObject({ title: 'T & U', text: 'Para &lt;1&gt;\nTwo' });
    expect(b.text).toBe('x\ny');
  });

  it('other text media types are plain text; binary content falls back to the summary', () => {
    const [a, b] = atom(`
      <entry><title>Plain</title><content type="text/plain">a &lt;b&gt; c</content></entry>
      <entry><title>Binary</title><content type="image/png">iVBORw0KGgo=</content><summary>Rasm haqida.</summary></entry>`);
    expect(a.text).toBe('a <b> c');
    expect(b.text).toBe('Rasm haqida.');
  });

  it('content only linked by src falls back to the summary', () => {
    const [a] = atom(`<entry><title>Linked</title><content type="application/pdf" src="https://example.com/a.pdf"/><summary>Qisqacha.</summary></entry>`);
    expect(a.text).toBe('Qisqacha.');
  });

  it('a feed whose entries only link to their content is refused with that reason', () => {
    expect(() => atom(`<entry><title>A</title><content src="https://example.com/a.pdf" type="application/pdf"/></entry>`)).toThrow(
      /only link to their content \(content src\)/,
    );
  });

  it('Media RSS content beside Atom content does not hide it', () => {
    const [a] = feed(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>F</title>
      <entry><title>Both</title><media:content url="https://example.com/v.mp4" type="video/mp4"/><content type="html">&lt;p&gt;Atom body&lt;/p&gt;</content></entry></feed>`);
    expect(a.text).toBe('Atom body');
  });
});

describe('RSS text', () => {
  it('titles are plain text: angle brackets stay', () => {
    const [a] = rss(`<item><title>x &lt; y and a &lt;b&gt; c</title><description>Body</description></item>`);
    expect(a.title).toBe('x < y and a <b> c');
  });

  it('titles written as HTML or escaped twice are decoded once more', () => {
    const [a, b] = rss(`
      <item><title>&lt;b&gt;Срочно&lt;/b&gt;: рост</title><description>Body</description></item>
      <item><title>Say &amp;quot;hi&amp;quot; &amp;amp; A&lt;B &#1179;</title><description>Body</description></item>`);
    expect(a.title).toBe('Срочно: рост');
    expect(b.title).toBe('Say "hi" & A<B қ');
  });

  it('descriptions are HTML: escaped, in CDATA, or written as unescaped elements', () => {
    const [a, b, c] = rss(`
      <item><title>A</title><description>&lt;p&gt;A&amp;amp;B &amp;lt;tag&amp;gt;&lt;/p&gt;&lt;p&gt;x &lt; y&lt;/p&gt;</description></item>
      <item><title>B</title><description><![CDATA[<p>Bir</p><p>Ikki &amp; uch</p>]]></description></item>
      <item><title>C</title><description><p>Первый абзац.</p><p>Второй&nbsp;абзац &mdash; конец.</p></description></item>`);
    expect(a.text).toBe('A&B <tag>\nx < y');
    expect(b.text).toBe('Bir\nIkki & uch');
    expect(c.text).toBe('Первый абзац.\nВторой\u00a0абзац — конец.');
  });

  it('a body with no readable text gives way to the next one', () => {
    const [a] = rss(`<item><title>Img</title><content:encoded><![CDATA[<figure><img src="a.jpg"></figure>]]></content:encoded><description>Matn bor.</description></item>`);
    expect(a.text).toBe('Matn bor.');
  });

  it('Media RSS content is not taken for the body', () => {
    const [a] = rss(`<item><title>M</title><media:content url="https://example.com/p.jpg"><media:title>Surat</media:title></media:content><description>Haqiqiy matn.</description></item>`);
    expect(a.text).toBe('Haqiqiy matn.');
  });

  it('line breaks inside <pre> survive in a description', () => {
    const [a] = rss(`<item><title>Code</title><description><![CDATA[<p>One</p><pre>line 1\nline 2\n\nline 3</pre>]]></description></item>`);
    expect(a.text.split('\n')).toEqual(['One', 'line 1', 'line 2', 'line 3']);
  });
});

describe('RSS bodies without markup', () => {
  it('keep their lines as paragraphs, bare ampersands and angle brackets included', () => {
    const [a, b] = rss(`
      <item><title>A</title><description>Tom &amp; Jerry.
Ikkinchi qator: 1 &lt; 2.</description></item>
      <item><title>B</title><description>Birinchi.
Ikkinchi.</description></item>`);
    expect(a.text).toBe('Tom & Jerry.\nIkkinchi qator: 1 < 2.');
    expect(b.text).toBe('Birinchi.\nIkkinchi.');
  });
});
