// The codebook as a tree (WAI-ARIA tree pattern: one tab stop, arrows to move, Enter to
// choose) beside an editor for the chosen tag: rename, move, recolour, describe, merge, delete.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Tag } from '../../../../shared/model.js';
import { byPath } from '../../../../shared/text/sort-key.js';
import { api, ApiError } from '../../api.js';
import { focusWhenDrawn } from '../../app/focusRescue.js';
import { ConfirmDialog } from '../../app/Modal.js';
import type { Route } from '../../app/route.js';
import { navigate } from '../../app/useRoute.js';
import { refreshCodebook, useCodebook } from '../../state/codebook.js';
import { openExport } from '../../state/dialogs.js';
import { describeError } from '../../state/describeError.js';
import { notify, notifyError } from '../../state/notices.js';
import { undoStack } from '../../state/undo.js';
import { TagActions } from './tagActions.js';
import { buildTagTree, subtreeCount, subtreeIds, treeKey, visibleNodes, type TagNode } from './tagTree.js';
import './tags.css';

/// The app's tag actions, on the app's undo stack.
export const tagActions = new TagActions(api, undoStack, () => void refreshCodebook().catch(() => undefined));

type TagsRoute = Extract<Route, { view: 'tags' }>;

/// The Tags view: the codebook tree and the chosen tag's editor.
export function TagsView({ route }: { route: TagsRoute }) {
  const { tags, loaded } = useCodebook();
  const roots = useMemo(() => buildTagTree(tags), [tags]);
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set());
  const [focused, setFocused] = useState<number | null>(route.tagId ?? null);
  const treeRef = useRef<HTMLUListElement>(null);
  const selected = route.tagId ? tags.find((t) => t.id === route.tagId) ?? null : null;

  // Everything starts open: codebooks are usually small enough to see whole.
  const seeded = useRef(false);
  useEffect(() => {
    if (!seeded.current && tags.length) {
      seeded.current = true;
      // Added to what is open already: the chosen tag's ancestors may have been opened in the same turn.
      setExpanded((open) => new Set([...open, ...tags.filter((t) => t.parentId !== null).map((t) => t.parentId!)]));
    }
  }, [tags]);

  useEffect(() => {
    void refreshCodebook().catch((e) => notifyError(e, 'load the tags'));
  }, []);

  // The chosen tag (just created, or arriving by address) is always in view: open its ancestors.
  useEffect(() => {
    if (!selected) return;
    const ancestors: number[] = [];
    const byId = new Map(tags.map((t) => [t.id, t]));
    for (let p = selected.parentId; p !== null && !ancestors.includes(p); p = byId.get(p)?.parentId ?? null) ancestors.push(p);
    setExpanded((open) => (ancestors.every((a) => open.has(a)) ? open : new Set([...open, ...ancestors])));
    setFocused(selected.id);
    // Only when the choice or the codebook changes, not on every expand/collapse.
  }, [selected?.id, tags]);

  const nodes = visibleNodes(roots, expanded);
  const tabStop = nodes.some((n) => n.tag.id === focused) ? focused : (nodes[0]?.tag.id ?? null);

  const focusItem = (id: number) => {
    setFocused(id);
    requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-tag-id="${id}"]`)?.focus());
  };

  // A tag deleted or merged away takes its tree item, and the editor's buttons, with it: the focus
  // goes to the tag merged into (which is now the chosen one), or to the item after the deleted
  // tag's branch, or the one before it, or, with no tags left, to the field for a new one.
  const focusTreeItem = (id: number | null) => {
    if (id !== null) setFocused(id);
    const tree = treeRef.current;
    focusWhenDrawn(() =>
      id === null ? tree?.parentElement?.querySelector<HTMLElement>('.new-tag input') : tree?.querySelector<HTMLElement>(`[data-tag-id="${id}"]`),
    );
  };
  const neighbourOf = (id: number): number | null => {
    const gone = subtreeIds(tags, id);
    const at = nodes.findIndex((n) => n.tag.id === id);
    const after = nodes.slice(at + 1).find((n) => !gone.has(n.tag.id));
    return (after ?? (at > 0 ? nodes[at - 1] : undefined))?.tag.id ?? null;
  };

  const select = (id: number) => navigate({ view: 'tags', tagId: id }, { replace: route.tagId !== undefined });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      if (tabStop !== null) {
        e.preventDefault();
        select(tabStop);
      }
      return;
    }
    const move = treeKey(e.key, nodes, expanded, tabStop);
    if (!move) return;
    e.preventDefault();
    if (move.expand !== undefined || move.collapse !== undefined) {
      const next = new Set(expanded);
      if (move.expand !== undefined) next.add(move.expand);
      if (move.collapse !== undefined) next.delete(move.collapse);
      setExpanded(next);
    }
    focusItem(move.focus);
  };

  const toggle = (id: number) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  return (
    <section className="tags-view" aria-labelledby="tags-title">
      <div className="view-head">
        <h1 id="tags-title">Tags</h1>
        <p className="view-head__count">{loaded ? `${tags.length} tag${tags.length === 1 ? '' : 's'}` : 'Loading…'}</p>
      </div>
      <div className="tags-view__panes">
        <div className="tags-view__tree">
          <NewTagForm tags={tags} defaultParent={selected?.id ?? null} onCreated={(t) => select(t.id)} />
          {loaded && tags.length === 0 && <p className="muted">No tags yet. Create one here, or select text in an article and press h.</p>}
          <ul ref={treeRef} role="tree" aria-label="Codebook" className="tree" hidden={tags.length === 0} onKeyDown={onKeyDown}>
            {nodes.map((node) => (
              <TreeItem
                key={node.tag.id}
                node={node}
                siblings={siblingsOf(node, roots)}
                expanded={expanded.has(node.tag.id)}
                selected={node.tag.id === route.tagId}
                tabbable={node.tag.id === tabStop}
                onSelect={() => {
                  setFocused(node.tag.id);
                  select(node.tag.id);
                }}
                onToggle={() => toggle(node.tag.id)}
              />
            ))}
          </ul>
        </div>
        <div className="tags-view__editor">
          {selected ? (
            <TagEditor
              key={selected.id}
              tag={selected}
              tags={tags}
              node={findNode(roots, selected.id)}
              onDeleted={() => focusTreeItem(neighbourOf(selected.id))}
              onMerged={(target) => focusTreeItem(target.id)}
            />
          ) : (
            <p className="muted">Choose a tag to rename, move, recolour, merge or delete it.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function findNode(nodes: readonly TagNode[], id: number): TagNode | null {
  for (const n of nodes) {
    if (n.tag.id === id) return n;
    const inner = findNode(n.children, id);
    if (inner) return inner;
  }
  return null;
}

function siblingsOf(node: TagNode, roots: readonly TagNode[]): { size: number; pos: number } {
  const list = node.tag.parentId === null ? roots : (findNode(roots, node.tag.parentId)?.children ?? roots);
  return { size: list.length, pos: list.findIndex((n) => n.tag.id === node.tag.id) + 1 };
}

interface TreeItemProps {
  node: TagNode;
  siblings: { size: number; pos: number };
  expanded: boolean;
  selected: boolean;
  tabbable: boolean;
  onSelect: () => void;
  onToggle: () => void;
}

function TreeItem({ node, siblings, expanded, selected, tabbable, onSelect, onToggle }: TreeItemProps) {
  const { tag } = node;
  const hasChildren = node.children.length > 0;
  const total = subtreeCount(node);
  return (
    <li
      role="treeitem"
      data-tag-id={tag.id}
      aria-level={node.depth}
      aria-setsize={siblings.size}
      aria-posinset={siblings.pos}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`tree__item${selected ? ' tree__item--selected' : ''}`}
      style={{ paddingInlineStart: `${(node.depth - 1) * 1.25 + 0.25}rem` }}
      onClick={onSelect}
    >
      <span
        className="tree__twisty"
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation();
          if (hasChildren) onToggle();
        }}
      >
        {hasChildren ? (expanded ? '▾' : '▸') : ''}
      </span>
      <span className="swatch" style={{ background: tag.color }} aria-hidden="true" />
      <span className="tree__name" title={tag.name.length > 40 ? tag.name : undefined}>
        {tag.name}
      </span>
      <span className="tree__count" aria-label={`${tag.count} passages${hasChildren ? `, ${total} with subtags` : ''}`}>
        {hasChildren && total !== tag.count ? `${tag.count} · ${total}` : tag.count}
      </span>
    </li>
  );
}

function parentOptions(tags: readonly Tag[], exclude: Set<number>) {
  return byPath(
    tags.filter((t) => !exclude.has(t.id)),
    (t) => t.path,
  ).map((t) => (
      <option key={t.id} value={t.id}>
        {t.path.join(' / ')}
      </option>
    ));
}

function NewTagForm({ tags, defaultParent, onCreated }: { tags: readonly Tag[]; defaultParent: number | null; onCreated: (t: Tag) => void }) {
  const [name, setName] = useState('');
  const [parent, setParent] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setParent(defaultParent ? String(defaultParent) : ''), [defaultParent]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('A tag needs a name.');
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      const tag = await tagActions.create(name.trim(), parent ? Number(parent) : null);
      setName('');
      setError(null);
      notify(`Created tag “${tag.name}”.`);
      onCreated(tag);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="new-tag" onSubmit={(e) => void submit(e)} aria-label="Create a tag">
      <label>
        New tag
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} aria-invalid={Boolean(error)} aria-describedby={error ? 'new-tag-error' : undefined} />
      </label>
      <label>
        Under
        <select value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">(top level)</option>
          {parentOptions(tags, new Set())}
        </select>
      </label>
      {/* Not disabled while adding: a disabled button loses the focus to the page. */}
      <button type="submit" aria-disabled={busy}>
        Add tag
      </button>
      {error && (
        <p id="new-tag-error" className="error-text">
          {error}
        </p>
      )}
    </form>
  );
}

interface TagEditorProps {
  tag: Tag;
  tags: readonly Tag[];
  node: TagNode | null;
  /// Called once the tag is deleted, to place the focus.
  onDeleted: () => void;
  /// Called once the tag is merged into `target`, to place the focus.
  onMerged: (target: Tag) => void;
}

function TagEditor({ tag, tags, node, onDeleted, onMerged }: TagEditorProps) {
  const [name, setName] = useState(tag.name);
  const [parent, setParent] = useState(tag.parentId ? String(tag.parentId) : '');
  const [color, setColor] = useState(tag.color);
  const [description, setDescription] = useState(tag.description);
  const [mergeInto, setMergeInto] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<null | { kind: 'delete'; message: string } | { kind: 'merge'; target: Tag }>(null);
  const [busy, setBusy] = useState(false);
  const excluded = useMemo(() => subtreeIds(tags, tag.id), [tags, tag.id]);
  const children = tags.filter((t) => t.parentId === tag.id);
  const total = node ? subtreeCount(node) : tag.count;

  // The codebook refreshed (after undo, say): show the tag as it now is.
  useEffect(() => {
    setName(tag.name);
    setParent(tag.parentId ? String(tag.parentId) : '');
    setColor(tag.color);
    setDescription(tag.description);
  }, [tag.name, tag.parentId, tag.color, tag.description]);

  const run = async (what: string, step: () => Promise<void>) => {
    setBusy(true);
    try {
      await step();
      setError(null);
    } catch (e) {
      setError(describeError(e, what));
    } finally {
      setBusy(false);
    }
  };

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    void run('save the tag', async () => {
      const done = await tagActions.edit(tag, { name, parentId: parent ? Number(parent) : null, color, description });
      if (done) notify(`Saved tag “${done.name}”.`);
    });
  };

  const merge = (target: Tag) =>
    run('merge the tags', async () => {
      const { undoable } = await tagActions.merge(tag, target, children);
      notify(`Merged “${tag.name}” into “${target.name}”.${undoable ? '' : ' This merge cannot be undone.'}`);
      navigate({ view: 'tags', tagId: target.id }, { replace: true });
      onMerged(target);
    });

  const remove = (force: boolean) =>
    run('delete the tag', async () => {
      try {
        const result = await tagActions.remove(tag, children.length > 0, force);
        notify(`Deleted tag “${tag.name}”${result.annotationsAffected ? ` from ${result.annotationsAffected} passage${result.annotationsAffected === 1 ? '' : 's'}` : ''}.`);
        navigate({ view: 'tags' }, { replace: true });
        onDeleted();
      } catch (e) {
        if (e instanceof ApiError && e.code === 'in_use') setConfirm({ kind: 'delete', message: e.message });
        else throw e;
      }
    });

  return (
    <div className="tag-editor">
      <h2>
        <span className="swatch swatch--large" style={{ background: tag.color }} aria-hidden="true" /> {tag.path.join(' / ')}
      </h2>
      <p className="muted">
        {tag.count} passage{tag.count === 1 ? '' : 's'}
        {total !== tag.count ? `, ${total} with its subtags` : ''} ·{' '}
        <button type="button" className="link-button" onClick={() => navigate({ view: 'passages', tagIds: [tag.id], match: 'any' })}>
          Show passages
        </button>{' '}
        ·{' '}
        <button type="button" className="link-button" onClick={() => navigate({ view: 'library', sort: 'date', order: 'desc', tagId: tag.id })}>
          Show articles
        </button>
      </p>
      <form className="stack" onSubmit={save} aria-label={`Edit tag ${tag.name}`}>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
        </label>
        <label>
          Parent
          <select value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">(top level)</option>
            {parentOptions(tags, excluded)}
          </select>
        </label>
        <label className="inline">
          Colour
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
          <code>{color}</code>
        </label>
        <label>
          Description
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={10_000} />
        </label>
        <div className="button-row">
          {/* Not disabled while saving: the focus would leave the editor for the page. */}
          <button type="submit" className="primary" aria-busy={busy}>
            Save changes
          </button>
        </div>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="tag-editor__section">
        <h3>Merge</h3>
        <div className="inline-form">
          <label>
            Merge into
            <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
              <option value="">Choose a tag…</option>
              {parentOptions(tags, new Set([tag.id]))}
            </select>
          </label>
          {/* Neither button is disabled while busy: a disabled button loses the focus to the page. */}
          <button
            type="button"
            disabled={!mergeInto}
            aria-disabled={busy}
            onClick={() => {
              if (busy) return;
              const target = tags.find((t) => String(t.id) === mergeInto);
              if (target) setConfirm({ kind: 'merge', target });
            }}
          >
            Merge
          </button>
        </div>
      </div>
      <div className="tag-editor__section">
        <h3>Use</h3>
        <div className="button-row">
          <button type="button" onClick={() => openExport({ tagIds: [tag.id], label: `tag “${tag.name}”` })}>
            Export…
          </button>
          <button
            type="button"
            className="danger"
            aria-disabled={busy}
            onClick={() => {
              if (busy) return;
              // A subtree goes with its tag: ask first even when nothing is tagged with it.
              if (children.length) setConfirm({ kind: 'delete', message: `“${tag.name}” has ${children.length} subtag${children.length === 1 ? '' : 's'}; they are deleted with it.` });
              else void remove(false);
            }}
          >
            Delete tag…
          </button>
        </div>
      </div>
      {confirm?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete tag “${tag.name}”?`}
          message={
            <>
              <p>{confirm.message}</p>
              <p>
                The passages stay; they lose this tag{children.length ? ' and its subtags' : ''}. This cannot be undone.
              </p>
            </>
          }
          confirmLabel="Yes, delete"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void remove(true);
          }}
        />
      )}
      {confirm?.kind === 'merge' && (
        <ConfirmDialog
          title={`Merge “${tag.name}” into “${confirm.target.name}”?`}
          message={
            <p>
              Its {tag.count} passage{tag.count === 1 ? '' : 's'} will carry “{confirm.target.path.join(' / ')}” instead, and “{tag.name}” leaves the codebook.
            </p>
          }
          confirmLabel="Yes, merge"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const target = confirm.target;
            setConfirm(null);
            void merge(target);
          }}
        />
      )}
    </div>
  );
}
