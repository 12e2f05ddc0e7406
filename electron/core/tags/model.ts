// The codebook: tags in a tree, each with a colour, a description and the annotations that
// carry it. Functions take the library first and leave the transaction to the caller, so
// imports and exports can compose them with their own writes.

import { randomUUID } from 'node:crypto';
import type { Tag } from '../../../shared/model.js';
import { isWellFormedText } from '../../../shared/text/index.js';
import { titleSortKey } from '../../../shared/text/sort-key.js';
import type { Library } from '../db/open.js';
import { badInput, notFound, QalamError } from '../errors.js';
import { nextTagColor } from './palette.js';

interface TagRow {
  id: number;
  uid: string;
  name: string;
  parent_id: number | null;
  color: string;
  description: string;
}

const TAG_COLUMNS = 'id, uid, name, parent_id, color, description';
const MAX_NAME = 200;

/// Separates a parent's name from a child's in a tag path, as in `Economy/Trade`.
export const PATH_SEPARATOR = '/';

/// Names are compared without regard to case in every script (SQLite's NOCASE folds only
/// ASCII, which would let `Россия` and `россия` live side by side as siblings).
function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase('und') === b.normalize('NFC').toLocaleLowerCase('und');
}

/// A tag name as stored: NFC, trimmed (of invisible format characters too), inner white space
/// collapsed; refused when empty, too long (in characters as people count them, not UTF-16
/// units), holding the path separator, or holding what would make two names look alike or
/// scramble a list: control characters, text-direction overrides, no visible character at all.
export function cleanTagName(raw: string): string {
  if (!isWellFormedText(raw)) throw badInput('A tag name must be valid Unicode text (it holds half of a character pair).');
  if (DIRECTION_CONTROLS.test(raw)) throw badInput('A tag name cannot contain text-direction controls (U+202A–U+202E, U+2066–U+2069).');
  const name = raw.normalize('NFC').replace(EDGE_INVISIBLES, '').replace(/\s+/g, ' ');
  if (!name) throw badInput('A tag needs a name.');
  if ([...name].length > MAX_NAME) throw badInput(`A tag name is at most ${MAX_NAME} characters long.`);
  if (name.includes(PATH_SEPARATOR)) throw badInput(`A tag name cannot contain "${PATH_SEPARATOR}": it separates a parent from its child.`);
  if (/\p{Cc}/u.test(name)) throw badInput('A tag name cannot contain control characters.');
  if (!VISIBLE.test(name)) throw badInput('A tag name needs at least one visible letter, digit or sign.');
  return name;
}

/// White space and invisible format characters (zero-width space, joiners, marks) at either end:
/// `Places` and `Places` + U+200B would otherwise be two tags no one can tell apart.
const EDGE_INVISIBLES = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;
/// Embeddings, overrides and isolates: they reorder the text after them wherever the name is shown.
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
/// A character that shows: not white space, a format character or a combining mark alone.
const VISIBLE = /[^\s\p{Cf}\p{Mn}\p{Me}]/u;

function cleanColor(raw: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(raw)) throw badInput(`A colour is written #rrggbb, not "${raw}".`);
  return raw.toLowerCase();
}

function row(lib: Library, id: number): TagRow | undefined {
  return lib.stmt(`SELECT ${TAG_COLUMNS} FROM tags WHERE id = ?`).get(id) as TagRow | undefined;
}

function requireRow(lib: Library, id: number): TagRow {
  const r = row(lib, id);
  if (!r) throw notFound(`There is no tag with id ${id}.`);
  return r;
}

function children(lib: Library, parentId: number | null): TagRow[] {
  return parentId === null
    ? (lib.stmt(`SELECT ${TAG_COLUMNS} FROM tags WHERE parent_id IS NULL`).all() as TagRow[])
    : (lib.stmt(`SELECT ${TAG_COLUMNS} FROM tags WHERE parent_id = ?`).all(parentId) as TagRow[]);
}

function siblingNamed(lib: Library, parentId: number | null, name: string, except?: number): TagRow | undefined {
  return children(lib, parentId).find((t) => t.id !== except && sameName(t.name, name));
}

/// The ids of a tag and everything below it.
export function subtreeIds(lib: Library, id: number): number[] {
  const rows = lib
    .stmt('WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub')
    .all(id) as { id: number }[];
  return rows.map((r) => r.id);
}

