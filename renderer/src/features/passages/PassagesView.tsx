// Every passage of one or several tags across the archive, as keyword-in-context lines:
// the words before, the passage itself marked, the words after; with the article's title and
// date, filtered by language and date. A click opens the article at the passage.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CallOutput } from '../../../../shared/contract/index.js';
import type { Passage, Tag } from '../../../../shared/model.js';
import { byPath } from '../../../../shared/text/sort-key.js';
import { api } from '../../api.js';
import { latestOnly, STALE } from '../../app/latest.js';
import { focusLinkBack, returnPlaces } from '../../app/returnPlace.js';
import { formatRoute, type Route } from '../../app/route.js';
import { navigate } from '../../app/useRoute.js';
import { useCodebook } from '../../state/codebook.js';
import { openExport } from '../../state/dialogs.js';
import { describeError } from '../../state/describeError.js';
import { notify } from '../../state/notices.js';
import { useLibraryVersion } from '../../state/libraryVersion.js';
import { LanguageSelect } from '../../app/LanguageSelect.js';
import { passagesExportScope } from '../export/exportScope.js';
import { countOf, formatDate } from '../library/format.js';
import { tagLabel } from '../reader/tagMatch.js';
import './passages.css';

type PassagesRoute = Extract<Route, { view: 'passages' }>;
type Facets = CallOutput<'facets'>;

const PAGE = 100;

