import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ImportFailure } from '../../../shared/model.js';

/// One thing to import: a file on disk, or bytes handed over (browser uploads).
export type ImportSource = { kind: 'file'; path: string; size: number } | { kind: 'bytes'; name: string; bytes: Uint8Array };

/// Names that are never articles: version-control and OS litter found in real folders.
const IGNORED = /^(\.git|\.svn|\.hg|node_modules|__MACOSX|\.DS_Store|Thumbs\.db|desktop\.ini)$/i;

/// Expand files and folders (recursively, in a stable order) into the files to import. Paths
/// that do not exist or cannot be read become failures, and so do broken links inside folders
/// (a file the user meant to import is never dropped quietly); links are followed once, never in
/// a loop. One stat per file: large folders are listed in well under a second.
export function collectSources(paths: string[]): { sources: ImportSource[]; failed: ImportFailure[] } {
  const sources: ImportSource[] = [];
  const failed: ImportFailure[] = [];
  const seen = new Set<string>();

  const visit = (path: string, top: boolean, isLink: boolean) => {
    let st;
    try {
      st = statSync(path, { bigint: false });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? (isLink ? 'broken link (its target does not exist)' : 'no such file or folder') : `cannot read (${code ?? (e as Error).message})`;
      failed.push({ path, error: reason });
      return;
    }
    if (st.isDirectory()) {
      // Only folders can make a loop (through links); files reached twice are duplicates anyway.
      const key = `${st.dev}:${st.ino}`;
      if (seen.has(key)) return;
      seen.add(key);
      let entries;
      try {
        entries = readdirSync(path, { withFileTypes: true });
      } catch (e) {
        failed.push({ path, error: `cannot list folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const name = entry.name;
        if (IGNORED.test(name) || name.startsWith('.')) continue;
        // Sockets, pipes and devices in a folder are not documents.
        if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink()) continue;
        visit(join(path, name), false, entry.isSymbolicLink());
      }
    } else if (st.isFile()) {
      sources.push({ kind: 'file', path, size: st.size });
    } else if (top) {
      failed.push({ path, error: 'not a regular file or folder' });
    }
  };

  for (const p of paths) visit(resolve(p), true, false);
  return { sources, failed };
}

export function sourceName(source: ImportSource): string {
  return source.kind === 'file' ? source.path : source.name;
}

export function sourceBaseName(source: ImportSource): string {
  return basename(sourceName(source));
}

/// How many bytes a source holds (as listed, for files).
export function sourceSize(source: ImportSource): number {
  return source.kind === 'file' ? source.size : source.bytes.length;
}
