import type { CallArgs } from '../../../shared/contract/index.js';
import type { Collection } from '../../../shared/model.js';
import { passageSelection } from '../annotations/passages.js';
import type { Library } from '../db/open.js';
import { QalamError } from '../errors.js';

/// How a query matches scripts, as the `search` call takes it.
export type SearchScript = CallArgs<'search'>['script'];

/// Every hit of a query, as article ids in rank order, matching scripts as @script says.
/// Collections get it from the search module; tests may pass their own.
export type SearchAll = (query: string, script: SearchScript) => number[] | Promise<number[]>;

interface Row {
  id: number;
  name: string;
  description: string;
  query: string | null;
  script: SearchScript;
  createdAt: string;
}

const SELECT = 'SELECT id, name, description, query, script, created_at AS createdAt FROM collections';

function row(lib: Library, id: number): Row {
  const r = lib.stmt(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!r) throw new QalamError('not_found', `There is no collection ${id}.`);
  return r;
}

/// Names compared as people read them: NFC, case folded in every script (SQLite's NOCASE folds
/// only ASCII, which would let `Тадқиқот` and `ТАДҚИҚОТ` be two collections).
const nameKey = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('und');

/// The collection whose name is `name` (case does not matter), if any.
function collectionNamed(lib: Library, name: string): number | undefined {
  const key = nameKey(name);
  const rows = lib.stmt('SELECT id, name FROM collections').all() as { id: number; name: string }[];
  return rows.find((r) => nameKey(r.name) === key)?.id;
}

/// A collection's name as stored: NFC, trimmed; refused when empty or holding control
/// characters, which would garble every list and terminal it is shown in.
function cleanCollectionName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (!name) throw new QalamError('bad_input', 'A collection needs a name.');
  if (/\p{Cc}/u.test(name)) throw new QalamError('bad_input', 'A collection name cannot contain control characters.');
  return name;
}

/// A collection by name (case does not matter), as the CLI names them.
export function findCollectionByName(lib: Library, name: string): { id: number } {
  const id = collectionNamed(lib, name);
  const r = id === undefined ? undefined : { id };
  if (!r) throw new QalamError('not_found', `There is no collection named "${name}".`);
  return r;
}

function manualIds(lib: Library, id: number): number[] {
  return lib.stmt('SELECT article_id FROM collection_articles WHERE collection_id = ? ORDER BY added_at, article_id').pluck().all(id) as number[];
}

/// The articles of a collection: those added by hand and, for a saved search, the query's hits as
/// they are now (a saved search is evaluated when it is read, so its members follow the library).
export async function collectionArticleIds(lib: Library, id: number, searchAll: SearchAll): Promise<number[]> {
  const r = row(lib, id);
  const ids = manualIds(lib, id);
  if (r.query) {
    const seen = new Set(ids);
    for (const hit of await searchAll(r.query, r.script)) if (!seen.has(hit)) (ids.push(hit), seen.add(hit));
  }
  return ids;
}

async function toCollection(lib: Library, r: Row, searchAll: SearchAll): Promise<Collection> {
  const count = r.query
    ? (await collectionArticleIds(lib, r.id, searchAll)).length
    : (lib.stmt('SELECT count(*) FROM collection_articles WHERE collection_id = ?').pluck().get(r.id) as number);
  return { ...r, count };
}

export async function getCollection(lib: Library, id: number, searchAll: SearchAll): Promise<Collection> {
  return toCollection(lib, row(lib, id), searchAll);
}

export async function listCollections(lib: Library, searchAll: SearchAll): Promise<Collection[]> {
  const rows = lib.stmt(`${SELECT} ORDER BY title_sort_key(name), name, id`).all() as Row[];
  const out: Collection[] = [];
  for (const r of rows) out.push(await toCollection(lib, r, searchAll));
  return out;
}

function checkNameFree(lib: Library, name: string, except?: number): void {
  const other = collectionNamed(lib, name);
  if (other !== undefined && other !== except) throw new QalamError('conflict', `A collection named "${name}" already exists.`);
}

