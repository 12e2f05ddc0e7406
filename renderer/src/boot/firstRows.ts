// The library's first screen, drawn before React and the views have downloaded and started
// (which is most of the wait on a slow or busy machine): the frame, and the first rows once the
// first page is there. It is the app's own markup and classes for the shell, the library's head
// and filters and the first rows, with every control disabled until the app takes over: React's
// first render replaces it wholesale, drawing the same rows in the same places from the same
// answer (see ArticleList's prefetched first page), so nothing moves.
//
// It is written as HTML text, not built as DOM, because it is drawn in two places from this one
// source: by the entry module in the page (firstScreen.ts), and by browser mode's server into the
// page it serves (servedFirstScreen.ts), so a fresh page paints the rows from its HTML alone.
// Every piece of text and every attribute goes through `escapeHtml`.
//
// Only what the app would show is drawn: a library with rows (an empty one gets the app's
// welcome screen instead), and only until the app has started.
import type { ArticleSummary } from '../../../shared/model.js';
import { NAV, SEARCH_PLACEHOLDER } from '../app/nav.js';
import type { LibraryQuery } from '../app/route.js';
import { countOf, formatDate, languageName } from '../features/library/format.js';
import { ROW_HEIGHT, SORTS } from '../features/library/listQuery.js';

/// The first page of the library, as `listArticles` answers it.
export interface FirstPage {
  items: ArticleSummary[];
  total: number;
}

/// Text or an attribute value made safe to put anywhere in HTML (titles are anyone's text).
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Attrs = Record<string, string | number | boolean | undefined>;

/// Elements that have no end tag.
const VOID = new Set(['input']);

/// An element's markup: attributes (false and undefined leave one out) and children, which are
/// markup already (`text()` for text).
function h(tag: string, attrs: Attrs = {}, ...children: (string | null)[]): string {
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    open += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return VOID.has(tag) ? `${open}>` : `${open}>${children.filter((c) => c !== null).join('')}</${tag}>`;
}

const text = escapeHtml;

/// One row, as ArticleList's ArticleRow draws it.
function row(article: ArticleSummary, index: number, count: number): string {
  const meta = h(
    'span',
    { class: 'article-row__meta' },
    h('span', {}, text(formatDate(article.date))),
    h('span', {}, text(languageName(article.lang))),
    article.source ? h('span', { class: 'article-row__source' }, text(article.source)) : null,
    article.annotationCount > 0 ? h('span', {}, text(countOf(article.annotationCount, 'passage'))) : null,
  );
  const link = h(
    'a',
    { class: 'article-row__link', href: `#/article/${article.id}`, lang: article.lang },
    h('span', { class: 'article-row__title', dir: 'auto', elementtiming: 'library-row' }, text(article.title || 'Untitled')),
    meta,
  );
  return h(
    'div',
    {
      role: 'listitem',
      'aria-setsize': count,
      'aria-posinset': index + 1,
      'data-index': index,
      class: 'article-row',
      style: `transform: translateY(${index * ROW_HEIGHT}px); height: ${ROW_HEIGHT}px`,
    },
    link,
  );
}

function select(label: string, option: string): string {
  return h('label', {}, text(label), h('select', { disabled: true }, h('option', {}, text(option))));
}

/// A date field's stand-in, in the same box as the app's `<input type="date">` (library.css gives
/// both one size): on a cold page a date field builds its editing fields from the locale's date
/// pattern and loads its calendar icon as an SVG document, which took about a quarter of the
/// first screen's main-thread time (bench/first-screen-bisect.ts), before a row could be painted.
function dateInput(label: string, value: string | undefined): string {
  return h('label', {}, text(label), h('input', { type: 'text', class: 'filters__date', value, disabled: true }));
}

