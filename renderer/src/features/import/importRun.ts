// One import as the dialog runs it: a job for paths from this machine, or files sent from the
// browser in parts, each part a job of its own. The person can stop it at any point; what came
// in before the stop stays (the core commits whole files only), so the run always ends with the
// totals so far, whether it finished, was stopped or failed on the way.
import type { ImportFailure, ImportSummary, JobStatus } from '../../../../shared/model.js';
import { followJob, JobFollowAborted } from '../../app/jobs.js';
import { batchBySize, bytesToBase64 } from './base64.js';
import { mergeSummaries, type ImportTotals } from './summary.js';

/// The library calls an import needs (the app's `api`, or a stand-in in tests).
export interface ImportCalls {
  importPaths(input: { paths: string[] }): Promise<{ jobId: string }>;
  importUpload(input: { files: { name: string; dataBase64: string }[] }): Promise<{ jobId: string }>;
  jobStatus(input: { id: string }): Promise<JobStatus>;
  cancelJob(input: { id: string }): Promise<unknown>;
}

/// A file the browser gave (a `File`; only what the upload reads).
export interface UploadFile {
  name: string;
  size: number;
  webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/// How an import ended. `totals` is what came in; on failure it is null when nothing was
/// finished before the error.
export type ImportOutcome =
  | { kind: 'done'; totals: ImportTotals }
  | { kind: 'stopped'; totals: ImportTotals }
  | { kind: 'failed'; error: unknown; totals: ImportTotals | null };

export interface ImportRunOptions {
  /// Where the run is: a step in words and the job's latest status (null before it has one).
  onStep: (step: string, status: JobStatus | null) => void;
  /// Stop following (the dialog closed): the run rejects with JobFollowAborted.
  signal?: AbortSignal;
  /// Bytes of files per upload part (before base64).
  batchBytes: number;
  intervalMs?: number;
}

/// One import, started with `paths` or `upload` and stopped with `stop`.
export class ImportRun {
  private stopAsked = false;
  /// The job now running, to cancel on stop.
  private jobId: string | null = null;

  constructor(
    private readonly calls: ImportCalls,
    private readonly options: ImportRunOptions,
  ) {}

  /// Whether stop was asked for.
  get stopping(): boolean {
    return this.stopAsked;
  }

  /// Stop the import: the job running now is cancelled and no further part is sent.
  async stop(): Promise<void> {
    if (this.stopAsked) return;
    this.stopAsked = true;
    if (this.jobId !== null) await this.cancel(this.jobId);
  }

  /// Import paths on this machine as one job.
  async paths(paths: string[]): Promise<ImportOutcome> {
    const step = 'Importing…';
    try {
      this.options.onStep(step, null);
      const { jobId } = await this.calls.importPaths({ paths });
      return this.ended([await this.follow(jobId, step)], [], 0);
    } catch (e) {
      if (e instanceof JobFollowAborted) throw e;
      return { kind: 'failed', error: e, totals: null };
    }
  }

  /// Send files from the browser in parts of at most `batchBytes`, each imported as its own job.
  async upload(files: readonly UploadFile[]): Promise<ImportOutcome> {
    const batches = batchBySize(files, this.options.batchBytes);
    const summaries: ImportSummary[] = [];
    const unreadable: ImportFailure[] = [];
    let unsent = 0;
    try {
      for (const [i, batch] of batches.entries()) {
        if (this.stopAsked) {
          unsent += batch.length;
          continue;
        }
        const several = batches.length > 1;
        this.options.onStep(several ? `Sending part ${i + 1} of ${batches.length}…` : 'Sending the files…', null);
        const payload: { name: string; dataBase64: string }[] = [];
        for (const f of batch) {
          const name = f.webkitRelativePath || f.name;
          try {
            payload.push({ name, dataBase64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) });
          } catch {
            unreadable.push({ path: name, error: 'The browser could not read this file.' });
          }
        }
        // Stopped while the part was being read: it is not sent at all.
        if (this.stopAsked) {
          unsent += payload.length;
          continue;
        }
        if (!payload.length) continue;
        const { jobId } = await this.calls.importUpload({ files: payload });
        summaries.push(await this.follow(jobId, several ? `Importing part ${i + 1} of ${batches.length}…` : 'Importing…'));
      }
    } catch (e) {
      if (e instanceof JobFollowAborted) throw e;
      // Parts that finished are in the library: say so with the error.
      const totals = summaries.length ? mergeSummaries(summaries) : null;
      totals?.failed.push(...unreadable);
      return { kind: 'failed', error: e, totals };
    }
    return this.ended(summaries, unreadable, unsent);
  }

  private ended(summaries: ImportSummary[], unreadable: ImportFailure[], unsent: number): ImportOutcome {
    const totals = mergeSummaries(summaries);
    totals.failed.push(...unreadable);
    totals.notReached += unsent;
    // A stop that came after the last file was read changed nothing: the import simply finished.
    return { kind: this.stopAsked && totals.notReached > 0 ? 'stopped' : 'done', totals };
  }

  /// Follow a job to its summary; a job started after stop was asked (its request was already
  /// on the way) is cancelled at once, and still followed, for what it did before it stopped.
  private async follow(jobId: string, step: string): Promise<ImportSummary> {
    this.jobId = jobId;
    try {
      if (this.stopAsked) await this.cancel(jobId);
      const final = await followJob(jobId, (id) => this.calls.jobStatus({ id }), {
        signal: this.options.signal,
        intervalMs: this.options.intervalMs,
        onProgress: (status) => this.options.onStep(this.stopAsked ? 'Stopping…' : step, status),
      });
      return final.result as ImportSummary;
    } finally {
      this.jobId = null;
    }
  }

  private async cancel(jobId: string): Promise<void> {
    try {
      await this.calls.cancelJob({ id: jobId });
    } catch {
      // The job may have finished in the meantime; following it will tell.
    }
  }
}
