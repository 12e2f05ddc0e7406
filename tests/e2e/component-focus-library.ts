// A library in the page for the views whose actions add or take away what has the keyboard focus
// (component-page.ts): the first-run samples, the library's filters, collections, tag deletion and
// merging, and export jobs. Imported by the mount code before the view, so the renderer's api
// module finds this one in place of component-library.ts; calls are recorded in the same list.
import type { Article, ArticleSummary, Collection, JobStatus, Tag } from '../../shared/model.js';
import { fixtureArticle } from './component-fixtures.js';
import { installLibrary } from './component-library.js';

/// How the page's library starts and behaves (set by the mount code as `window.focusScenario`).
export interface FocusScenario {
  articles?: number;
  /// How many articles "Load sample articles" brings.
  samples?: number;
  collections?: { id: number; name: string }[];
  tags?: Tag[];
  /// How an export job ends: with its file, or failing. It runs until the test sets this.
  exportEnds?: 'done' | 'failed';
}

declare global {
  interface Window {
    focusScenario?: FocusScenario;
  }
}

// Read on the first call: the mount code sets the scenario after its imports have run.
let state: { articles: Article[]; collections: Collection[]; tags: Tag[] } | null = null;

function scenario(): FocusScenario {
  return window.focusScenario ?? {};
}

function library(): { articles: Article[]; collections: Collection[]; tags: Tag[] } {
  state ??= {
    articles: Array.from({ length: scenario().articles ?? 0 }, (_, i) => article(i + 1)),
    collections: (scenario().collections ?? []).map((c) => collection(c.id, c.name)),
    tags: scenario().tags ?? [],
  };
  return state;
}

function article(id: number): Article {
  return { ...fixtureArticle(`Article ${id}.`, { title: `Article ${id}`, lang: 'en', script: 'Latn' }), id, uid: `article-${id}` };
}

function summary({ text: _text, provenance: _provenance, ...rest }: Article): ArticleSummary {
  return rest;
}

function collection(id: number, name: string): Collection {
  return { id, name, description: '', query: null, script: 'any', count: 0, createdAt: '2024-03-01T00:00:00Z' };
}

let nextId = 500;

function fail(code: string, message: string): never {
  throw Object.assign(new Error(message), { code });
}

/// A tag and every tag under it.
function subtree(id: number): Set<number> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of library().tags) {
      if (t.parentId !== null && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}

const handlers: Record<string, (input: Record<string, unknown>) => unknown> = {
  capabilities: () => ({ nativeDialogs: false, transport: 'ipc' }),
  // Collections hold no articles here; the library lists every article, whatever the filters.
  listArticles: (input) => {
    const offset = (input.offset as number | undefined) ?? 0;
    const limit = (input.limit as number | undefined) ?? 100;
    const listed = input.collectionId === undefined ? library().articles : [];
    return { total: listed.length, items: listed.slice(offset, offset + limit).map(summary) };
  },
  facets: () => ({ langs: [{ value: 'en', count: library().articles.length }], sources: [], dateMin: null, dateMax: null }),
  loadSamples: () => {
    const lib = library();
    const added = Array.from({ length: scenario().samples ?? 3 }, (_, i) => article(lib.articles.length + i + 1));
    lib.articles = [...lib.articles, ...added];
    return { batchId: 1, imported: added.length, duplicates: 0, failed: [], articleIds: added.map((a) => a.id) };
  },
  listCollections: () => library().collections,
  createCollection: (input) => {
    const created = collection(nextId++, input.name as string);
    library().collections.push(created);
    return created;
  },
  renameCollection: (input) => {
    const lib = library();
    const known = lib.collections.find((c) => c.id === input.id) ?? fail('not_found', 'No such collection.');
    const renamed = { ...known, name: input.name as string, description: (input.description as string | undefined) ?? known.description };
    lib.collections = lib.collections.map((c) => (c.id === renamed.id ? renamed : c));
    return renamed;
  },
  deleteCollection: (input) => {
    const lib = library();
    lib.collections = lib.collections.filter((c) => c.id !== input.id);
    return { deleted: true };
  },
  listTags: () => library().tags,
  passages: () => ({ total: 0, items: [] }),
  createTag: (input) => {
    const lib = library();
    const id = nextId++;
    const parent = lib.tags.find((t) => t.id === input.parentId);
    const name = input.name as string;
    const tag: Tag = { id, uid: `tag-${id}`, name, parentId: parent?.id ?? null, path: [...(parent?.path ?? []), name], color: '#3366aa', description: '', count: 0 };
    lib.tags = [...lib.tags, tag];
    return tag;
  },
  deleteTag: (input) => {
    const gone = subtree(input.id as number);
    library().tags = library().tags.filter((t) => !gone.has(t.id));
    return { deleted: gone.size, annotationsAffected: 0 };
  },
  mergeTags: (input) => {
    const lib = library();
    const target = lib.tags.find((t) => t.id === input.targetId) ?? fail('not_found', 'No such tag.');
    lib.tags = lib.tags.filter((t) => t.id !== input.sourceId).map((t) => (t.parentId === input.sourceId ? { ...t, parentId: target.id } : t));
    return target;
  },
  startExport: () => ({ jobId: `export-${nextId++}` }),
  // Running until the test says how it ends, so the dialog shows its progress meanwhile.
  jobStatus: (input) => {
    const id = input.id as string;
    const status: JobStatus = { id, kind: 'export', state: 'running', done: 0, total: 10, message: '' };
    if (scenario().exportEnds === undefined) return status;
    if (scenario().exportEnds === 'failed') return { ...status, state: 'failed', error: { code: 'io', message: 'The export folder cannot be written to.' } };
    return { ...status, state: 'done', done: 10, result: { path: '/library/exports/collection.json' } };
  },
  cancelJob: () => ({ cancelled: true }),
};

installLibrary(handlers, { delay: () => 30 });
