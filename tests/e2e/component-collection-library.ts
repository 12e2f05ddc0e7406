// A library in the page for the Collections view with one collection that holds articles
// (component-page.ts): its rows can be removed from it, and the list is read again from what is
// left. Imported by the mount code before the view, so the renderer's api module finds this one
// in place of component-library.ts; calls are recorded in the same list.
import type { Article, ArticleSummary, Collection } from '../../shared/model.js';
import { fixtureArticle } from './component-fixtures.js';
import { installLibrary } from './component-library.js';

/// How the page's library starts (set by the mount code as `window.collectionScenario`).
export interface CollectionScenario {
  /// How many articles collection 1, “Cotton”, holds: articles 1 to `members`, in that order.
  members: number;
}

declare global {
  interface Window {
    collectionScenario?: CollectionScenario;
  }
}

// Read on the first call: the mount code sets the scenario after its imports have run.
let members: Article[] | null = null;

function held(): Article[] {
  members ??= Array.from({ length: window.collectionScenario?.members ?? 0 }, (_, i) => article(i + 1));
  return members;
}

function article(id: number): Article {
  return { ...fixtureArticle(`Article ${id}.`, { title: `Article ${id}`, lang: 'en', script: 'Latn' }), id, uid: `article-${id}` };
}

function summary({ text: _text, provenance: _provenance, ...rest }: Article): ArticleSummary {
  return rest;
}

function cotton(): Collection {
  return { id: 1, name: 'Cotton', description: '', query: null, script: 'any', count: held().length, createdAt: '2024-03-01T00:00:00Z' };
}

const handlers: Record<string, (input: Record<string, unknown>) => unknown> = {
  capabilities: () => ({ nativeDialogs: false, transport: 'ipc' }),
  listCollections: () => [cotton()],
  listTags: () => [],
  // Sort and order are not applied: the members come in the order they were given.
  listArticles: (input) => {
    const offset = (input.offset as number | undefined) ?? 0;
    const limit = (input.limit as number | undefined) ?? 100;
    const listed = input.collectionId === 1 ? held() : [];
    return { total: listed.length, items: listed.slice(offset, offset + limit).map(summary) };
  },
  removeFromCollection: (input) => {
    const gone = new Set(input.articleIds as number[]);
    members = held().filter((a) => !gone.has(a.id));
    return cotton();
  },
};

installLibrary(handlers, { delay: () => 30 });
