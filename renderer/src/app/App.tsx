// The shell: a header with the search box and the import button, the navigation on the left,
// the current view in the main area, and the status area. Global shortcuts and drag-and-drop
// of files onto the window live here too.
import { Suspense, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ArticleView } from '../features/article/ArticleView.js';
import { LibraryView } from '../features/library/LibraryView.js';
import { SearchView } from '../features/search/SearchView.js';
import { exportDialog, importDialog, openImport } from '../state/dialogs.js';
import { escapeTop } from '../state/escape.js';
import { lastSearch } from '../state/lastSearch.js';
import { useLibraryReadOnly } from '../state/libraryAccess.js';
import { dismissAll, notify, notifyError } from '../state/notices.js';
import { undoStack } from '../state/undo.js';
import { NAV, SEARCH_PLACEHOLDER } from './nav.js';
import { Notices } from './Notices.js';
import { formatRoute, type Route } from './route.js';
import { isTypingTarget, shortcutFor } from './shortcuts.js';
import { navigate, useRoute } from './useRoute.js';
import { retryableLazy, ViewBoundary } from './ViewBoundary.js';

// The library and search are what opens first and what answers typing; the other views and the
// dialogs load on first use, so the first screen has less to download and start.
const TagsView = retryableLazy(() => import('../features/tags/TagsView.js').then((m) => m.TagsView));
const PassagesView = retryableLazy(() => import('../features/passages/PassagesView.js').then((m) => m.PassagesView));
const CollectionsView = retryableLazy(() => import('../features/collections/CollectionsView.js').then((m) => m.CollectionsView));
const ImportDialog = retryableLazy(() => import('../features/import/ImportDialog.js').then((m) => m.ImportDialog));
const ExportDialog = retryableLazy(() => import('../features/export/ExportDialog.js').then((m) => m.ExportDialog));

