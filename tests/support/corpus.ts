import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/// The repository root and the team's corpus beside it (`../shared/corpus`, in CI too).
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const sharedDir = join(repoRoot, '..', 'shared');
export const corpusDir = join(sharedDir, 'corpus');
export const corpus = (...parts: string[]) => join(corpusDir, ...parts);
export const seedDir = join(sharedDir, 'seed');

/// A fresh temporary folder, removed by the returned cleanup.
export function tempDir(prefix = 'qalam-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
