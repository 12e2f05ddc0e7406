import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { QalamError } from '../errors.js';

/// The place an export is written before it is complete: beside the target (same file system,
/// so the final rename is atomic), under a hidden name nobody will mistake for the result.
export class AtomicOutput {
  readonly temp: string;
  private done = false;
  private readonly scratches: string[] = [];

  /// `kind`: a single file, or a folder (an unzipped bag).
  constructor(
    readonly target: string,
    readonly kind: 'file' | 'folder',
  ) {
    const dir = dirname(target);
    mkdirSync(dir, { recursive: true });
    if (existsSync(target)) {
      const isDir = statSync(target).isDirectory();
      if (isDir !== (kind === 'folder')) {
        throw new QalamError('conflict', `${target} exists and is a ${isDir ? 'folder' : 'file'}; choose another path.`);
      }
      if (isDir) throw new QalamError('conflict', `The folder ${target} already exists; an export never writes into an existing folder.`);
    }
    this.temp = join(dir, `.${basename(target)}.partial-${randomBytes(4).toString('hex')}`);
    if (kind === 'folder') mkdirSync(this.temp);
  }

  /// A path for a scratch file of the writer's (a spooled manifest, a zip's directory): beside
  /// the output, so on the same disk, and removed when the output is committed or abandoned.
  scratch(name: string): string {
    const path = `${this.temp}.${name}`;
    this.scratches.push(path);
    return path;
  }

  /// Publish the finished output under its name (replacing an earlier file of that name).
  commit(): void {
    this.removeScratch();
    renameSync(this.temp, this.target);
    this.done = true;
  }

  /// Remove whatever was written; the target is left as it was.
  abort(): void {
    this.removeScratch();
    if (this.done) return;
    rmSync(this.temp, { recursive: true, force: true });
  }

  private removeScratch(): void {
    for (const path of this.scratches.splice(0)) rmSync(path, { force: true });
  }
}