/// The Passages view: chosen tags' passages across the archive.
export function PassagesView({ route }: { route: PassagesRoute }) {
  const { tags, byId, loaded, revision } = useCodebook();
  const [items, setItems] = useState<Passage[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [tagFilter, setTagFilter] = useState('');
  const version = useLibraryVersion();
  const ask = useMemo(() => latestOnly((offset: number, limit: number) => api.passages({ tagIds: route.tagIds, match: route.match, lang: route.lang, dateFrom: route.dateFrom, dateTo: route.dateTo, context: 80, offset, limit })), [route.tagIds.join(','), route.match, route.lang, route.dateFrom, route.dateTo]);
  // Coming back to this history entry (from an article opened here, say), as many passages as were
  // shown are loaded again, scrolled where they were, with the focus on the link followed (see
  // app/returnPlace.ts).
  const listId = `passages:${formatRoute(route)}`;
  const [placeLeft] = useState(() => returnPlaces.recall(listId));
  const returning = useRef(placeLeft);
  const listRef = useRef<HTMLDivElement>(null);
  const shown = useRef(0);
  shown.current = items.length;

  // A tag chosen in the address that is no longer in the codebook (deleted, or merged into
  // another, since the address was made) is left out, and the user told, rather than the whole
  // list refused for it.
  const unknown = loaded ? route.tagIds.filter((id) => !byId.has(id)) : [];
  useEffect(() => {
    if (unknown.length === 0) return;
    notify(unknown.length === 1 ? 'A tag chosen here no longer exists (deleted or merged); it has been left out.' : `${unknown.length} tags chosen here no longer exist (deleted or merged); they have been left out.`);
    navigate({ ...route, tagIds: route.tagIds.filter((id) => byId.has(id)) }, { replace: true });
  }, [unknown.join(',')]);

  useEffect(() => {
    api.facets({}).then(setFacets, () => undefined);
  }, [version]);

  const load = async (offset: number, limit = PAGE) => {
    setLoading(true);
    try {
      const page = await ask(offset, limit);
      if (page === STALE) return;
      setItems((prev) => (offset === 0 ? page.items : [...prev, ...page.items]));
      setTotal(page.total);
      setError(null);
    } catch (e) {
      setError(describeError(e, 'list the passages'));
    } finally {
      setLoading(false);
    }
  };

  // Passages are asked for once the codebook is known, so that a tag it no longer has is left
  // out first.
  useEffect(() => {
    setItems([]);
    setTotal(null);
    if (route.tagIds.length === 0 || !loaded || unknown.length > 0) {
      ask.invalidate();
      return;
    }
    void load(0, Math.max(PAGE, returning.current?.extent ?? 0));
  }, [ask, version, loaded]);

  // Tags or annotations changed (an edit elsewhere, undo, redo): the same passages are read
  // again, as many as are shown, in place.
  const seenRevision = useRef(revision);
  useEffect(() => {
    if (seenRevision.current === revision) return;
    seenRevision.current = revision;
    if (route.tagIds.length > 0 && loaded && unknown.length === 0) void load(0, Math.max(PAGE, shown.current));
  }, [revision]);

  useLayoutEffect(() => {
    const place = returning.current;
    const list = listRef.current;
    if (!place || !list || total === null || items.length < Math.min(total, place.extent ?? 0)) return;
    returning.current = undefined;
    list.scrollTop = place.top;
    if (place.link !== null) focusLinkBack(list, place.link);
  }, [items, total]);

  /// Note where the list is when a passage is opened, for the way back.
  const onListClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const link = (e.target as HTMLElement).closest('a');
    if (link) returnPlaces.remember({ list: listId, top: e.currentTarget.scrollTop, link: link.getAttribute('href')!, extent: items.length });
  };

  const set = (patch: Partial<PassagesRoute>) => navigate({ ...route, ...patch }, { replace: true });
  const toggleTag = (id: number, on: boolean) => set({ tagIds: on ? [...route.tagIds, id] : route.tagIds.filter((t) => t !== id) });
  const chosen = route.tagIds.map((id) => byId.get(id)).filter((t): t is Tag => Boolean(t));
  const shownTags = byPath(
    tags.filter((t) => !tagFilter || t.path.join(' / ').toLocaleLowerCase().includes(tagFilter.toLocaleLowerCase())),
    (t) => t.path,
  );

  return (
    <section className="passages" aria-labelledby="passages-title">
      <div className="view-head">
        <h1 id="passages-title">Passages</h1>
        <p className="view-head__count" aria-live="polite">
          {route.tagIds.length === 0 ? 'Choose tags' : total === null ? 'Loading…' : countOf(total, 'passage')}
        </p>
      </div>
      <div className="passages__panes">
        <form className="passages__filters" aria-label="Choose passages" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Tags</legend>
            {tags.length > 8 && (
              <label className="passages__tagfilter">
                Find a tag
                <input type="search" value={tagFilter} onChange={(e) => setTagFilter(e.target.value)} />
              </label>
            )}
            {tags.length === 0 && <p className="muted">No tags yet.</p>}
            <ul className="checklist">
              {shownTags.map((t) => (
                <li key={t.id}>
                  <label className="checkbox">
                    <input type="checkbox" checked={route.tagIds.includes(t.id)} onChange={(e) => toggleTag(t.id, e.target.checked)} />
                    <span className="swatch" style={{ background: t.color }} aria-hidden="true" />
                    {t.path.join(' / ')} <span className="muted">({t.count})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset className="radios">
            <legend>Passages with</legend>
            <label className="checkbox">
              <input type="radio" name="match" checked={route.match === 'any'} onChange={() => set({ match: 'any' })} />
              any chosen tag
            </label>
            <label className="checkbox">
              <input type="radio" name="match" checked={route.match === 'all'} onChange={() => set({ match: 'all' })} />
              all chosen tags
            </label>
          </fieldset>
          <LanguageSelect value={route.lang} langs={facets?.langs} onChange={(lang) => set({ lang })} />
          <label>
            From
            <input type="date" value={route.dateFrom ?? ''} onChange={(e) => set({ dateFrom: e.target.value || undefined })} />
          </label>
          <label>
            To
            <input type="date" value={route.dateTo ?? ''} onChange={(e) => set({ dateTo: e.target.value || undefined })} />
          </label>
          {chosen.length > 0 && (
            <button type="button" onClick={() => openExport(passagesExportScope(route, chosen))}>
              Export…
            </button>
          )}
        </form>
        <div className="passages__list" ref={listRef} onClick={onListClick} onScroll={(e) => returnPlaces.scrolled(listId, e.currentTarget.scrollTop, items.length)}>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {route.tagIds.length === 0 && <p className="muted">Tick one or more tags to see their passages across the archive.</p>}
          {total === 0 && <p className="muted">No passages match.</p>}
          <ol className="kwic" aria-label="Passages">
            {items.map((p) => (
              <PassageLine key={p.annotation.id} passage={p} tagsById={byId} />
            ))}
          </ol>
          {total !== null && items.length < total && (
            <button
              type="button"
              onClick={() => {
                returnPlaces.scrolled(listId, listRef.current?.scrollTop ?? 0, Math.min(total, items.length + PAGE));
                void load(items.length);
              }}
              disabled={loading}
            >
              {loading ? 'Loading…' : `Show more (${(total - items.length).toLocaleString('en')} left)`}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}

function PassageLine({ passage, tagsById }: { passage: Passage; tagsById: ReadonlyMap<number, Tag> }) {
  const a = passage.annotation;
  const tagList = a.tagIds.map((id) => tagsById.get(id)).filter((t): t is Tag => Boolean(t));
  const color = tagList[0]?.color;
  return (
    <li className="kwic__item">
      <a href={`#/article/${a.articleId}?a=${a.id}`} className="kwic__link" lang={passage.articleLang}>
        <span className="kwic__line" dir="auto">
          <span className="kwic__before">{passage.before}</span>
          <mark className="kwic__exact" style={color ? { borderBottomColor: color } : undefined}>
            {a.exact}
          </mark>
          <span className="kwic__after">{passage.after}</span>
        </span>
        <span className="kwic__meta">
          <span className="kwic__title" dir="auto">{passage.articleTitle || 'Untitled'}</span>
          <span className="kwic__date">{formatDate(passage.articleDate)}</span>
          {tagList.map((t) => (
            <span key={t.id} className="chip">
              <span className="swatch" style={{ background: t.color }} aria-hidden="true" />
              {tagLabel(t)}
            </span>
          ))}
          {a.status === 'orphaned' && <span className="chip chip--warn">needs review</span>}
        </span>
        {a.note && <span className="kwic__note" dir="auto">{a.note}</span>}
      </a>
    </li>
  );
}
