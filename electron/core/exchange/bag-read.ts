import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { QalamError } from '../errors.js';

/// A bag's files by their path inside the bag (`data/…`, `bagit.txt`…).
export type BagFiles = Map<string, Uint8Array>;

/// Read a bag from a folder or a zip (whose single top folder is the bag).
export function readBag(path: string): BagFiles {
  const files: BagFiles = new Map();
  if (statSync(path).isDirectory()) {
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) files.set(relative(path, p).split(sep).join('/'), readFileSync(p));
      }
    };
    walk(path);
  } else {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(readFileSync(path));
    } catch (e) {
      throw new QalamError('bad_input', `${path} is neither a bag folder nor a zip (${(e as Error).message}).`);
    }
    const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
    const tops = new Set(names.map((n) => n.split('/')[0]));
    const prefix = tops.size === 1 && names.every((n) => n.includes('/')) ? `${[...tops][0]}/` : '';
    for (const n of names) files.set(n.slice(prefix.length), entries[n]);
  }
  if (!files.has('bagit.txt')) throw new QalamError('bad_input', `${path} is not a BagIt bag (no bagit.txt at its top).`);
  return files;
}

/// Check every payload file against the strongest manifest the bag has; a bag that fails is
/// refused whole, before anything is imported.
export function verifyBag(files: BagFiles, name: string): void {
  const algorithm = ['sha512', 'sha256', 'sha1', 'md5'].find((a) => files.has(`manifest-${a}.txt`));
  if (!algorithm) throw new QalamError('bad_input', `${name} has no payload manifest; it is not a complete bag.`);
  const listed = new Set<string>();
  const manifest = new TextDecoder().decode(files.get(`manifest-${algorithm}.txt`)!);
  for (const line of manifest.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const m = /^([0-9a-fA-F]+)\s+\*?(.+)$/.exec(line);
    if (!m) throw new QalamError('bad_input', `${name}: manifest-${algorithm}.txt has a malformed line: ${line.slice(0, 80)}`);
    const p = m[2].replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
    const data = files.get(p);
    if (!data) throw new QalamError('bad_input', `${name}: the manifest lists ${p}, which is not in the bag; it was not imported.`);
    if (createHash(algorithm).update(data).digest('hex') !== m[1].toLowerCase()) {
      throw new QalamError('bad_input', `${name}: ${p} does not match its ${algorithm} checksum (the bag is damaged); it was not imported.`);
    }
    listed.add(p);
  }
  for (const p of files.keys()) {
    if (p.startsWith('data/') && !listed.has(p)) throw new QalamError('bad_input', `${name}: ${p} is in the payload but not in the manifest; it was not imported.`);
  }
}
