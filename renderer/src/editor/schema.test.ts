import { parseHTML } from 'linkedom';
import { DOMParser as ProseMirrorParser, DOMSerializer } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { articleDoc, readerSchema } from './schema.js';
import { TextMap } from './textmap.js';

const text = ['The minister spoke first.', 'قال الوزير: «الاتفاق قريب».', '', 'השר אמר: "ההסכם קרוב".'].join('\n');

/// The article's paragraphs as the reader draws them, in a document of their own.
function drawn(doc = articleDoc(text)) {
  const { document } = parseHTML('<!doctype html><html><body><div id="text"></div></body></html>');
  const root = document.getElementById('text')!;
  root.append(DOMSerializer.fromSchema(readerSchema).serializeFragment(doc.content, { document: document as unknown as Document }));
  return root;
}

describe('the reader schema drawn as HTML', () => {
  it('lets each paragraph take its direction from its own text', () => {
    const paragraphs = [...drawn().querySelectorAll('p')];
    expect(paragraphs.map((p) => p.textContent)).toEqual(text.split('\n'));
    expect(paragraphs.map((p) => p.getAttribute('dir'))).toEqual(['auto', 'auto', 'auto', 'auto']);
  });

  it('keeps the document, and so its positions, as the text gives them', () => {
    const doc = articleDoc(text);
    // Read back from what was drawn, the document is the same one: the direction is only drawn.
    const parsed = ProseMirrorParser.fromSchema(readerSchema).parse(drawn(doc) as unknown as Node, { preserveWhitespace: 'full' });
    expect(parsed.eq(doc)).toBe(true);
    doc.forEach((paragraph) => expect(paragraph.attrs).toEqual({}));
    const map = new TextMap(text);
    const rtl = text.indexOf('الاتفاق');
    expect(doc.textBetween(map.toPos(rtl), map.toPos(rtl + 'الاتفاق'.length))).toBe('الاتفاق');
  });
});
