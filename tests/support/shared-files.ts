import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedDir } from './corpus.js';

// File access for the tests of shared/, which itself may not import Node: they reach the team
// corpus and the project's fixtures through here.

/// A file of the team folder (`../shared/…`), as UTF-8 text.
export function readShared(relative: string): string {
  return readFileSync(join(sharedDir, relative), 'utf8');
}

/// A file of this repository, as UTF-8 text.
export function readRepo(relative: string): string {
  return readFileSync(join(repoRoot, relative), 'utf8');
}

/// The file names in a folder of the team folder.
export function listShared(relative: string): string[] {
  return readdirSync(join(sharedDir, relative));
}

/// A corpus file as an article stores its text: NFC, the seed header line dropped.
export function corpusText(relative: string): string {
  const raw = readShared(relative).normalize('NFC');
  return (raw.startsWith(' date ') ? raw.slice(raw.indexOf('\n') + 1) : raw).replace(/\n+$/, '');
}