/// Names from the root down to the tag.
function pathOf(lib: Library, r: TagRow): string[] {
  const path = [r.name];
  const seen = new Set([r.id]);
  for (let p = r.parent_id; p !== null; ) {
    const parent = requireRow(lib, p);
    if (seen.has(parent.id)) break; // a cycle cannot be made through this module; do not hang on one
    seen.add(parent.id);
    path.unshift(parent.name);
    p = parent.parent_id;
  }
  return path;
}

function countOf(lib: Library, id: number): number {
  return (lib.stmt('SELECT COUNT(*) AS n FROM annotation_tags WHERE tag_id = ?').get(id) as { n: number }).n;
}

function toTag(r: TagRow, path: string[], count: number): Tag {
  return { id: r.id, uid: r.uid, name: r.name, parentId: r.parent_id, path, color: r.color, description: r.description, count };
}

/// One tag with its path and count, or null.
export function findTag(lib: Library, id: number): Tag | null {
  const r = row(lib, id);
  return r ? toTag(r, pathOf(lib, r), countOf(lib, id)) : null;
}

/// One tag with its path and count; `not_found` when there is none.
export function getTag(lib: Library, id: number): Tag {
  const r = requireRow(lib, id);
  return toTag(r, pathOf(lib, r), countOf(lib, id));
}

/// A tag's path as the CLI and `tagNames` write it: `Parent/Child`.
export function tagPathString(tag: Pick<Tag, 'path'>): string {
  return tag.path.join(PATH_SEPARATOR);
}

/// The whole codebook in tree order (each parent before its children, siblings by name), with
/// the number of annotations that carry each tag.
export function listTags(lib: Library): Tag[] {
  const rows = lib.stmt(`SELECT ${TAG_COLUMNS} FROM tags`).all() as TagRow[];
  const counts = new Map<number, number>();
  for (const c of lib.stmt('SELECT tag_id, COUNT(*) AS n FROM annotation_tags GROUP BY tag_id').all() as { tag_id: number; n: number }[]) {
    counts.set(c.tag_id, c.n);
  }
  const byParent = new Map<number | null, TagRow[]>();
  for (const r of rows) {
    const list = byParent.get(r.parent_id) ?? [];
    list.push(r);
    byParent.set(r.parent_id, list);
  }
  const order = new Map(rows.map((r) => [r.id, titleSortKey(r.name)]));
  const out: Tag[] = [];
  const walk = (parentId: number | null, path: string[]) => {
    // Siblings in the order titles take (shared/text/sort-key.ts), as exports list them.
    const kids = (byParent.get(parentId) ?? []).sort((a, b) => {
      const ka = order.get(a.id)!;
      const kb = order.get(b.id)!;
      return ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
    });
    for (const r of kids) {
      const p = [...path, r.name];
      out.push(toTag(r, p, counts.get(r.id) ?? 0));
      walk(r.id, p);
    }
  };
  walk(null, []);
  return out;
}

/// What `createTag` needs; the colour defaults to the least used of the palette.
export interface NewTag {
  name: string;
  parentId?: number | null;
  color?: string;
  description?: string;
  /// Given by imports that carry a tag's identity from another library.
  uid?: string;
}