/// The library's first screen for `query`: the shell, the library's head and filters, and the
/// first `rows` rows of `page` (no rows, and "Counting…", while the page is still on its way).
/// Null when the page has no rows: the app shows its welcome screen or "no matches" instead.
export function libraryFirstScreen(query: LibraryQuery, page: FirstPage | null, rows: number): string | null {
  if (page && (page.total === 0 || page.items.length === 0)) return null;
  const filtered = Boolean(query.lang || query.source || query.dateFrom || query.dateTo || query.tagId);
  const sort = SORTS.find((s) => s.value === `${query.sort}:${query.order}`) ?? SORTS[0]!;
  // The app says "Counting…" too until the first page has arrived.
  const count = !page ? 'Counting…' : filtered ? `${countOf(page.total, 'article')} match the filters` : countOf(page.total, 'article');
  const shown = page ? page.items.slice(0, Math.max(0, rows)) : [];
  const list = h(
    'div',
    {
      role: 'list',
      'aria-label': 'Articles',
      'aria-busy': page ? undefined : 'true',
      class: 'article-list__inner',
      style: `height: ${page ? page.total * ROW_HEIGHT : 0}px`,
    },
    ...shown.map((a, i) => row(a, i, page!.total)),
  );

  return h(
    'div',
    { class: 'shell', 'data-first-screen': true },
    h(
      'header',
      { class: 'topbar' },
      h('a', { class: 'brand', href: '#/library' }, 'Qalam'),
      h(
        'form',
        { class: 'topbar__search', role: 'search', 'aria-label': 'Articles' },
        h('input', { type: 'search', 'aria-label': 'Search', placeholder: SEARCH_PLACEHOLDER, disabled: true }),
      ),
      h(
        'div',
        { class: 'topbar__actions' },
        h('button', { type: 'button', disabled: true }, 'Undo'),
        h('button', { type: 'button', disabled: true }, 'Redo'),
        h('button', { type: 'button', class: 'primary', disabled: true }, 'Import…'),
      ),
    ),
    h(
      'nav',
      { class: 'sidenav', 'aria-label': 'Main' },
      h('ul', {}, ...NAV.map((item) => h('li', {}, h('a', { href: item.hash, 'aria-current': item.view === 'library' ? 'page' : undefined }, text(item.label))))),
    ),
    h(
      'main',
      { id: 'main', class: 'main', tabindex: -1 },
      h(
        'section',
        { class: 'library', 'aria-labelledby': 'library-title' },
        h('div', { class: 'view-head' }, h('h1', { id: 'library-title' }, 'Library'), h('p', { class: 'view-head__count' }, text(count))),
        h(
          'div',
          { class: 'library__body' },
          h(
            'form',
            { class: 'filters', 'aria-label': 'Filter the library' },
            select('Sort', sort.label),
            select('Language', 'All languages'),
            select('Source', 'All sources'),
            dateInput('From', query.dateFrom),
            dateInput('To', query.dateTo),
            select('Tag', 'Any or none'),
            filtered ? h('button', { type: 'button', class: 'link-button', disabled: true }, 'Clear filters') : null,
          ),
          h('div', { class: 'article-list' }, list),
        ),
      ),
    ),
  );
}

/// The library's first screen as the entry module draws it into the page.
export interface FirstScreen {
  /// Put in the count and the rows that fill the window; false when there are none to show
  /// (an empty library gets the app's welcome screen instead).
  showRows(page: FirstPage): boolean;
}

/// Draw the shell and the library's head, filters and (still empty) list into `root` at once, so
/// most of the first frame is on screen before the server has answered.
export function drawLibraryFrame(root: HTMLElement, query: LibraryQuery): FirstScreen {
  root.innerHTML = libraryFirstScreen(query, null, 0)!;
  return {
    showRows(page) {
      // As many rows as fill the window; the app draws the rest as it scrolls.
      const screen = libraryFirstScreen(query, page, Math.ceil(window.innerHeight / ROW_HEIGHT) + 1);
      if (screen === null) return false;
      root.innerHTML = screen;
      return true;
    },
  };
}
