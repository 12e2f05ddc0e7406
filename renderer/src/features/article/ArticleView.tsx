// The reader, opened from anywhere by `#/article/ID?a=ANNOTATION&hl=TERM`. The ProseMirror
// reader is loaded on first use: it is the heaviest part of the app and the library does not
// need it to show its first rows.
import { Suspense, useEffect, useState } from 'react';
import type { Collection } from '../../../../shared/model.js';
import { api } from '../../api.js';
import type { Route } from '../../app/route.js';
import { goBack, navigate } from '../../app/useRoute.js';
import { retryableLazy } from '../../app/ViewBoundary.js';
import { libraryChanged } from '../../state/libraryVersion.js';
import { notify, notifyError } from '../../state/notices.js';
import './article.css';

const Reader = retryableLazy(() => import('../reader/ReaderView.js').then((m) => m.ReaderView));

/// The article view: a bar (back, add to collection) above the reader.
export function ArticleView({ route }: { route: Extract<Route, { view: 'article' }> }) {
  const onOpenArticle = (id: number, annotationId?: number) => navigate({ view: 'article', id, annotationId, terms: [] });
  return (
    <div className="article-view">
      <div className="article-view__bar">
        <button type="button" onClick={goBack}>
          ← Back
        </button>
        <AddToCollection articleId={route.id} />
      </div>
      <Suspense fallback={<p className="muted">Opening the reader…</p>}>
        <Reader key={route.id} articleId={route.id} highlightTerms={route.terms} focusAnnotationId={route.annotationId ?? null} onOpenArticle={onOpenArticle} />
      </Suspense>
    </div>
  );
}

/// Put the open article into a collection.
function AddToCollection({ articleId }: { articleId: number }) {
  const [collections, setCollections] = useState<Collection[] | null>(null);
  const [choice, setChoice] = useState('');
  useEffect(() => {
    api.listCollections({}).then(setCollections, () => setCollections([]));
  }, []);
  // A saved search's members are its hits: an article cannot be put into one by hand.
  const chosen = collections?.filter((c) => !c.query) ?? [];
  if (!chosen.length) return null;
  const add = async () => {
    const target = chosen.find((c) => String(c.id) === choice);
    if (!target) return;
    try {
      const after = await api.addToCollection({ id: target.id, articleIds: [articleId] });
      // The collection as it is now against the list read when the view opened.
      const added = after.count > target.count;
      setCollections((all) => all?.map((c) => (c.id === after.id ? after : c)) ?? null);
      libraryChanged();
      notify(added ? `Added to "${target.name}".` : `Already in "${target.name}".`);
    } catch (e) {
      notifyError(e, 'add the article to the collection');
    }
  };
  return (
    <div className="inline-form">
      <label>
        Collection{' '}
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose…</option>
          {chosen.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!choice} onClick={() => void add()}>
        Add to collection
      </button>
    </div>
  );
}
