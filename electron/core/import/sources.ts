import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ImportFailure } from '../../../shared/model.js';

/// One thing to import: a file on disk, or bytes handed over (browser uploads).
export type ImportSource = { kind: 'file'; path: string; size: number } | { kind: 'bytes'; name: string; bytes: Uint8Array };

/// Names that are never articles: version-control and OS litter found in real folders.
const IGNORED = /^(\.git|\.svn|\.hg|node_modules|__MACOSX|\.DS_Store|Thumbs\.db|desktop\.ini)$/i;

/// Expand files and folders (recursively, in a stable order) into the files to import. Paths
/// that do not exist or cannot be read become failures; links are followed once, never in a loop.
export function collectSources(paths: string[]): { sources: ImportSource[]; failed: ImportFailure[] } {
  const sources: ImportSource[] = [];
  const failed: ImportFailure[] = [];
  const seen = new Set<string>();

  const visit = (path: string, top: boolean) => {
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      failed.push({ path, error: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? (e as Error).message})` });
      return;
    }
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path);
      } catch (e) {
        failed.push({ path, error: `cannot list folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
        return;
      }
      for (const name of names.sort()) {
        if (IGNORED.test(name) || (name.startsWith('.') && !top)) continue;
        const child = join(path, name);
        // Hidden files and broken links inside folders are skipped quietly; named paths are not.
        try {
          lstatSync(child);
        } catch {
          continue;
        }
        visit(child, false);
      }
    } else if (st.isFile()) {
      sources.push({ kind: 'file', path, size: st.size });
    } else if (top) {
      failed.push({ path, error: 'not a regular file or folder' });
    }
  };

  for (const p of paths) visit(resolve(p), true);
  return { sources, failed };
}

export function sourceName(source: ImportSource): string {
  return source.kind === 'file' ? source.path : source.name;
}

export function sourceBaseName(source: ImportSource): string {
  return basename(sourceName(source));
}
