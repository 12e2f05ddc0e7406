// A small library in the page, for components tested on their own (component-page.ts): it stands
// in for the preload's `window.qalam`, answers the calls the reader, the Tags view and the list of
// articles make from data the test gave, keeps what they change, and records every call for the
// test to read. A test can make calls fail, as they do when the server has stopped.
// Imported first by the page's entry, so it is in place before the renderer's api module looks.
import type { Annotation, Article, ArticleSummary, Tag } from '../../shared/model.js';

/// What the page's library starts with (set by the page as `window.qalamLibrary`).
export interface LibraryData {
  articles: Article[];
  annotations: Annotation[];
  tags: Tag[];
}

/// One call the page made, as the test reads it back.
export interface RecordedCall {
  name: string;
  input: Record<string, unknown>;
}

type Handler = (input: Record<string, unknown>) => unknown;

declare global {
  interface Window {
    qalamLibrary?: LibraryData;
    qalamCalls?: RecordedCall[];
    /// Names of calls that fail, as every call does when the server is not answering; the test
    /// sets and clears it with `page.evaluate`.
    qalamFailing?: string[];
    /// How long every call takes to answer, in milliseconds (30 unless set).
    qalamDelay?: number;
  }
}

const data: LibraryData = window.qalamLibrary ?? { articles: [], annotations: [], tags: [] };
let nextId = 1000;

function fail(code: string, message: string): never {
  throw Object.assign(new Error(message), { code });
}

function counted(): Tag[] {
  return data.tags.map((t) => ({ ...t, count: data.annotations.filter((a) => a.tagIds.includes(t.id)).length }));
}

function tagNamed(name: string, parentId: number | null): Tag {
  const known = data.tags.find((t) => t.name === name && t.parentId === parentId);
  if (known) return known;
  const parent = data.tags.find((t) => t.id === parentId);
  const id = nextId++;
  const tag: Tag = { id, uid: `tag-${id}`, name, parentId, path: [...(parent?.path ?? []), name], color: '#3366aa', description: '', count: 0 };
  data.tags.push(tag);
  return tag;
}

/// A tag by a name as typed in the tag field: `A/B` is B under A.
function tagByPath(typed: string): Tag {
  let parentId: number | null = null;
  let tag: Tag | null = null;
  for (const part of typed.split('/').map((p) => p.trim()).filter(Boolean)) {
    tag = tagNamed(part, parentId);
    parentId = tag.id;
  }
  return tag ?? fail('invalid_input', 'A tag needs a name.');
}

function annotation(id: unknown): Annotation {
  return data.annotations.find((a) => a.id === id) ?? fail('not_found', `No annotation ${String(id)}.`);
}

function tagIdsOf(input: Record<string, unknown>): number[] {
  const ids = (input.tagIds as number[] | undefined) ?? [];
  const named = ((input.tagNames as string[] | undefined) ?? []).map((n) => tagByPath(n).id);
  return [...new Set([...ids, ...named])];
}

/// An article as the list shows it, without its text.
function summary({ text: _text, provenance: _provenance, ...rest }: Article): ArticleSummary {
  return rest;
}

const handlers: Record<string, Handler> = {
  // In the order the test gave; sort and filters are not applied.
  listArticles: (input) => {
    const offset = (input.offset as number | undefined) ?? 0;
    const limit = (input.limit as number | undefined) ?? 100;
    return { total: data.articles.length, items: data.articles.slice(offset, offset + limit).map(summary) };
  },
  getArticle: (input) => data.articles.find((a) => a.id === input.id) ?? fail('not_found', 'No such article.'),
  listAnnotations: (input) => data.annotations.filter((a) => a.articleId === input.articleId),
  listTags: () => counted(),
  createAnnotation: (input) => {
    const article = data.articles.find((a) => a.id === input.articleId) ?? fail('not_found', 'No such article.');
    const start = input.start as number;
    const end = input.end as number;
    const id = nextId++;
    const now = new Date().toISOString();
    const created: Annotation = {
      id,
      uid: (input.uid as string | undefined) ?? `annotation-${id}`,
      articleId: article.id,
      start,
      end,
      exact: article.text.slice(start, end),
      prefix: article.text.slice(Math.max(0, start - 32), start),
      suffix: article.text.slice(end, end + 32),
      tagIds: tagIdsOf(input),
      note: (input.note as string | undefined) ?? '',
      status: 'anchored',
      createdAt: now,
      modifiedAt: now,
    };
    data.annotations.push(created);
    return created;
  },
  updateAnnotation: (input) => {
    const current = annotation(input.id);
    const tagIds = input.tagIds !== undefined || input.tagNames !== undefined ? tagIdsOf(input) : current.tagIds;
    const next: Annotation = { ...current, tagIds, note: (input.note as string | undefined) ?? current.note, modifiedAt: new Date().toISOString() };
    data.annotations = data.annotations.map((a) => (a.id === next.id ? next : a));
    return next;
  },
  deleteAnnotation: (input) => {
    const current = annotation(input.id);
    data.annotations = data.annotations.filter((a) => a.id !== current.id);
    return current;
  },
  createTag: (input) => tagNamed(input.name as string, (input.parentId as number | null | undefined) ?? null),
  updateTag: (input) => {
    const current = data.tags.find((t) => t.id === input.id) ?? fail('not_found', 'No such tag.');
    const next: Tag = { ...current, ...(input as Partial<Tag>), id: current.id };
    const parent = data.tags.find((t) => t.id === next.parentId);
    next.path = [...(parent?.path ?? []), next.name];
    data.tags = data.tags.map((t) => (t.id === next.id ? next : t));
    return next;
  },
  openExternal: () => null,
};

/// Every call answers after a short wait, as the real library does: long enough for the page to
/// draw its busy state in between, which is when focus is easiest to lose.
installLibrary(handlers, {
  delay: () => window.qalamDelay ?? 30,
  failing: (name) => window.qalamFailing?.includes(name) ?? false,
});

/// Put a fake library in the page as the renderer's api module finds one (`window.qalam`): each
/// call is recorded in `window.qalamCalls` (as `record` gives it), answered after `delay`
/// milliseconds by its handler, and a handler's throw comes back as the contract's error. Other
/// stand-ins (component-import-jobs.ts) install theirs the same way, in place of this one.
export function installLibrary(
  answers: Record<string, Handler>,
  options: { delay?: () => number; failing?: (name: string) => boolean; record?: (name: string, args: Record<string, unknown>) => unknown } = {},
): void {
  const calls: RecordedCall[] = (window.qalamCalls ??= []);
  // Typed here rather than declared on Window: the renderer's api module declares it for the app.
  (window as unknown as { qalam: object }).qalam = new Proxy({}, {
    get: (_target, name) => async (input: unknown) => {
      const args = (input ?? {}) as Record<string, unknown>;
      calls.push({ name: String(name), input: (options.record?.(String(name), args) ?? args) as Record<string, unknown> });
      await new Promise((resolve) => setTimeout(resolve, options.delay?.() ?? 30));
      if (options.failing?.(String(name))) {
        return { ok: false, error: { code: 'offline', message: 'The Qalam server is not answering. Is `qalam serve` still running?' } };
      }
      const handler = answers[String(name)];
      if (!handler) return { ok: false, error: { code: 'internal', message: `The test library does not answer ${String(name)}.` } };
      try {
        return { ok: true, value: structuredClone(handler(args)) };
      } catch (e) {
        const error = e as Error & { code?: string };
        return { ok: false, error: { code: error.code ?? 'internal', message: error.message } };
      }
    },
  });
}