/// Create a collection; with a query it is a saved search, kept with how it matches scripts so it
/// finds later what the search it was saved from found. The query is checked by running it once,
/// so a mistake in it is reported now rather than every time the collection is read.
export async function createCollection(
  lib: Library,
  args: { name: string; description?: string; query?: string; script?: SearchScript },
  searchAll: SearchAll,
): Promise<Collection> {
  const name = cleanCollectionName(args.name);
  checkNameFree(lib, name);
  const query = args.query?.trim() || null;
  // A script mode means nothing without a query; such a collection keeps the default.
  const script = query ? (args.script ?? 'any') : 'any';
  if (query) await searchAll(query, script);
  const id = Number(
    lib
      .stmt('INSERT INTO collections (name, description, query, script, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, args.description ?? '', query, script, new Date().toISOString()).lastInsertRowid,
  );
  return getCollection(lib, id, searchAll);
}

/// Add articles by id (every id must exist: a typo adds nothing), every hit of a query (matching
/// scripts as `script` says), or every article with a passage of a tag (or of one of its
/// descendants). Returns how many were new.
export async function addToCollection(
  lib: Library,
  args: { id: number; articleIds?: number[]; query?: string; script?: SearchScript; tagId?: number },
  searchAll: SearchAll,
): Promise<number> {
  row(lib, args.id);
  if (!args.articleIds?.length && !args.query && args.tagId === undefined) {
    throw new QalamError('bad_input', 'Say what to add: article ids, a query or a tag.');
  }
  const ids: number[] = [];
  if (args.articleIds?.length) {
    const exists = lib.stmt('SELECT 1 FROM articles WHERE id = ?').pluck();
    const missing = args.articleIds.filter((a) => exists.get(a) === undefined);
    if (missing.length) {
      throw new QalamError('not_found', `No article with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}; nothing was added.`);
    }
    ids.push(...args.articleIds);
  }
  if (args.query) ids.push(...(await searchAll(args.query, args.script ?? 'any')));
  if (args.tagId !== undefined) {
    if (lib.stmt('SELECT 1 FROM tags WHERE id = ?').get(args.tagId) === undefined) throw new QalamError('not_found', `There is no tag ${args.tagId}.`);
    // The articles with passages of the tag, by the rule the Passages view lists them with.
    const tagged = passageSelection({ tagIds: [args.tagId], match: 'any' });
    ids.push(
      ...(lib
        .stmt(`SELECT DISTINCT article_id FROM (${tagged.sql}) ORDER BY article_id`)
        .pluck()
        .all(tagged.params) as number[]),
    );
  }
  const insert = lib.stmt('INSERT OR IGNORE INTO collection_articles (collection_id, article_id, added_at) VALUES (?, ?, ?)');
  const now = new Date().toISOString();
  return lib.db.transaction(() => {
    let added = 0;
    for (const a of ids) added += insert.run(args.id, a, now).changes;
    return added;
  })();
}

/// Remove articles added by hand; returns how many were members. (The hits of a saved search
/// follow its query: change the query to change them.)
export async function removeFromCollection(lib: Library, args: { id: number; articleIds: number[] }): Promise<number> {
  row(lib, args.id);
  const del = lib.stmt('DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?');
  return lib.db.transaction(() => args.articleIds.reduce((n, a) => n + del.run(args.id, a).changes, 0))();
}

export function renameCollection(lib: Library, args: { id: number; name: string; description?: string }): void {
  const r = row(lib, args.id);
  const name = cleanCollectionName(args.name);
  checkNameFree(lib, name, r.id);
  lib.stmt('UPDATE collections SET name = ?, description = ? WHERE id = ?').run(name, args.description ?? r.description, r.id);
}

export function deleteCollection(lib: Library, id: number): boolean {
  return lib.stmt('DELETE FROM collections WHERE id = ?').run(id).changes > 0;
}
