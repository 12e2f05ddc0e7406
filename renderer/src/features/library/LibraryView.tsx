// The library: every article, sorted and filtered, in a virtualised list; the welcome panel
// when the library is still empty.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../../shared/contract/index.js';
import { api } from '../../api.js';
import { canFocus, focusWhenDrawn, useFocusRescue } from '../../app/focusRescue.js';
import type { LibraryQuery, Route } from '../../app/route.js';
import { navigate } from '../../app/useRoute.js';
import { useCodebook } from '../../state/codebook.js';
import { useLibraryVersion } from '../../state/libraryVersion.js';
import { Welcome } from '../welcome/Welcome.js';
import { ArticleList } from './ArticleList.js';
import { LanguageSelect } from '../../app/LanguageSelect.js';
import { countOf } from './format.js';
import { libraryListQuery, SORTS } from './listQuery.js';
import './library.css';

type Facets = CallOutput<'facets'>;
type LibraryRoute = Extract<Route, { view: 'library' }>;

function hasFilters(r: LibraryQuery): boolean {
  return Boolean(r.lang || r.source || r.dateFrom || r.dateTo || r.tagId);
}

/// The Library view: sorting, filters, the count and the list.
export function LibraryView({ route }: { route: LibraryRoute }) {
  const [total, setTotal] = useState<number | null>(null);
  const [facets, setFacets] = useState<Facets | null>(null);
  const version = useLibraryVersion();
  const { tags } = useCodebook();

  // The filter values are asked for once the first rows are in, so they never hold up the list.
  const listed = total !== null;
  useEffect(() => {
    if (!listed) return;
    let live = true;
    api.facets({}).then(
      (f) => live && setFacets(f),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version, listed]);

  const set = (patch: Partial<LibraryQuery>) => navigate({ ...route, ...patch }, { replace: true });
  const onTotal = useCallback((n: number | null) => setTotal(n), []);
  const filtered = hasFilters(route);
  const empty = total === 0 && !filtered;

  // "Clear filters" goes once used: the filters' first control takes the focus.
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const filtersRef = useRef<HTMLFormElement>(null);
  useFocusRescue(filtersRef, () => filtersRef.current?.querySelector<HTMLElement>('select, input, button'));
  // The first-run panel goes once the samples or an import arrive: the list takes the focus, and
  // its first article as soon as that is drawn. The list looks after the focus among its rows and
  // its own messages itself.
  const listBox = () => sectionRef.current?.querySelector<HTMLElement>('.article-list');
  // Rows of the list as it was before the change do not count: only those of a list done loading.
  const firstRow = () => listBox()?.querySelector<HTMLElement>('[role="list"]:not([aria-busy="true"]) .article-row__link');
  useFocusRescue(sectionRef, () => (canFocus(firstRow()) ? firstRow() : canFocus(listBox()) ? listBox() : headingRef.current), {
    except: '.article-list, .list-error, .filters',
    onRescued: (el) => {
      if (el === listBox()) focusWhenDrawn(firstRow);
    },
  });

  return (
    <section ref={sectionRef} className="library" aria-labelledby="library-title">
      <div className="view-head">
        <h1 id="library-title" ref={headingRef} tabIndex={-1}>
          Library
        </h1>
        <p className="view-head__count" aria-live="polite">
          {total === null ? 'Counting…' : filtered ? `${countOf(total, 'article')} ${total === 1 ? 'matches' : 'match'} the filters` : countOf(total, 'article')}
        </p>
      </div>
      {empty && <Welcome />}
      {/* The list stays mounted while empty, so it notices when the samples or an import arrive. */}
      <div className={empty ? 'library__body library__body--hidden' : 'library__body'}>
          <form ref={filtersRef} className="filters" aria-label="Filter the library" onSubmit={(e) => e.preventDefault()}>
            <label>
              Sort
              <select value={`${route.sort}:${route.order}`} onChange={(e) => {
                const [sort, order] = e.target.value.split(':') as [LibraryQuery['sort'], LibraryQuery['order']];
                set({ sort, order });
              }}>
                {SORTS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <LanguageSelect value={route.lang} langs={facets?.langs} showCounts onChange={(lang) => set({ lang })} />
            <label>
              Source
              <select value={route.source ?? ''} onChange={(e) => set({ source: e.target.value || undefined })}>
                <option value="">All sources</option>
                {facets?.sources.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.value} ({s.count.toLocaleString('en')})
                  </option>
                ))}
              </select>
            </label>
            <label>
              From
              <input type="date" value={route.dateFrom ?? ''} min={facets?.dateMin ?? undefined} max={facets?.dateMax ?? undefined} onChange={(e) => set({ dateFrom: e.target.value || undefined })} />
            </label>
            <label>
              To
              <input type="date" value={route.dateTo ?? ''} min={facets?.dateMin ?? undefined} max={facets?.dateMax ?? undefined} onChange={(e) => set({ dateTo: e.target.value || undefined })} />
            </label>
            <label>
              Tag
              <select value={route.tagId ?? ''} onChange={(e) => set({ tagId: e.target.value ? Number(e.target.value) : undefined })}>
                <option value="">Any or none</option>
                {tags.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.path.join(' / ')} ({t.count})
                  </option>
                ))}
              </select>
            </label>
            {filtered && (
              <button type="button" className="link-button" onClick={() => navigate({ view: 'library', sort: route.sort, order: route.order }, { replace: true })}>
                Clear filters
              </button>
            )}
          </form>
          <ArticleList
            label="Articles"
            markFirstRows
            query={libraryListQuery(route)}
            onTotal={onTotal}
          />
      </div>
    </section>
  );
}
