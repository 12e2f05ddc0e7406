// The codebook (every tag with its colour and count) as one store the whole app reads, so the
// reader, the tag field and the Tags view never disagree about a tag's name or colour.
import { useSyncExternalStore } from 'react';
import type { Tag } from '../../../shared/model.js';
import { api } from '../api.js';
import { prefetchKey, takePrefetched } from '../boot/prefetch.js';

interface Snapshot {
  tags: Tag[];
  byId: ReadonlyMap<number, Tag>;
  /// Most recently applied tags first: number keys 1–9 apply these.
  recent: number[];
  loaded: boolean;
  /// How many times the codebook has been read again since it was first loaded: each is after a
  /// change to tags or annotations (an edit, undo, redo), which views listing passages follow.
  revision: number;
}

let snapshot: Snapshot = { tags: [], byId: new Map(), recent: [], loaded: false, revision: 0 };
const listeners = new Set<() => void>();

function set(next: Partial<Snapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const l of listeners) l();
}

/// Fetch the codebook again (after any change to tags or annotations).
export async function refreshCodebook(): Promise<void> {
  // The first load may find the call the entry module started (boot/firstScreen.ts).
  const tags = await (takePrefetched<Tag[]>(prefetchKey('listTags', {}))?.promise ?? api.listTags({}));
  const byId = new Map(tags.map((t) => [t.id, t as Tag]));
  set({ tags: tags as Tag[], byId, recent: snapshot.recent.filter((id) => byId.has(id)), loaded: true, revision: snapshot.loaded ? snapshot.revision + 1 : 0 });
}

// Views that mount together share one first load rather than asking once each.
let firstLoad: Promise<void> | null = null;

function loadOnce(): void {
  firstLoad ??= refreshCodebook().catch(() => {
    firstLoad = null;
  });
}

/// Remember that a tag was just used, for the number-key shortcuts.
export function noteTagUsed(tagId: number): void {
  set({ recent: [tagId, ...snapshot.recent.filter((id) => id !== tagId)].slice(0, 9) });
}

/// The codebook now, outside React.
export function codebookSnapshot(): Snapshot {
  return snapshot;
}

/// The codebook; loads it on first use and re-renders when it changes.
export function useCodebook(): Snapshot {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      if (!snapshot.loaded) loadOnce();
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}
