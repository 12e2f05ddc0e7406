// A virtualised list of articles: however many match, only the rows on screen (plus a few)
// are in the DOM, and rows are fetched a page at a time as the list scrolls. Rows have one
// fixed height, so the rows to draw follow from the scroll position alone (see windowing.ts);
// a general virtualiser would first lay out all 100,000 rows' sizes, which costs more than the
// whole first screen may take.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../../shared/model.js';
import type { CallInput } from '../../../../shared/contract/index.js';
import { api } from '../../api.js';
import { describeError } from '../../state/describeError.js';
import { useLibraryVersion } from '../../state/libraryVersion.js';
import { formatDate, languageName } from './format.js';
import { PageCache } from './pageCache.js';
import { scrollToRow, visibleRange } from './windowing.js';

/// Sort and filters of a list of articles (paging is the list's business).
export type ArticleQuery = Omit<CallInput<'listArticles'>, 'offset' | 'limit'>;

const ROW_HEIGHT = 60;
const OVERSCAN = 8;
const PAGE_SIZE = 200;
let firstRowsMarked = false;

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
  const loaderFor = useMemo(
    () => (q: ArticleQuery) => (offset: number, limit: number) => api.listArticles({ ...q, offset, limit }) as Promise<{ items: ArticleSummary[]; total: number }>,
    [],
  );
  const [cache] = useState(() => new PageCache<ArticleSummary>(loaderFor(query), PAGE_SIZE, 40));
  const [, setTick] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => cache.subscribe(() => setTick((t) => t + 1)), [cache]);

  // A new sort, filter or library content starts a fresh cache at the top.
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    cache.reset(loaderFor(JSON.parse(key) as ArticleQuery));
    scrollRef.current?.scrollTo({ top: 0 });
  }, [key, version, cache, loaderFor]);

  const total = cache.total;
  useEffect(() => onTotal?.(total), [total, onTotal]);

  // The viewport: scroll position and height, updated at most once a frame.
  const [view, setView] = useState({ top: 0, height: 800 });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

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

  const moveFocus = (from: number, to: number) => {
    const el = scrollRef.current;
    const target = Math.max(0, Math.min(count - 1, to));
    if (target === from || !el) return;
    el.scrollTop = scrollToRow(target, el.scrollTop, el.clientHeight, ROW_HEIGHT);
    setView({ top: el.scrollTop, height: el.clientHeight });
    requestAnimationFrame(() => el.querySelector<HTMLElement>(`[data-index="${target}"] a`)?.focus());
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const at = Number(row.dataset.index);
    const perPage = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + perPage, PageUp: at - perPage, Home: 0, End: count - 1 };
    if (e.key in moves) {
      e.preventDefault();
      moveFocus(at, moves[e.key]);
    }
  };

  if (cache.error && total === null) {
    return (
      <div className="list-error">
        <p className="error-text">{describeError(cache.error, 'load the articles')}</p>
        <button type="button" onClick={() => void cache.ensure(0, 30)}>
          Try again
        </button>
      </div>
    );
  }

  return (
    <div ref={scrollRef} className="article-list" onKeyDown={onKeyDown}>
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
              {a ? <ArticleRow article={a} actions={rowActions?.(a)} /> : <div className="article-row__placeholder" aria-hidden="true" />}
            </div>
          );
        })}
      </div>
      {total === null && <p className="muted article-list__loading">Loading…</p>}
    </div>
  );
}

function ArticleRow({ article, actions }: { article: ArticleSummary; actions?: ReactNode }) {
  return (
    <>
      <a className="article-row__link" href={`#/article/${article.id}`} lang={article.lang}>
        <span className="article-row__title">{article.title || 'Untitled'}</span>
        <span className="article-row__meta">
          <span>{formatDate(article.date)}</span>
          <span>{languageName(article.lang)}</span>
          {article.source && <span className="article-row__source">{article.source}</span>}
          {article.annotationCount > 0 && (
            <span>
              {article.annotationCount} passage{article.annotationCount === 1 ? '' : 's'}
            </span>
          )}
        </span>
      </a>
      {actions && <div className="article-row__actions">{actions}</div>}
    </>
  );
}