/// Run undo or redo and say what happened.
export async function runUndo(direction: 'undo' | 'redo'): Promise<void> {
  try {
    const action = direction === 'undo' ? await undoStack.undo() : await undoStack.redo();
    if (action) notify(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${action.label}`);
    else notify(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
  } catch (e) {
    notifyError(e, direction);
  }
}

function useUndoState() {
  return useSyncExternalStore(
    (l) => undoStack.subscribe(l),
    () => `${undoStack.canUndo ? undoStack.undoLabel : ''}\u0000${undoStack.canRedo ? undoStack.redoLabel : ''}`,
  ).split('\u0000');
}

/// The whole app: shell, current view, dialogs and status area.
export function App() {
  const route = useRoute();
  const searchRef = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const [query, setQuery] = useState(route.view === 'search' ? route.q : '');
  const [dragging, setDragging] = useState(false);
  const importing = importDialog.use();
  const exporting = exportDialog.use();
  const [undoLabel, redoLabel] = useUndoState();
  const readOnly = useLibraryReadOnly();

  // The benchmark times the first rows from here too (the app's own start, without the download).
  useLayoutEffect(() => {
    if (performance.getEntriesByName('qalam:app-render').length === 0) performance.mark('qalam:app-render');
  }, []);

  // The reader is its own chunk (ProseMirror); fetch and compile it while the researcher is still
  // looking at the list, so the first article opens as fast as the next ones.
  useEffect(() => {
    const load = () => void import('../features/reader/ReaderView.js').catch(() => undefined);
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(load, { timeout: 5000 });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(load, 2000);
    return () => clearTimeout(timer);
  }, []);

  // Back and forward through searches put their query back in the box.
  const routeQ = route.view === 'search' ? route.q : null;
  useEffect(() => {
    if (routeQ !== null) setQuery(routeQ);
  }, [routeQ]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = shortcutFor(e, isTypingTarget(e.target as HTMLElement | null));
      if (!action) return;
      if (action === 'escape') {
        // An open <dialog> handles its own Escape.
        if (document.querySelector('dialog[open]')) return;
        if (escapeTop() || dismissAll()) e.preventDefault();
        return;
      }
      e.preventDefault();
      if (action === 'focus-search') {
        searchRef.current?.focus();
        searchRef.current?.select();
      } else {
        void runUndo(action);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Files dragged onto the window from the desktop are imported.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) openImport(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  // Focus goes to the main area when the view changes, so keyboard and screen-reader users
  // land in the new content rather than on the link they left. A view that has already put the
  // focus on something of its own keeps it (a list come back to from an article focuses the
  // article's link: see returnPlace.ts); this effect runs after the views' own.
  const lastView = useRef(route.view);
  useEffect(() => {
    const main = mainRef.current;
    const placed = main !== null && document.activeElement !== main && main.contains(document.activeElement);
    if (lastView.current !== route.view && route.view !== 'search' && !placed) main?.focus({ preventScroll: true });
    lastView.current = route.view;
  }, [route.view]);

  const onQueryChange = (q: string) => {
    setQuery(q);
    const script = route.view === 'search' ? route.script : lastSearch().script;
    navigate({ view: 'search', q, script, page: 0 }, { replace: route.view === 'search' });
  };

  const onSearchKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      const first = document.querySelector<HTMLElement>('#search-results a');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Back to Search from another view: the last search's script setting holds.
      if (route.view !== 'search') navigate({ view: 'search', q: query, script: lastSearch().script, page: 0 });
      window.dispatchEvent(new CustomEvent('qalam:search-now'));
    }
  };

  const activeNav = route.view === 'article' ? null : route.view;

  return (
    <div className={`shell${dragging ? ' shell--dragging' : ''}`}>
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <header className="topbar">
        <a className="brand" href="#/library">
          Qalam
        </a>
        <form className="topbar__search" role="search" aria-label="Articles" onSubmit={(e) => e.preventDefault()}>
          <input
            ref={searchRef}
            type="search"
            aria-label="Search"
            placeholder={SEARCH_PLACEHOLDER}
            value={query}
            onChange={(e) => onQueryChange(e.target.value)}
            onKeyDown={onSearchKey}
            autoComplete="off"
            spellCheck={false}
          />
        </form>
        <div className="topbar__actions">
          <button type="button" onClick={() => void runUndo('undo')} disabled={!undoLabel} title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>
            Undo
          </button>
          <button type="button" onClick={() => void runUndo('redo')} disabled={!redoLabel} title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
            Redo
          </button>
          <button type="button" className="primary" onClick={() => openImport()} disabled={readOnly} title={readOnly ? 'This library is open for reading only' : undefined}>
            Import…
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.view}>
              <a
                href={item.hash}
                aria-current={activeNav === item.view ? 'page' : undefined}
                onClick={(e) => {
                  // Search keeps the query typed so far rather than an empty page, and the last
                  // search's script setting.
                  if (item.view === 'search' && query) {
                    e.preventDefault();
                    navigate({ view: 'search', q: query, script: lastSearch().script, page: 0 });
                  }
                }}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        {readOnly && (
          <p className="read-only-note" role="status">
            This library is open for reading only: Qalam may not write to it here. You can read, search and export; changes are refused.
          </p>
        )}
        <ViewBoundary what="This view" resetKey={formatRoute(route)}>
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <CurrentView route={route} />
          </Suspense>
        </ViewBoundary>
      </main>
      <Notices />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files to import them
        </div>
      )}
      {importing && (
        <ViewBoundary what="The import dialog" onClose={() => importDialog.set(null)}>
          <Suspense fallback={null}>
            <ImportDialog files={importing.files} onClose={() => importDialog.set(null)} />
          </Suspense>
        </ViewBoundary>
      )}
      {exporting && (
        <ViewBoundary what="The export dialog" onClose={() => exportDialog.set(null)}>
          <Suspense fallback={null}>
            <ExportDialog scope={exporting} onClose={() => exportDialog.set(null)} />
          </Suspense>
        </ViewBoundary>
      )}
    </div>
  );
}

function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'library':
      return <LibraryView route={route} />;
    case 'search':
      return <SearchView route={route} />;
    case 'tags':
      return <TagsView route={route} />;
    case 'passages':
      return <PassagesView route={route} />;
    case 'collections':
      return <CollectionsView route={route} />;
    case 'article':
      return <ArticleView route={route} />;
  }
}