/// Add a tag; `conflict` when its parent already has a child of that name.
export function createTag(lib: Library, input: NewTag): Tag {
  const name = cleanTagName(input.name);
  const parentId = input.parentId ?? null;
  if (parentId !== null) requireRow(lib, parentId);
  const clash = siblingNamed(lib, parentId, name);
  if (clash) {
    throw new QalamError('conflict', `There is already a tag "${tagPathString({ path: pathOf(lib, clash) })}".`);
  }
  const uid = input.uid ?? `urn:uuid:${randomUUID()}`;
  if (lib.stmt('SELECT 1 FROM tags WHERE uid = ?').get(uid)) throw new QalamError('conflict', `A tag with uid ${uid} already exists.`);
  const color = input.color === undefined ? nextTagColor(lib) : cleanColor(input.color);
  const info = lib
    .stmt('INSERT INTO tags (uid, name, parent_id, color, description, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(uid, name, parentId, color, input.description ?? '', new Date().toISOString());
  return getTag(lib, Number(info.lastInsertRowid));
}

/// What `updateTag` may change; what is left out stays as it is.
export interface TagChanges {
  name?: string;
  /// null moves the tag to the top level; undefined leaves it where it is.
  parentId?: number | null;
  color?: string;
  description?: string;
}

/// Rename, move, re-colour or describe a tag. Moving a tag under itself or one of its own
/// descendants is refused (`bad_input`), as is a name its new siblings already use (`conflict`).
export function updateTag(lib: Library, id: number, changes: TagChanges): Tag {
  const current = requireRow(lib, id);
  const name = changes.name === undefined ? current.name : cleanTagName(changes.name);
  const parentId = changes.parentId === undefined ? current.parent_id : changes.parentId;
  if (parentId !== null && parentId !== current.parent_id) {
    const parent = requireRow(lib, parentId);
    if (subtreeIds(lib, id).includes(parentId)) {
      throw badInput(
        parentId === id
          ? `A tag cannot be its own parent ("${current.name}").`
          : `"${current.name}" cannot move under "${tagPathString({ path: pathOf(lib, parent) })}", which is inside it.`,
      );
    }
  }
  const clash = siblingNamed(lib, parentId, name, id);
  if (clash) {
    throw new QalamError('conflict', `There is already a tag "${tagPathString({ path: pathOf(lib, clash) })}".`);
  }
  const color = changes.color === undefined ? current.color : cleanColor(changes.color);
  const description = changes.description ?? current.description;
  lib.stmt('UPDATE tags SET name = ?, parent_id = ?, color = ?, description = ? WHERE id = ?').run(name, parentId, color, description, id);
  return getTag(lib, id);
}

function touchAnnotationsOf(lib: Library, tagIds: number[], now: string): void {
  lib
    .stmt('UPDATE annotations SET modified_at = ? WHERE id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id IN (SELECT value FROM json_each(?)))')
    .run(now, JSON.stringify(tagIds));
}

/// Fold one tag into another: its annotations take the target (a passage that had both keeps
/// one), its children move under the target (merging with a same-named child there), and the
/// source is removed. Returns the target.
export function mergeTags(lib: Library, sourceId: number, targetId: number): Tag {
  const source = requireRow(lib, sourceId);
  const target = requireRow(lib, targetId);
  if (sourceId === targetId) throw badInput(`A tag cannot be merged into itself ("${source.name}").`);
  if (subtreeIds(lib, sourceId).includes(targetId)) {
    throw badInput(`"${source.name}" cannot be merged into "${target.name}", which is inside it; move "${target.name}" out first.`);
  }
  mergeInto(lib, source, target, new Date().toISOString());
  return getTag(lib, targetId);
}

function mergeInto(lib: Library, source: TagRow, target: TagRow, now: string): void {
  touchAnnotationsOf(lib, [source.id], now);
  lib
    .stmt('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ?')
    .run(target.id, source.id);
  for (const child of children(lib, source.id)) {
    const twin = siblingNamed(lib, target.id, child.name);
    if (twin) mergeInto(lib, child, twin, now);
    else lib.stmt('UPDATE tags SET parent_id = ? WHERE id = ?').run(target.id, child.id);
  }
  lib.stmt('DELETE FROM tags WHERE id = ?').run(source.id);
}

/// What deleting a tag did.
export interface TagDeletion {
  /// Tags removed: the tag and all its descendants.
  deleted: number;
  /// Annotations that lost one or more of those tags (they themselves are kept).
  annotationsAffected: number;
}

/// Delete a tag and its descendants. When annotations carry any of them, this is refused with
/// code `in_use` unless `force`; the annotations themselves always stay.
export function deleteTag(lib: Library, id: number, force = false): TagDeletion {
  const tag = requireRow(lib, id);
  const ids = subtreeIds(lib, id);
  const affected = (
    lib
      .stmt('SELECT COUNT(DISTINCT annotation_id) AS n FROM annotation_tags WHERE tag_id IN (SELECT value FROM json_each(?))')
      .get(JSON.stringify(ids)) as { n: number }
  ).n;
  if (affected > 0 && !force) {
    const below = ids.length - 1;
    const scope = below === 0 ? '' : ` or one of its ${below} sub-tag${below === 1 ? '' : 's'} (which would go too)`;
    // Passages with no other tag would drop out of every tag's list of passages: say how many.
    const untagged = (
      lib
        .stmt(
          `SELECT COUNT(*) AS n FROM annotations an
           WHERE EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = an.id AND t.tag_id IN (SELECT value FROM json_each(?)))
             AND NOT EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = an.id AND t.tag_id NOT IN (SELECT value FROM json_each(?)))`,
        )
        .get(JSON.stringify(ids), JSON.stringify(ids)) as { n: number }
    ).n;
    const bare =
      untagged === 0
        ? ''
        : ` ${untagged === affected ? (affected === 1 ? 'It has' : 'They have') : `${untagged} of them ${untagged === 1 ? 'has' : 'have'}`} no other tag: ` +
          `${untagged === 1 ? 'it stays' : 'they stay'} in ${untagged === 1 ? 'its article' : 'their articles'}, untagged.`;
    throw new QalamError(
      'in_use',
      `"${tag.name}"${scope} is on ${affected} annotation${affected === 1 ? '' : 's'}. Deleting removes the tag from ` +
        `${affected === 1 ? 'it' : 'them'} but keeps the annotations.${bare} Confirm to delete it anyway.`,
    );
  }
  if (affected > 0) touchAnnotationsOf(lib, ids, new Date().toISOString());
  // Children go with their parent through ON DELETE CASCADE, and so do their annotation links.
  lib.stmt('DELETE FROM tags WHERE id = ?').run(id);
  return { deleted: ids.length, annotationsAffected: affected };
}

/// Split `Parent/Child` into clean names.
export function parseTagPath(path: string): string[] {
  const parts = path.split(PATH_SEPARATOR).map((p) => p.normalize('NFC').trim().replace(/\s+/g, ' '));
  if (parts.length === 1 && parts[0] === '') throw badInput('A tag needs a name.');
  if (parts.some((p) => p === '')) throw badInput(`"${path}" is not a tag path: a name is missing between the "${PATH_SEPARATOR}".`);
  return parts.map(cleanTagName);
}

/// The tag a name or `Parent/Child` path means, without creating anything; null when none.
/// A bare name is looked for at the top level first, then anywhere in the tree; when it names
/// several tags deeper down the answer is ambiguous and refused with their paths.
export function findTagByName(lib: Library, ref: string): Tag | null {
  const parts = parseTagPath(ref);
  if (parts.length > 1) {
    let parentId: number | null = null;
    let found: TagRow | undefined;
    for (const part of parts) {
      found = siblingNamed(lib, parentId, part);
      if (!found) return null;
      parentId = found.id;
    }
    return found ? getTag(lib, found.id) : null;
  }
  const top = siblingNamed(lib, null, parts[0]);
  if (top) return getTag(lib, top.id);
  const all = (lib.stmt(`SELECT ${TAG_COLUMNS} FROM tags`).all() as TagRow[]).filter((t) => sameName(t.name, parts[0]));
  if (all.length === 0) return null;
  if (all.length > 1) {
    const paths = all.map((t) => tagPathString({ path: pathOf(lib, t) })).sort();
    throw badInput(`"${ref}" names ${all.length} tags (${paths.join(', ')}); write the one you mean as a path.`);
  }
  return getTag(lib, all[0].id);
}

/// The tag at `Parent/Child`, creating whatever part of the path is missing. A bare name that
/// already names one tag anywhere in the codebook finds that tag.
export function findOrCreateTagPath(lib: Library, path: string): Tag {
  const existing = findTagByName(lib, path);
  if (existing) return existing;
  let parentId: number | null = null;
  let tag: Tag | null = null;
  for (const part of parseTagPath(path)) {
    const found = siblingNamed(lib, parentId, part);
    tag = found ? getTag(lib, found.id) : createTag(lib, { name: part, parentId });
    parentId = tag.id;
  }
  return tag!;
}

/// The ids of the tags a call names by id or by name/path; names are created when missing.
/// Unknown ids are `not_found`. Duplicates are dropped; order is kept.
export function resolveTagRefs(lib: Library, tagIds: readonly number[] = [], tagNames: readonly string[] = []): number[] {
  const ids: number[] = [];
  for (const id of tagIds) {
    requireRow(lib, id);
    ids.push(id);
  }
  for (const name of tagNames) ids.push(findOrCreateTagPath(lib, name).id);
  return [...new Set(ids)];
}
