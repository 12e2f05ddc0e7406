// Where import work is prepared: on a worker thread, so reading, decoding, parsing, folding and
// hashing the next files overlaps the library writing the last ones (on a machine with two cores
// an import runs about as fast as SQLite can write), or on the calling thread for small imports
// and wherever a worker cannot start. Both give the same results, in the order asked.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prepareSource, type PreparedSource } from './prepare.js';
import { sourceSize, type ImportSource } from './sources.js';

/// Prepares batches of sources; results come back in the order of the sources.
export interface Preparer {
  prepare(sources: ImportSource[]): Promise<PreparedSource[]>;
  /// Batches prepared on the worker thread so far (0 when preparing inline).
  readonly threadedBatches: number;
  close(): Promise<void>;
}

/// `auto` uses a worker for imports large enough to pay for starting one.
export type PrepareMode = 'auto' | 'worker' | 'inline';

/// Below these an import is over before a worker would have started.
const WORKER_MIN_FILES = 200;
const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/// Worker threads for a large import: preparing a file costs about as much as writing it, so one
/// worker per spare core, up to two (beyond that the single writer is the limit).
const PREPARE_THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));

/// Messages between the import and its worker.
export interface PrepareRequest {
  id: number;
  sources: ImportSource[];
}
export interface PrepareResponse {
  id: number;
  results: PreparedSource[];
}

/// A preparer for these sources: on a worker thread when `mode` asks for one (or, in `auto`, when
/// the import is large), else inline.
export function openPreparer(mode: PrepareMode, sources: ImportSource[]): Preparer {
  if (mode === 'inline') return inlinePreparer();
  if (mode === 'auto') {
    const bytes = sources.reduce((n, s) => n + sourceSize(s), 0);
    if (sources.length < WORKER_MIN_FILES && bytes < WORKER_MIN_BYTES) return inlinePreparer();
  }
  return workerPreparer();
}

/// A preparer on a worker thread started by `spawn` (tests give one that cannot start).
export function workerPreparer(spawn: () => Worker = spawnPrepareWorker, threads = PREPARE_THREADS): Preparer {
  return new WorkerPreparer(spawn, threads);
}

function inlinePreparer(): Preparer {
  return {
    prepare: async (sources) => sources.map(prepareSource),
    threadedBatches: 0,
    close: async () => {},
  };
}

/// Structured cloning turns Buffers into plain Uint8Arrays: give the blobs back their Buffer view
/// (no copy) for the database driver.
function revive(result: PreparedSource): PreparedSource {
  if (result.ok && result.original.compressed) {
    const c = result.original.compressed as Uint8Array;
    result.original.compressed = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  }
  return result;
}

/// One worker thread and the batches it has been sent, in the order sent.
interface PrepareThread {
  worker: Worker;
  pending: Map<number, { sources: ImportSource[]; resolve: (r: PreparedSource[]) => void }>;
}

class WorkerPreparer implements Preparer {
  private threads: PrepareThread[] = [];
  private nextId = 1;
  threadedBatches = 0;

  constructor(spawn: () => Worker, count: number) {
    for (let i = 0; i < count; i++) {
      const thread: PrepareThread = { worker: spawn(), pending: new Map() };
      thread.worker.on('message', (m: PrepareResponse) => {
        const waiting = thread.pending.get(m.id);
        if (!waiting) return;
        thread.pending.delete(m.id);
        this.threadedBatches++;
        waiting.resolve(m.results.map(revive));
      });
      // A worker that cannot start or dies leaves its batches to this thread: slower, never lost.
      thread.worker.on('error', () => this.prepareHere(thread));
      thread.worker.on('exit', () => this.prepareHere(thread));
      this.threads.push(thread);
    }
  }

  prepare(sources: ImportSource[]): Promise<PreparedSource[]> {
    if (!this.threads.length) return Promise.resolve(sources.map(prepareSource));
    const id = this.nextId++;
    // Batches are of similar size: taking turns keeps the threads equally busy.
    const thread = this.threads[id % this.threads.length];
    return new Promise((resolve) => {
      thread.pending.set(id, { sources, resolve });
      thread.worker.postMessage({ id, sources } satisfies PrepareRequest);
    });
  }

  private prepareHere(thread: PrepareThread): void {
    if (!this.threads.includes(thread)) return;
    this.threads = this.threads.filter((t) => t !== thread);
    void thread.worker.terminate();
    for (const { sources, resolve } of thread.pending.values()) resolve(sources.map(prepareSource));
    thread.pending.clear();
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

/// Start the worker. Built, it is plain JavaScript beside this file; from the TypeScript sources
/// (tests, the CLI in a checkout) the worker first registers tsx's loader, as bin/qalam.js does.
function spawnPrepareWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new Worker(new URL('./prepare-worker.js', here));
  const entry = new URL('./prepare-worker.ts', here).href;
  const loader = tsxLoaderUrl(here);
  return new Worker(`import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

/// The ES module of tsx's registration API, found through tsx's own export map.
function tsxLoaderUrl(from: string): string {
  const pkgPath = createRequire(from).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api'].import.default)).href;
}
