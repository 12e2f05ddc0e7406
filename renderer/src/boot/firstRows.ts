// The library's first screen, drawn with plain DOM by the entry module while React and the
// views are still downloading and starting (which is most of the wait on a slow or busy
// machine): the frame at once, the first rows as soon as the server's first page arrives. It is the app's own markup and classes for the shell,
// the library's head and filters and the first rows, with every control disabled until the app
// takes over: React's first render replaces it wholesale, drawing the same rows in the same
// places from the same answer (see ArticleList's prefetched first page), so nothing moves.
//
// Only what the app would show is drawn: a library with rows (an empty one gets the app's
// welcome screen instead), and only until the app has started.
import type { ArticleSummary } from '../../../shared/model.js';
import { NAV, SEARCH_PLACEHOLDER } from '../app/nav.js';
import type { LibraryQuery } from '../app/route.js';
import { countOf, formatDate, languageName } from '../features/library/format.js';
import { ROW_HEIGHT, SORTS } from '../features/library/listQuery.js';

type Attrs = Record<string, string | number | boolean | undefined>;

/// An element with attributes (false and undefined leave one out) and children.
function h(tag: string, attrs: Attrs = {}, ...children: (Node | string | null)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null) el.append(child);
  return el;
}

/// One row, as ArticleList's ArticleRow draws it.
function row(article: ArticleSummary, index: number, count: number): HTMLElement {
  const meta = h(
    'span',
    { class: 'article-row__meta' },
    h('span', {}, formatDate(article.date)),
    h('span', {}, languageName(article.lang)),
    article.source ? h('span', { class: 'article-row__source' }, article.source) : null,
    article.annotationCount > 0 ? h('span', {}, countOf(article.annotationCount, 'passage')) : null,
  );
  const link = h(
    'a',
    { class: 'article-row__link', href: `#/article/${article.id}`, lang: article.lang },
    h('span', { class: 'article-row__title', elementtiming: 'library-row' }, article.title || 'Untitled'),
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

function select(label: string, option: string): HTMLElement {
  return h('label', {}, label, h('select', { disabled: true }, h('option', {}, option)));
}

/// A date field's stand-in, in the same box as the app's `<input type="date">` (library.css gives
/// both one size): on a cold page a date field builds its editing fields from the locale's date
/// pattern and loads its calendar icon as an SVG document, which took about a quarter of the
/// first screen's main-thread time (bench/first-screen-bisect.ts), before a row could be painted.
function dateInput(label: string, value: string | undefined): HTMLElement {
  return h('label', {}, label, h('input', { type: 'text', class: 'filters__date', value, disabled: true }));
}

/// The library's first screen as drawn before the app: its rows go in when they arrive.
export interface FirstScreen {
  /// Put in the count and the rows that fill the window; false when there are none to show
  /// (an empty library gets the app's welcome screen instead).
  showRows(page: { items: ArticleSummary[]; total: number }): boolean;
}

/// Draw the shell and the library's head, filters and (still empty) list into `root` at once, so
/// most of the first frame is on screen before the server has answered.
export function drawLibraryFrame(root: HTMLElement, query: LibraryQuery): FirstScreen {
  const filtered = Boolean(query.lang || query.source || query.dateFrom || query.dateTo || query.tagId);
  const sort = SORTS.find((s) => s.value === `${query.sort}:${query.order}`) ?? SORTS[0]!;
  // The app says the same until the first page has arrived.
  const count = h('p', { class: 'view-head__count' }, 'Counting…');
  const list = h('div', { role: 'list', 'aria-label': 'Articles', 'aria-busy': 'true', class: 'article-list__inner', style: 'height: 0px' });

  const shell = h(
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
      h('ul', {}, ...NAV.map((item) => h('li', {}, h('a', { href: item.hash, 'aria-current': item.view === 'library' ? 'page' : undefined }, item.label)))),
    ),
    h(
      'main',
      { id: 'main', class: 'main', tabindex: -1 },
      h(
        'section',
        { class: 'library', 'aria-labelledby': 'library-title' },
        h('div', { class: 'view-head' }, h('h1', { id: 'library-title' }, 'Library'), count),
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
  root.replaceChildren(shell);

  return {
    showRows(page) {
      if (page.total === 0 || page.items.length === 0) return false;
      count.textContent = filtered ? `${countOf(page.total, 'article')} match the filters` : countOf(page.total, 'article');
      // As many rows as fill the window; the app draws the rest as it scrolls.
      const shown = Math.min(page.items.length, Math.ceil(window.innerHeight / ROW_HEIGHT) + 1);
      list.style.height = `${page.total * ROW_HEIGHT}px`;
      list.removeAttribute('aria-busy');
      list.replaceChildren(...page.items.slice(0, shown).map((a, i) => row(a, i, page.total)));
      return true;
    },
  };
}
