// The app's place lives in the URL hash, so a reload (or a bookmark in browser mode) comes back
// to the same view: `#/article/12?a=34`, `#/search?q=…`. Parsing never throws: an unknown or
// damaged hash falls back to the library.

/// Library sorting and filters, mirrored in the hash so a reload keeps them.
export interface LibraryQuery {
  sort: 'date' | 'title';
  order: 'asc' | 'desc';
  lang?: string;
  source?: string;
  dateFrom?: string;
  dateTo?: string;
  tagId?: number;
}

/// Where the app is: one view and what it shows.
export type Route =
  | ({ view: 'library' } & LibraryQuery)
  | { view: 'search'; q: string; script: 'any' | 'exact'; page: number }
  | { view: 'tags'; tagId?: number }
  | { view: 'passages'; tagIds: number[]; match: 'any' | 'all'; lang?: string; dateFrom?: string; dateTo?: string }
  | { view: 'collections'; collectionId?: number }
  | { view: 'article'; id: number; annotationId?: number; terms: string[] };

/// The name of a view, as the navigation knows it.
export type View = Route['view'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | null | undefined): number | undefined {
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

function date(value: string | null): string | undefined {
  return value && ISO_DATE.test(value) ? value : undefined;
}

function text(value: string | null): string | undefined {
  return value ? value : undefined;
}

/// The library as it opens with nothing chosen: newest first.
export const defaultLibrary: Route = { view: 'library', sort: 'date', order: 'desc' };

/// Read a location hash (with or without the leading `#`) into a route.
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const qAt = raw.indexOf('?');
  const path = (qAt < 0 ? raw : raw.slice(0, qAt)).replace(/^\/+|\/+$/g, '');
  const params = new URLSearchParams(qAt < 0 ? '' : raw.slice(qAt + 1));
  const [head, second] = path.split('/');
  switch (head) {
    case 'search':
      return {
        view: 'search',
        q: params.get('q') ?? '',
        script: params.get('script') === 'exact' ? 'exact' : 'any',
        page: Math.max(0, (positiveInt(params.get('page')) ?? 1) - 1),
      };
    case 'tags':
      return { view: 'tags', tagId: positiveInt(second) };
    case 'passages':
      return {
        view: 'passages',
        tagIds: (params.get('tags') ?? '')
          .split(',')
          .map((s) => positiveInt(s))
          .filter((n): n is number => n !== undefined),
        match: params.get('match') === 'all' ? 'all' : 'any',
        lang: text(params.get('lang')),
        dateFrom: date(params.get('from')),
        dateTo: date(params.get('to')),
      };
    case 'collections':
      return { view: 'collections', collectionId: positiveInt(second) };
    case 'article': {
      const id = positiveInt(second);
      if (id === undefined) return defaultLibrary;
      return { view: 'article', id, annotationId: positiveInt(params.get('a')), terms: params.getAll('hl').filter(Boolean) };
    }
    case 'library': {
      const sort = params.get('sort') === 'title' ? 'title' : 'date';
      const order = params.get('order') === 'asc' ? 'asc' : params.get('order') === 'desc' ? 'desc' : sort === 'title' ? 'asc' : 'desc';
      return {
        view: 'library',
        sort,
        order,
        lang: text(params.get('lang')),
        source: text(params.get('source')),
        dateFrom: date(params.get('from')),
        dateTo: date(params.get('to')),
        tagId: positiveInt(params.get('tag')),
      };
    }
    default:
      return defaultLibrary;
  }
}

function withParams(path: string, entries: [string, string | number | undefined][]): string {
  const params = new URLSearchParams();
  for (const [k, v] of entries) if (v !== undefined && v !== '') params.append(k, String(v));
  const qs = params.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

/// Write a route as a hash; `parseHash(formatRoute(r))` gives `r` back.
export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'library':
      return withParams('library', [
        ['sort', route.sort === 'date' ? undefined : route.sort],
        ['order', route.order === (route.sort === 'title' ? 'asc' : 'desc') ? undefined : route.order],
        ['lang', route.lang],
        ['source', route.source],
        ['from', route.dateFrom],
        ['to', route.dateTo],
        ['tag', route.tagId],
      ]);
    case 'search':
      return withParams('search', [
        ['q', route.q],
        ['script', route.script === 'exact' ? 'exact' : undefined],
        ['page', route.page > 0 ? route.page + 1 : undefined],
      ]);
    case 'tags':
      return route.tagId ? `#/tags/${route.tagId}` : '#/tags';
    case 'passages':
      return withParams('passages', [
        ['tags', route.tagIds.length ? route.tagIds.join(',') : undefined],
        ['match', route.match === 'all' ? 'all' : undefined],
        ['lang', route.lang],
        ['from', route.dateFrom],
        ['to', route.dateTo],
      ]);
    case 'collections':
      return route.collectionId ? `#/collections/${route.collectionId}` : '#/collections';
    case 'article':
      return withParams(`article/${route.id}`, [['a', route.annotationId], ...route.terms.map((t): [string, string] => ['hl', t])]);
  }
}
