import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../../shared/model.js';
import { describeFailure, QalamError } from './errors.js';

/// What a running job reports; cheap to call often (the registry keeps only the latest figures).
export interface JobProgress {
  (done: number, total: number, message?: string): void;
}

export interface JobControl {
  progress: JobProgress;
  /// Set when the user asked to stop; long loops check it between steps.
  readonly signal: AbortSignal;
}

interface Entry {
  status: JobStatus;
  controller: AbortController;
  finished?: Promise<void>;
}

/// Long work (imports, exports) runs as a job the caller can follow by id, so every transport
/// can show progress by asking, with no event channel of its own.
export class JobRegistry {
  private readonly jobs = new Map<string, Entry>();

  start<T>(kind: string, work: (job: JobControl) => Promise<T>): string {
    const id = randomUUID();
    const controller = new AbortController();
    const status: JobStatus = { id, kind, state: 'running', done: 0, total: 0, message: '' };
    const entry: Entry = { status, controller };
    this.jobs.set(id, entry);
    const control: JobControl = {
      signal: controller.signal,
      progress(done, total, message) {
        status.done = done;
        status.total = total;
        if (message !== undefined) status.message = message;
      },
    };
    entry.finished = (async () => {
      // Let the caller receive the job id before any synchronous work starts.
      await new Promise((r) => setImmediate(r));
      try {
        status.result = await work(control);
        status.state = 'done';
      } catch (e) {
        status.state = 'failed';
        status.error = describeFailure(e);
      }
    })();
    this.prune();
    return id;
  }

  status(id: string): JobStatus {
    const entry = this.jobs.get(id);
    if (!entry) throw new QalamError('not_found', `No job ${id}.`);
    return { ...entry.status };
  }

  cancel(id: string): boolean {
    const entry = this.jobs.get(id);
    if (!entry || entry.status.state !== 'running') return false;
    entry.controller.abort();
    return true;
  }

  /// Resolves when the job has finished, whatever its outcome (tests and the CLI wait on it).
  async wait(id: string): Promise<JobStatus> {
    const entry = this.jobs.get(id);
    if (!entry) throw new QalamError('not_found', `No job ${id}.`);
    await entry.finished;
    return this.status(id);
  }

  /// Keep the last finished jobs only; a long session must not grow without bound.
  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.status.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - 50))) this.jobs.delete(e.status.id);
  }
}
