import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/// How many libraries the File ▸ Open Recent menu lists.
export const recentLimit = 10;

/// The recently opened libraries, most recent first, kept in a small JSON file in userData.
export class RecentLibraries {
  constructor(private readonly file: string) {}

  list(): string[] {
    try {
      const raw: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (!Array.isArray(raw)) return [];
      return [...new Set(raw.filter((p): p is string => typeof p === 'string' && p.length > 0))].slice(0, recentLimit);
    } catch {
      return [];
    }
  }

  /// Put `path` first (once), keeping the list short.
  add(path: string): string[] {
    const full = resolve(path);
    const next = [full, ...this.list().filter((p) => p !== full)].slice(0, recentLimit);
    this.write(next);
    return next;
  }

  /// Drop a library that could not be opened (moved, deleted), so the menu does not keep offering it.
  remove(path: string): string[] {
    const full = resolve(path);
    const next = this.list().filter((p) => p !== full);
    this.write(next);
    return next;
  }

  clear(): void {
    this.write([]);
  }

  private write(list: string[]): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(list, null, 2));
    renameSync(tmp, this.file);
  }
}
