// Search results as you type: the query in the header's box is in the route; this view asks the
// server once typing pauses, keeps only the newest answer, and shows hits with their snippets.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SearchResult } from '../../../../shared/model.js';
import { api } from '../../api.js';
import { debounce, latestOnly, STALE } from '../../app/latest.js';
import { focusLinkBack, returnPlaces, scrollingElement, type ReturnPlace } from '../../app/returnPlace.js';
import { formatRoute, type Route } from '../../app/route.js';
import { navigate } from '../../app/useRoute.js';
import { openExport } from '../../state/dialogs.js';
import { describeError } from '../../state/describeError.js';
import { rememberSearch } from '../../state/lastSearch.js';
import { useLibraryVersion } from '../../state/libraryVersion.js';
import { searchExportScope } from '../export/exportScope.js';
import { countOf, formatDate, languageName } from '../library/format.js';
import { QueryHelp } from './QueryHelp.js';
import { Snippet } from './SnippetText.js';
import './search.css';

type SearchRoute = Extract<Route, { view: 'search' }>;

const PAGE = 50;
const DEBOUNCE_MS = 180;

interface Answer {
  key: string;
  result: SearchResult;
}

/// The Search view: hits of the query in the search box, with paging and options.
export function SearchView({ route }: { route: SearchRoute }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const version = useLibraryVersion();
  const q = route.q.trim();
  const key = JSON.stringify([q, route.script, route.page, version]);

  const ask = useMemo(() => latestOnly((query: string, script: 'any' | 'exact', page: number) => api.search({ query, script, offset: page * PAGE, limit: PAGE })), []);

  const run = useMemo(
    () =>
      debounce(async (k: string, query: string, script: 'any' | 'exact', page: number) => {
        try {
          const result = await ask(query, script, page);
          if (result === STALE) return;
          setAnswer({ key: k, result });
          setError(null);
          rememberSearch(query, script, result.total);
        } catch (e) {
          setError({ key: k, message: describeError(e) });
        } finally {
          setPending(false);
        }
      }, DEBOUNCE_MS),
    [ask],
  );

  useEffect(() => {
    if (!q) {
      run.cancel();
      ask.invalidate();
      setAnswer(null);
      setError(null);
      setPending(false);
      return;
    }
    setPending(true);
    run.call(key, q, route.script, route.page);
  }, [key, q, route.script, route.page, run, ask]);

  // Enter in the search box: do not wait for the pause.
  useEffect(() => {
    const now = () => run.flush();
    window.addEventListener('qalam:search-now', now);
    return () => {
      window.removeEventListener('qalam:search-now', now);
      run.cancel();
    };
  }, [run]);

  const result = answer?.result;
  const current = answer?.key === key;
  const total = result?.total ?? 0;
  const pages = Math.ceil(total / PAGE);
  const go = (page: number) => navigate({ ...route, page });

  // A list of results drawn afresh (another query, script or page) starts at its top. Coming back
  // to a history entry instead, its results are scrolled where they were left and the link of a
  // hit opened from them has the focus again, once that page's answer is drawn (see
  // app/returnPlace.ts). The place is asked for whenever the list changes, as Back and Forward
  // between pages of results keep this view.
  const listId = `search:${formatRoute(route)}`;
  const arriving = useRef<{ list: string; place: ReturnPlace | undefined; drawn: boolean } | null>(null);
  if (arriving.current?.list !== listId) arriving.current = { list: listId, place: returnPlaces.recall(listId), drawn: false };
  const resultsRef = useRef<HTMLOListElement>(null);
  const answered = current && error?.key !== key;
  useLayoutEffect(() => {
    const arrival = arriving.current;
    const results = resultsRef.current;
    if (!answered || !results || !arrival || arrival.list !== listId || arrival.drawn) return;
    arrival.drawn = true;
    scrollingElement(results).scrollTop = arrival.place?.top ?? 0;
    if (arrival.place && arrival.place.link !== null) focusLinkBack(results, arrival.place.link);
  }, [answered, listId]);

  // A page past the last (an old link, or hits deleted since) shows the last page in its place,
  // before the empty page is painted.
  const pastEnd = answered && route.page > 0 && route.page >= pages;
  useLayoutEffect(() => {
    if (pastEnd) navigate({ ...route, page: Math.max(0, pages - 1) }, { replace: true });
  }, [pastEnd, pages, route]);

  // How far the results are scrolled, noted as they scroll: they may be left for any view.
  useEffect(() => {
    const results = resultsRef.current;
    if (!results || !answered) return;
    const scroller = scrollingElement(results);
    const note = () => returnPlaces.scrolled(listId, scroller.scrollTop);
    scroller.addEventListener('scroll', note, { passive: true });
    return () => scroller.removeEventListener('scroll', note);
  }, [answered, listId]);

  /// Note where the results are when a hit is opened, for the way back.
  const onResultsClick = (e: React.MouseEvent<HTMLOListElement>) => {
    const link = (e.target as HTMLElement).closest('a');
    if (link) returnPlaces.remember({ list: listId, top: scrollingElement(e.currentTarget).scrollTop, link: link.getAttribute('href')! });
  };

  return (
    <section className="search" aria-labelledby="search-title">
      <div className="view-head">
        <h1 id="search-title">Search</h1>
        <div className="search__options">
          <label className="checkbox">
            <input type="checkbox" checked={route.script === 'exact'} onChange={(e) => navigate({ ...route, script: e.target.checked ? 'exact' : 'any', page: 0 }, { replace: true })} />
            Exact script
          </label>
          <QueryHelp />
        </div>
      </div>
      {!q && <p className="muted">Type in the search box above. Words match in every script: Тошкент finds Toshkent too, unless you tick “Exact script”.</p>}
      {q && error?.key === key && (
        <p className="error-text search__error" role="alert">
          {error.message}
        </p>
      )}
      {q && result && error?.key !== key && (
        <>
          <div className="search__summary">
            <p aria-live="polite" aria-busy={pending || !current}>
              {pending || !current ? 'Searching…' : total === 0 ? 'No articles match.' : `${countOf(total, 'article')} found`}
              {pages > 1 && current ? ` · page ${route.page + 1} of ${pages.toLocaleString('en')}` : ''}
            </p>
            {total > 0 && (
              <button type="button" onClick={() => openExport(searchExportScope(q, route.script))}>
                Export…
              </button>
            )}
          </div>
          <ol ref={resultsRef} id="search-results" className={`results${current ? '' : ' results--stale'}`} start={route.page * PAGE + 1} onKeyDown={onResultsKey} onClick={onResultsClick}>
            {result.results.map((hit) => (
              <li key={hit.id} className="result">
                <a href={articleHref(hit.id, result.terms)} lang={hit.lang}>
                  <span className="result__title" dir="auto">{hit.title || 'Untitled'}</span>
                  <span className="result__meta">
                    {formatDate(hit.date)} · {languageName(hit.lang)}
                    {hit.source ? ` · ${hit.source}` : ''}
                  </span>
                  <Snippet html={hit.snippet} />
                </a>
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav className="pager" aria-label="Result pages">
              <button type="button" disabled={route.page === 0} onClick={() => go(route.page - 1)}>
                Previous page
              </button>
              <span>
                Page {route.page + 1} of {pages.toLocaleString('en')}
              </span>
              <button type="button" disabled={route.page + 1 >= pages} onClick={() => go(route.page + 1)}>
                Next page
              </button>
            </nav>
          )}
        </>
      )}
      {q && !result && error?.key !== key && <p className="muted">Searching…</p>}
    </section>
  );
}

function articleHref(id: number, terms: string[]): string {
  const params = new URLSearchParams();
  for (const t of terms) params.append('hl', t);
  const qs = params.toString();
  return `#/article/${id}${qs ? `?${qs}` : ''}`;
}

/// Arrow keys move between results; ArrowUp from the first goes back to the search box.
function onResultsKey(e: React.KeyboardEvent<HTMLOListElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = Array.from(e.currentTarget.querySelectorAll<HTMLAnchorElement>('li > a'));
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  e.preventDefault();
  if (e.key === 'ArrowDown') links[Math.min(links.length - 1, at + 1)].focus();
  else if (at === 0) document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  else links[at - 1].focus();
}
