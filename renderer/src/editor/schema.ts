// The reader's document: an article is a list of paragraphs of plain text, nothing else. The
// text is never edited here, so the schema has no marks: highlights and search terms are
// decorations laid over the text, which keeps the document equal to the stored text.
import { Schema, type Node } from 'prosemirror-model';

/// doc > paragraph+ > text. Paragraphs are the article's lines (the text's '\n' separators).
export const readerSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: {
      content: 'text*',
      parseDOM: [{ tag: 'p' }],
      // Each paragraph takes its direction from its own first strong letter: a Hebrew, Arabic,
      // Persian or Urdu line reads right to left, with its punctuation where it belongs, in an
      // article and an app that are otherwise left to right. Only the drawn element carries it,
      // not the node: the document, its positions and the decorations over it stay as they are.
      toDOM: () => ['p', { dir: 'auto' }, 0],
    },
    text: {},
  },
  marks: {},
});

/// The document for an article's text: one paragraph per '\n'-separated line, empty lines kept
/// as empty paragraphs so that offsets and positions stay in step (see textmap.ts).
export function articleDoc(text: string): Node {
  const { paragraph, doc } = readerSchema.nodes;
  const paragraphs = text.split('\n').map((line) => paragraph!.create(null, line ? readerSchema.text(line) : null));
  return doc!.create(null, paragraphs);
}
