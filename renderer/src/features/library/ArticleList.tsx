// A virtualised list of articles: however many match, only the rows on screen (plus a few)
// are in the DOM, and rows are fetched a page at a time as the list scrolls. Rows have one
// fixed height, so the rows to draw follow from the scroll position alone (see windowing.ts);
// a general virtualiser would first lay out all 100,000 rows' sizes, which costs more than the
// whole first screen may take.
import { canFocus, focusWhenDrawn, useFocusRescue } from '../../app/focusRescue.js';
import { focusLinkBack, returnPlaces } from '../../app/returnPlace.js';
import { useScrollViewport } from '../../app/useScrollViewport.js';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../../shared/model.js';
import { api } from '../../api.js';
import { prefetchKey, takePrefetched } from '../../boot/prefetch.js';
import { describeError } from '../../state/describeError.js';
import { useCodebook } from '../../state/codebook.js';
import { useLibraryVersion } from '../../state/libraryVersion.js';
import { countOf, formatDate, languageName } from './format.js';
import { PAGE_SIZE, pageInput, ROW_HEIGHT, type ArticleQuery } from './listQuery.js';
import { PageCache, type Page } from './pageCache.js';
import { scrollToRow, visibleRange } from './windowing.js';

export type { ArticleQuery } from './listQuery.js';

const OVERSCAN = 8;
let firstRowsMarked = false;

/// A control in a row, by its row and its place among the row's controls (0 is the link; the
/// row's actions follow), so that the same control of another row can be found.
interface RowControl {
  index: number;
  control: number;
}

const ROW_CONTROLS = 'a[href], button';

/// The control of a drawn row that stands where `at` stood in its row, or the row's link.
function controlOf(list: HTMLElement, at: RowControl): HTMLElement | null {
  const controls = list.querySelectorAll<HTMLElement>(`[data-index="${at.index}"] :is(${ROW_CONTROLS})`);
  return controls[at.control] ?? controls[0] ?? null;
}

/// Which row control has the focus, if one in `list` does.
function focusedControl(list: HTMLElement): RowControl | null {
  const active = document.activeElement;
  const row = active instanceof HTMLElement && list.contains(active) ? active.closest<HTMLElement>('[data-index]') : null;
  if (!row || !active) return null;
  const control = Array.from(row.querySelectorAll(ROW_CONTROLS)).indexOf(active);
  return { index: Number(row.dataset.index), control: Math.max(0, control) };
}

/// Pages of a query, from the server.
function loaderFor(query: ArticleQuery) {
  return (offset: number, limit: number) => api.listArticles(pageInput(query, offset, limit)) as Promise<Page<ArticleSummary>>;
}

/// A cache for a query that starts with the first page if the entry module already asked for it
/// (see boot/firstScreen.ts): drawn at once when it has arrived, waited for when it is on its way.
function cacheFor(query: ArticleQuery): PageCache<ArticleSummary> {
  const cache = new PageCache<ArticleSummary>(loaderFor(query), PAGE_SIZE, 40);
  const early = takePrefetched<Page<ArticleSummary>>(prefetchKey('listArticles', pageInput(query, 0)));
  if (early?.done) cache.seed(0, early.value!);
  else if (early) void cache.adopt(0, early.promise);
  return cache;
}

interface ArticleListProps {
  query: ArticleQuery;
  /// Accessible name of the list.
  label: string;
  onTotal?: (total: number | null) => void;
  /// Extra controls at the end of a row (Remove from collection…).
  rowActions?: (article: ArticleSummary) => ReactNode;
  /// Set `performance.mark('qalam:library-first-rows')` when the first rows are drawn (the library only).
  markFirstRows?: boolean;
}

