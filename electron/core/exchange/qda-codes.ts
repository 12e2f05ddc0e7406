import type { LibraryWriter } from './library-writer.js';

type Node = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/// `#RGB` or `#RRGGBB` as `#rrggbb`; anything else is no colour.
export function qdaColor(c: unknown): string | undefined {
  if (typeof c !== 'string') return undefined;
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((x) => x + x).join('') : m[1];
  return `#${hex.toLowerCase()}`;
}

/// Codes (nested `<Code>` elements) become tags with their hierarchy, colours and descriptions.
/// ATLAS.ti writes its code groups as `Group::Code` names rather than nesting; those become a
/// parent and a child too. Returns the tag id of every code GUID.
export function importCodes(writer: LibraryWriter, codes: Node[]): Map<string, number> {
  const ids = new Map<string, number>();
  const visit = (code: Node, parent: string[]) => {
    const name = String(code.name ?? '').trim() || '(unnamed code)';
    const path = [...parent, ...name.split('::').map((s) => s.trim()).filter(Boolean)];
    const guid = String(code.guid ?? '').replace(/[{}]/g, '').toLowerCase();
    const description = typeof code.Description === 'string' ? code.Description.trim() : undefined;
    const id = writer.tagPath(path, { uid: guid || undefined, color: qdaColor(code.color), description });
    if (guid) ids.set(guid, id);
    for (const child of asArray(code.Code as Node | Node[])) visit(child, path);
  };
  for (const c of codes) visit(c, []);
  return ids;
}
