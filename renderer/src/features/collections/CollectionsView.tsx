// Collections: named sets of articles (or saved searches whose members follow a query). Create,
// fill from the current search or a tag, remove articles, delete; open one to see its articles.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Collection } from '../../../../shared/model.js';
import { api } from '../../api.js';
import { focusWhenDrawn, useFocusRescue } from '../../app/focusRescue.js';
import { ConfirmDialog } from '../../app/Modal.js';
import type { Route } from '../../app/route.js';
import { navigate } from '../../app/useRoute.js';
import { useCodebook } from '../../state/codebook.js';
import { openExport } from '../../state/dialogs.js';
import { describeError } from '../../state/describeError.js';
import { lastSearch } from '../../state/lastSearch.js';
import { libraryChanged, useLibraryVersion } from '../../state/libraryVersion.js';
import { notify, notifyError } from '../../state/notices.js';
import { ArticleList } from '../library/ArticleList.js';
import { countOf } from '../library/format.js';
import './collections.css';

type CollectionsRoute = Extract<Route, { view: 'collections' }>;

/// The Collections view: the list, a new-collection form and the open collection.
export function CollectionsView({ route }: { route: CollectionsRoute }) {
  const [collections, setCollections] = useState<Collection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useLibraryVersion();

  useEffect(() => {
    let live = true;
    api.listCollections({}).then(
      (list) => {
        if (!live) return;
        setCollections(list);
        setError(null);
      },
      (e) => live && setError(describeError(e, 'list the collections')),
    );
    return () => {
      live = false;
    };
  }, [version]);

  const open = collections?.find((c) => c.id === route.collectionId) ?? null;

  // After creating or deleting a collection the focus goes to one in the list (the new one; the
  // next or, at the end, the one before the deleted one) or, with none left, to the form for a new
  // one, rather than to the page.
  const sideRef = useRef<HTMLDivElement>(null);
  const linkTo = (id: number) => sideRef.current?.querySelector<HTMLElement>(`.collection-list a[data-collection-id="${id}"]`);
  const nameField = () => sideRef.current?.querySelector<HTMLElement>('.new-collection input');
  const created = (c: Collection) => {
    navigate({ view: 'collections', collectionId: c.id });
    focusWhenDrawn(() => linkTo(c.id));
  };
  const deleted = (id: number) => {
    const list = collections ?? [];
    const at = list.findIndex((c) => c.id === id);
    const neighbour = at < 0 ? undefined : (list[at + 1] ?? list[at - 1]);
    focusWhenDrawn(() => (neighbour ? linkTo(neighbour.id) : nameField()));
  };

  return (
    <section className="collections" aria-labelledby="collections-title">
      <div className="view-head">
        <h1 id="collections-title">Collections</h1>
        <p className="view-head__count">{collections ? countOf(collections.length, 'collection') : ''}</p>
      </div>
      <div className="collections__panes">
        <div className="collections__side" ref={sideRef}>
          <NewCollectionForm onCreated={created} />
          {error && <p className="error-text">{error}</p>}
          {collections && collections.length === 0 && <p className="muted">No collections yet.</p>}
          <ul className="collection-list" aria-label="Collections">
            {collections?.map((c) => (
              <li key={c.id}>
                <a href={`#/collections/${c.id}`} data-collection-id={c.id} aria-current={c.id === route.collectionId ? 'true' : undefined}>
                  <span className="collection-list__name">{c.name}</span>
                  <span className="muted">
                    {countOf(c.count, 'article')}
                    {c.query ? ' · saved search' : ''}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </div>
        <div className="collections__main">
          {open ? (
            <CollectionDetail key={open.id} collection={open} onDeleted={() => deleted(open.id)} />
          ) : route.collectionId && collections ? (
            <p className="error-text">This collection no longer exists.</p>
          ) : (
            <p className="muted">Choose a collection, or create one: from scratch, from the search you ran last, or as a saved search that keeps itself up to date.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function NewCollectionForm({ onCreated }: { onCreated: (c: Collection) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [saved, setSaved] = useState(false);
  const [query, setQuery] = useState('');
  const [script, setScript] = useState<'any' | 'exact'>('any');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const savedQuery = saved && query.trim() ? query.trim() : undefined;
      const c = await api.createCollection({ name, description: description || undefined, query: savedQuery, script: savedQuery ? script : undefined });
      setName('');
      setDescription('');
      setQuery('');
      setScript('any');
      setSaved(false);
      setError(null);
      libraryChanged();
      notify(`Created collection “${c.name}”.`);
      onCreated(c);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="stack new-collection" onSubmit={(e) => void submit(e)} aria-labelledby="new-collection-title">
      <h2 id="new-collection-title">New collection</h2>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
      </label>
      <label>
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={10_000} />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={saved}
          onChange={(e) => {
            setSaved(e.target.checked);
            // The last search is offered as it was run, script mode and all.
            if (e.target.checked && !query) {
              setQuery(lastSearch().query);
              setScript(lastSearch().script);
            }
          }}
        />
        Saved search (members follow a query)
      </label>
      {saved && (
        <label>
          Query
          <input value={query} onChange={(e) => setQuery(e.target.value)} maxLength={2000} required />
        </label>
      )}
      {saved && (
        <label className="checkbox">
          <input type="checkbox" checked={script === 'exact'} onChange={(e) => setScript(e.target.checked ? 'exact' : 'any')} />
          Exact script
        </label>
      )}
      {/* Not disabled while creating: a disabled button loses the focus to the page. */}
      <button type="submit" aria-disabled={busy}>
        Create collection
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function CollectionDetail({ collection, onDeleted }: { collection: Collection; onDeleted: () => void }) {
  const { tags } = useCodebook();
  const [tagId, setTagId] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const search = lastSearch();
  const onTotal = useCallback((n: number | null) => setCount(n), []);
  // The rename form goes once saved or cancelled: the button that opened it takes the focus back.
  const headRef = useRef<HTMLDivElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  useFocusRescue(headRef, () => renameRef.current);

  const act = async (what: string, step: () => Promise<Collection | void>, done: (c: Collection | void) => string) => {
    try {
      const result = await step();
      libraryChanged();
      notify(done(result));
    } catch (e) {
      notifyError(e, what);
    }
  };

  const searchName = `“${search.query}”${search.script === 'exact' ? ' (exact script)' : ''}`;
  const addSearch = () =>
    act(
      'add the search hits',
      () => api.addToCollection({ id: collection.id, query: search.query, script: search.script }),
      (c) => `Added the hits of ${searchName}; the collection now holds ${countOf(c ? c.count : 0, 'article')}.`,
    );
  const addTag = () => {
    const tag = tags.find((t) => String(t.id) === tagId);
    if (!tag) return;
    void act('add the tagged articles', () => api.addToCollection({ id: collection.id, tagId: tag.id }), (c) => `Added the articles tagged “${tag.name}”; the collection now holds ${countOf(c ? c.count : 0, 'article')}.`);
  };
  const remove = (articleId: number, title: string) =>
    void act('remove the article', () => api.removeFromCollection({ id: collection.id, articleIds: [articleId] }), () => `Removed “${title}” from the collection.`);
  const destroy = () =>
    void act(
      'delete the collection',
      async () => {
        await api.deleteCollection({ id: collection.id });
        navigate({ view: 'collections' }, { replace: true });
        onDeleted();
      },
      () => `Deleted collection “${collection.name}”. Its articles stay in the library.`,
    );

  const rename = async (name: string, description: string) => {
    try {
      await api.renameCollection({ id: collection.id, name, description });
      libraryChanged();
      notify(name === collection.name ? `Saved the description of “${name}”.` : `Renamed “${collection.name}” to “${name}”.`);
      setRenaming(false);
    } catch (e) {
      // The form stays open with what was typed; the notice says why.
      notifyError(e, 'rename the collection');
    }
  };

  return (
    <div className="collection-detail">
      <div className="collection-detail__head" ref={headRef}>
        <div>
          {renaming ? (
            <RenameForm collection={collection} onSave={rename} onCancel={() => setRenaming(false)} />
          ) : (
            <h2>{collection.name}</h2>
          )}
          {!renaming && collection.description && <p>{collection.description}</p>}
          {collection.query && (
            <p className="muted">
              Saved search: <code>{collection.query}</code>
              {collection.script === 'exact' ? ' (exact script)' : ''}
            </p>
          )}
        </div>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => openExport({ collectionId: collection.id, label: `collection “${collection.name}”` })}>
            Export…
          </button>
          {!renaming && (
            <button type="button" ref={renameRef} onClick={() => setRenaming(true)}>
              Rename…
            </button>
          )}
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
            Delete collection…
          </button>
        </div>
      </div>
      {!collection.query && (
        <div className="collection-detail__add">
          <button type="button" disabled={!search.query} onClick={() => void addSearch()} title={search.query ? `Add every hit of ${searchName}` : 'Run a search first'}>
            {search.query ? `Add hits of ${searchName}` : 'Add hits of the last search'}
          </button>
          <div className="inline-form">
            <label>
              Articles with tag
              <select value={tagId} onChange={(e) => setTagId(e.target.value)}>
                <option value="">Choose a tag…</option>
                {tags.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.path.join(' / ')}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!tagId} onClick={addTag}>
              Add tagged articles
            </button>
          </div>
        </div>
      )}
      <p className="muted">{count === null ? 'Loading…' : countOf(count, 'article')}</p>
      {count === 0 && <p className="muted">Nothing here yet. Add articles from a search or a tag, or from an open article.</p>}
      {
        <ArticleList
          label={`Articles in ${collection.name}`}
          query={{ collectionId: collection.id, sort: 'date', order: 'desc' }}
          onTotal={onTotal}
          rowActions={
            collection.query
              ? undefined
              : (a) => (
                  <button type="button" className="link-button" onClick={() => remove(a.id, a.title)} aria-label={`Remove “${a.title}” from the collection`}>
                    Remove
                  </button>
                )
          }
        />
      }
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete collection “${collection.name}”?`}
          message={<p>The collection goes; its {countOf(collection.count, 'article')} stay in the library.</p>}
          confirmLabel="Yes, delete"
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false);
            destroy();
          }}
        />
      )}
    </div>
  );
}

/// A collection's name and description, edited in place of its heading.
function RenameForm({ collection, onSave, onCancel }: { collection: Collection; onSave: (name: string, description: string) => Promise<void>; onCancel: () => void }) {
  const [name, setName] = useState(collection.name);
  const [description, setDescription] = useState(collection.description);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="stack"
      aria-label={`Rename collection ${collection.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim() || busy) return;
        setBusy(true);
        void onSave(name.trim(), description).finally(() => setBusy(false));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label>
        Name
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} />
      </label>
      <label>
        Description
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <div className="button-row">
        {/* Not disabled while saving: a disabled button loses the focus to the page. */}
        <button type="submit" className="primary" disabled={!name.trim()} aria-disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