/// A windowed list of the articles a query matches.
export function ArticleList({ query, label, onTotal, rowActions, markFirstRows = false }: ArticleListProps) {
  const version = useLibraryVersion();
  const key = JSON.stringify(query);
  const [cache] = useState(() => cacheFor(query));
  const [, setTick] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Coming back to this history entry, the list goes back to where it was left, and the link of
  // an article opened from it has the focus (see app/returnPlace.ts); a list opened afresh has no
  // place and starts at the top.
  const listId = `articles:${key}`;
  const [placeLeft] = useState(() => returnPlaces.recall(listId));
  const returning = useRef(placeLeft);
  const refocus = useRef<string | null>(null);
  // The row a key moved to while its page was still loading: its link takes the focus when it
  // arrives, and meanwhile the list itself holds the focus and the keys go on from that row.
  const pendingFocus = useRef<RowControl | null>(null);
  // Where a row control had the focus when the library changed under the list (an article removed
  // from the collection shown, an import): the list is read again from the server, and the same
  // control of the row now in that place takes the focus (the next article's, or the one before
  // when the last went), at the same scroll position.
  const keptPlace = useRef<{ top: number; at: RowControl } | null>(null);

  useEffect(() => cache.subscribe(() => setTick((t) => t + 1)), [cache]);

  // Tags or annotations changed (an edit, undo, redo): the rows' passage counts, and which rows a
  // tag filter holds, are read again where the list is, without moving it.
  const { revision } = useCodebook();
  const seenRevision = useRef(revision);
  useEffect(() => {
    if (seenRevision.current === revision) return;
    seenRevision.current = revision;
    cache.refresh();
  }, [revision, cache]);

  // A new sort, filter or library content starts a fresh cache at the top, unless the library
  // changed while a row had the focus: then the list stays where it is and holds the focus itself
  // until the rows are back, since they all go while the list is read again.
  const firstRun = useRef(true);
  const lastKey = useRef(key);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    const el = scrollRef.current;
    const at = el && lastKey.current === key ? focusedControl(el) : null;
    lastKey.current = key;
    keptPlace.current = el && at ? { top: el.scrollTop, at } : null;
    if (el && at) el.focus({ preventScroll: true });
    cache.reset(loaderFor(JSON.parse(key) as ArticleQuery));
    returning.current = undefined;
    refocus.current = null;
    pendingFocus.current = null;
    if (!at) el?.scrollTo({ top: 0 });
  }, [key, version, cache]);

  const total = cache.total;
  useEffect(() => onTotal?.(total), [total, onTotal]);

  // The viewport: scroll position and height, updated at most once a frame.
  // The scrolling element is drawn only once a first page has come (a failed first page shows a
  // message in its place): watch it again when it appears.
  const listDrawn = !(cache.error && total === null);
  const [view, syncView] = useScrollViewport(scrollRef, 800, [listDrawn]);

  // The list has no height until its length is known, so a place is restored only then. A place
  // kept through a change of the library: the row now at the focused one's index, or the last row
  // when the list got shorter, is brought into view; its control takes the focus once it arrives.
  useLayoutEffect(() => {
    const kept = keptPlace.current;
    const el = scrollRef.current;
    if (!kept || total === null || !el) return;
    keptPlace.current = null;
    if (total === 0 || document.activeElement !== el) return;
    const index = Math.min(kept.at.index, total - 1);
    el.scrollTop = scrollToRow(index, kept.top, el.clientHeight, ROW_HEIGHT);
    pendingFocus.current = { index, control: kept.at.control };
    syncView();
  }, [total, syncView]);

  // A place to go back to (see app/returnPlace.ts).
  useLayoutEffect(() => {
    const place = returning.current;
    const el = scrollRef.current;
    if (!place || total === null || !el) return;
    returning.current = undefined;
    el.scrollTop = place.top;
    refocus.current = place.link;
    syncView();
  }, [total, syncView]);

  const count = total ?? 0;
  const { first, last } = visibleRange(view.top, view.height, ROW_HEIGHT, count, OVERSCAN);
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);

  useEffect(() => {
    // Before the total is known, ask for the first page; afterwards, the pages around the window.
    if (total === null) void cache.ensure(0, 30);
    else if (last >= first) void cache.ensure(Math.max(0, first - 20), last + 20);
  }, [cache, first, last, total, key, version]);

  const firstLoaded = indexes.length > 0 && cache.get(indexes[0]) !== undefined;
  useEffect(() => {
    if (markFirstRows && firstLoaded && !firstRowsMarked) {
      firstRowsMarked = true;
      performance.mark('qalam:library-first-rows');
    }
  }, [firstLoaded, markFirstRows]);

  // The link that was followed gets the focus back once the rows around it are drawn and have
  // arrived; when it is not among them (the article is gone, the list has changed), focus stays
  // where the change of view put it.
  const windowLoaded = indexes.length > 0 && indexes.every((i) => cache.get(i) !== undefined);
  useEffect(() => {
    const link = refocus.current;
    const el = scrollRef.current;
    // Rows drawn for an earlier scroll position do not count.
    if (link === null || !el || view.top !== el.scrollTop || !(windowLoaded || cache.error || count === 0)) return;
    refocus.current = null;
    focusLinkBack(el, link);
  });

  /// Note where the list is when one of its articles is opened, for the way back.
  const onClick = (e: React.MouseEvent) => {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a.article-row__link');
    const el = scrollRef.current;
    if (link && el) returnPlaces.remember({ list: listId, top: el.scrollTop, link: link.getAttribute('href')! });
  };

  const moveFocus = (from: number, to: number) => {
    const el = scrollRef.current;
    const target = Math.max(0, Math.min(count - 1, to));
    if (target === from || !el) return;
    el.scrollTop = scrollToRow(target, el.scrollTop, el.clientHeight, ROW_HEIGHT);
    syncView();
    const link = el.querySelector<HTMLElement>(`[data-index="${target}"] a`);
    if (link) {
      pendingFocus.current = null;
      link.focus();
      return;
    }
    // The target row is not drawn or not loaded yet, and the row that has the focus may be
    // scrolled out of the DOM, which would drop the focus to the page.
    pendingFocus.current = { index: target, control: 0 };
    el.focus({ preventScroll: true });
  };

  // Hand the focus to the row it is waiting for once that row's controls are there, unless the
  // focus has gone elsewhere in the meantime.
  useEffect(() => {
    const target = pendingFocus.current;
    const el = scrollRef.current;
    if (target === null || !el) return;
    const control = controlOf(el, target);
    if (!control) return;
    pendingFocus.current = null;
    if (document.activeElement === el) control.focus();
  });

  // A control in the list or in its messages that goes away with the focus ("Try again" once the
  // rows have loaded, the list itself when its first page fails, a row scrolled out of the DOM)
  // gives the focus to the first row in view, or the list until that row is drawn, or the message.
  const regionRef = useRef<HTMLDivElement>(null);
  const firstInView = () => {
    const el = scrollRef.current;
    return el ? controlOf(el, { index: Math.ceil(el.scrollTop / ROW_HEIGHT), control: 0 }) : null;
  };
  useFocusRescue(
    regionRef,
    () => [firstInView(), scrollRef.current, regionRef.current?.querySelector<HTMLElement>('.list-error button')].find(canFocus),
    {
      onRescued: (el) => {
        if (el === scrollRef.current) focusWhenDrawn(firstInView);
      },
    },
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const waiting = e.target === scrollRef.current ? (pendingFocus.current?.index ?? null) : null;
    if (!row && waiting === null) return;
    const at = row ? Number(row.dataset.index) : waiting!;
    const perPage = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + perPage, PageUp: at - perPage, Home: 0, End: count - 1 };
    if (e.key in moves) {
      e.preventDefault();
      moveFocus(at, moves[e.key]);
    }
  };

  // The list and its messages in one element that stays, for the focus to be looked after in
  // them; it takes no part in the layout.
  if (cache.error && total === null) {
    return (
      <div ref={regionRef} style={{ display: 'contents' }}>
        <div className="list-error">
          <p className="error-text">{describeError(cache.error, 'load the articles')}</p>
          <button type="button" onClick={() => void cache.ensure(0, 30)}>
            Try again
          </button>
        </div>
      </div>
    );
  }

  // Rows in view whose page failed to load stay blank: say why and offer to ask again.
  const failed = cache.error !== null && cache.failedIn(first, last);

  return (
    <div ref={regionRef} style={{ display: 'contents' }}>
      {failed && (
        <div className="list-error" role="alert">
          <p className="error-text">{describeError(cache.error, 'load the articles')}</p>
          <button type="button" onClick={() => void cache.ensure(Math.max(0, first - 20), last + 20)}>
            Try again
          </button>
        </div>
      )}
      <div ref={scrollRef} tabIndex={-1} className="article-list" onKeyDown={onKeyDown} onClick={onClick} onScroll={(e) => returnPlaces.scrolled(listId, e.currentTarget.scrollTop)}>
        <div role="list" aria-label={label} aria-busy={total === null} className="article-list__inner" style={{ height: count * ROW_HEIGHT }}>
          {indexes.map((index) => {
            const a = cache.get(index);
            return (
              <div
                key={index}
                role="listitem"
                aria-setsize={count}
                aria-posinset={index + 1}
                data-index={index}
                className="article-row"
                style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}
              >
                {a ? <ArticleRow article={a} actions={rowActions?.(a)} timed={markFirstRows && index < TIMED_ROWS} /> : <div className="article-row__placeholder" aria-hidden="true" />}
              </div>
            );
          })}
        </div>
        {total === null && <p className="muted article-list__loading">Loading…</p>}
      </div>
    </div>
  );
}

// Element Timing: the browser records when a timed row's title is first painted, which is when
// the benchmark counts the library's first rows as on screen. Only the first screenful is timed.
const TIMED = { elementtiming: 'library-row' };
const TIMED_ROWS = 40;

function ArticleRow({ article, actions, timed }: { article: ArticleSummary; actions?: ReactNode; timed: boolean }) {
  return (
    <>
      <a className="article-row__link" href={`#/article/${article.id}`} lang={article.lang}>
        <span className="article-row__title" dir="auto" {...(timed ? TIMED : undefined)}>
          {article.title || 'Untitled'}
        </span>
        <span className="article-row__meta">
          <span>{formatDate(article.date)}</span>
          <span>{languageName(article.lang)}</span>
          {article.source && <span className="article-row__source">{article.source}</span>}
          {article.annotationCount > 0 && <span>{countOf(article.annotationCount, 'passage')}</span>}
        </span>
      </a>
      {actions && <div className="article-row__actions">{actions}</div>}
    </>
  );
}
