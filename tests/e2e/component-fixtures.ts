// The article and highlight the reader's component tests give their stand-in library
// (component-library.ts): one article of id 1, and a highlight of id 7 over a quote of it.
import type { Annotation, Article } from '../../shared/model.js';

/// Article 1 with `text`, as the library would give it.
export function fixtureArticle(text: string, fields: Pick<Article, 'title' | 'lang' | 'script'>): Article {
  return {
    id: 1,
    uid: 'urn:uuid:00000000-0000-0000-0000-000000000001',
    date: '2024-03-01',
    source: 'test',
    url: null,
    length: text.length,
    annotationCount: 1,
    text,
    provenance: { path: null, size: null, sha256: null, encoding: 'utf-8', format: 'text', batchId: null, importedAt: '2024-03-01T00:00:00Z' },
    ...fields,
  };
}

/// Highlight 7 over the first `quoted` in `text`, with its context of 20 code units each side.
export function fixtureHighlight(text: string, quoted: string, fields: Pick<Annotation, 'tagIds' | 'note'>): Annotation {
  const start = text.indexOf(quoted);
  if (start < 0) throw new Error(`"${quoted}" is not in the article`);
  const end = start + quoted.length;
  return {
    id: 7,
    uid: 'annotation-7',
    articleId: 1,
    start,
    end,
    exact: quoted,
    prefix: text.slice(Math.max(0, start - 20), start),
    suffix: text.slice(end, end + 20),
    status: 'anchored',
    createdAt: '2024-03-01T00:00:00Z',
    modifiedAt: '2024-03-01T00:00:00Z',
    ...fields,
  };
}
