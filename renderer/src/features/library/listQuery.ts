// What the library list asks the server for, built in one place: the entry module starts the
// first page's call before the app has loaded (boot/firstScreen.ts), and the list then finds
// that call by its exact input, so both must build the input the same way.
import type { CallInput } from '../../../../shared/contract/index.js';
import type { LibraryQuery } from '../../app/route.js';

/// Sort and filters of a list of articles (paging is the list's business).
export type ArticleQuery = Omit<CallInput<'listArticles'>, 'offset' | 'limit'>;

/// Rows per call: a screenful many times over, still a small answer.
export const PAGE_SIZE = 200;

/// Height of a row of the list in pixels (all rows have this one height: see windowing.ts).
export const ROW_HEIGHT = 60;

/// The library route's sort and filters as the list's query.
export function libraryListQuery(route: LibraryQuery): ArticleQuery {
  return { sort: route.sort, order: route.order, lang: route.lang, source: route.source, dateFrom: route.dateFrom, dateTo: route.dateTo, tagId: route.tagId };
}

/// The call for rows offset..offset+limit of a query.
export function pageInput(query: ArticleQuery, offset: number, limit = PAGE_SIZE): CallInput<'listArticles'> {
  return { ...query, offset, limit };
}

/// The library's orders, as the Sort menu offers them (`sort:order`).
export const SORTS: readonly { value: `${LibraryQuery['sort']}:${LibraryQuery['order']}`; label: string }[] = [
  { value: 'date:desc', label: 'Newest first' },
  { value: 'date:asc', label: 'Oldest first' },
  { value: 'title:asc', label: 'Title A–Z' },
  { value: 'title:desc', label: 'Title Z–A' },
];
