import { describe, expect, it } from 'vitest';
import type { ImportSummary, JobStatus } from '../../../../shared/model.js';
import { ImportRun, type ImportCalls, type UploadFile } from './importRun.js';

interface FakeJob {
  files: string[];
  done: number;
  cancelled: boolean;
  /// Fail the job after this many files.
  failAt?: number;
}

/// A library that imports one file per status asked, stops a job when cancelled the way the core
/// does (files not reached are reported as such) and records every call.
function fakeLibrary(options: { failUploadNumber?: number; beforeUpload?: (n: number) => Promise<void> | void; onStatus?: (job: string, done: number) => void } = {}) {
  const jobs = new Map<string, FakeJob>();
  const log: string[] = [];
  let nextJob = 1;
  let nextArticle = 1;
  let uploads = 0;
  const startJob = (files: string[]) => {
    const id = `job-${nextJob++}`;
    jobs.set(id, { files, done: 0, cancelled: false });
    return { jobId: id };
  };
  const summary = (job: FakeJob): ImportSummary => ({
    batchId: 1,
    imported: job.done,
    duplicates: 0,
    failed: job.files.slice(job.done).map((path) => ({ path, error: 'import cancelled before this file' })),
    articleIds: job.files.slice(0, job.done).map(() => nextArticle++),
  });
  const calls: ImportCalls = {
    async importPaths({ paths }) {
      log.push(`importPaths ${paths.join(',')}`);
      return startJob(paths);
    },
    async importUpload({ files }) {
      const n = ++uploads;
      log.push(`importUpload ${files.map((f) => f.name).join(',')}`);
      await options.beforeUpload?.(n);
      if (n === options.failUploadNumber) throw Object.assign(new Error('The Qalam server is not answering.'), { code: 'offline' });
      return startJob(files.map((f) => f.name));
    },
    async jobStatus({ id }) {
      const job = jobs.get(id)!;
      const base: JobStatus = { id, kind: 'import', state: 'running', done: job.done, total: job.files.length, message: '' };
      if (job.cancelled || job.done === job.files.length) return { ...base, state: 'done', result: summary(job) };
      job.done++;
      options.onStatus?.(id, job.done);
      return { ...base, done: job.done };
    },
    async cancelJob({ id }) {
      log.push(`cancelJob ${id}`);
      const job = jobs.get(id)!;
      const running = !job.cancelled && job.done < job.files.length;
      job.cancelled = true;
      return { cancelled: running };
    },
  };
  return { calls, log };
}

function files(names: string[]): UploadFile[] {
  return names.map((name) => ({ name, size: 10, arrayBuffer: async () => new TextEncoder().encode(name).buffer as ArrayBuffer }));
}

const SIX = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('ImportRun', () => {
  it('imports every part when left alone', async () => {
    const { calls, log } = fakeLibrary();
    const run = new ImportRun(calls, { batchBytes: 20, intervalMs: 0, onStep: () => undefined });
    const outcome = await run.upload(files(SIX));
    expect(outcome).toEqual({ kind: 'done', totals: { imported: 6, duplicates: 0, failed: [], notReached: 0, firstArticleId: 1 } });
    expect(log).toEqual(['importUpload a,b', 'importUpload c,d', 'importUpload e,f']);
  });

  it('cancels the job of paths when stopped, and keeps what came in', async () => {
    let run!: ImportRun;
    const { calls, log } = fakeLibrary({ onStatus: (_job, done) => done === 2 && void run.stop() });
    run = new ImportRun(calls, { batchBytes: 20, intervalMs: 0, onStep: () => undefined });
    const outcome = await run.paths(['/a', '/b', '/c', '/d', '/e']);
    expect(log).toEqual(['importPaths /a,/b,/c,/d,/e', 'cancelJob job-1']);
    expect(outcome).toEqual({ kind: 'stopped', totals: { imported: 2, duplicates: 0, failed: [], notReached: 3, firstArticleId: 1 } });
  });

  it('cancels the part being imported and sends no further part', async () => {
    let run!: ImportRun;
    const steps: string[] = [];
    const { calls, log } = fakeLibrary({ onStatus: (job, done) => job === 'job-2' && done === 1 && void run.stop() });
    run = new ImportRun(calls, { batchBytes: 20, intervalMs: 0, onStep: (step) => steps.push(step) });
    const outcome = await run.upload(files(SIX));
    expect(log).toEqual(['importUpload a,b', 'importUpload c,d', 'cancelJob job-2']);
    // Part one whole, one file of part two; the rest of part two and all of part three not read.
    expect(outcome).toEqual({ kind: 'stopped', totals: { imported: 3, duplicates: 0, failed: [], notReached: 3, firstArticleId: 1 } });
    expect(steps.at(-1)).toBe('Stopping…');
  });

  it('cancels a part whose request was on the way when stopped', async () => {
    let run!: ImportRun;
    const { calls, log } = fakeLibrary({ beforeUpload: (n) => (n === 2 ? run.stop() : undefined) });
    run = new ImportRun(calls, { batchBytes: 20, intervalMs: 0, onStep: () => undefined });
    const outcome = await run.upload(files(SIX));
    expect(log).toEqual(['importUpload a,b', 'importUpload c,d', 'cancelJob job-2']);
    expect(outcome).toEqual({ kind: 'stopped', totals: { imported: 2, duplicates: 0, failed: [], notReached: 4, firstArticleId: 1 } });
  });

  it('calls a stop that came after the last file a finished import', async () => {
    let run!: ImportRun;
    const { calls } = fakeLibrary({ onStatus: (_job, done) => done === 2 && void run.stop() });
    run = new ImportRun(calls, { batchBytes: 20, intervalMs: 0, onStep: () => undefined });
    const outcome = await run.paths(['/a', '/b']);
    expect(outcome.kind).toBe('done');
  });

  it('keeps the totals of the parts that came in when a later part fails', async () => {
    const { calls, log } = fakeLibrary({ failUploadNumber: 2 });
    const run = new ImportRun(calls, { batchBytes: 20, intervalMs: 0, onStep: () => undefined });
    const outcome = await run.upload(files(SIX));
    expect(log).toEqual(['importUpload a,b', 'importUpload c,d']);
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: { code: 'offline', message: 'The Qalam server is not answering.' },
      totals: { imported: 2, duplicates: 0, failed: [], notReached: 0, firstArticleId: 1 },
    });
  });

  it('has no totals when the first part fails', async () => {
    const { calls } = fakeLibrary({ failUploadNumber: 1 });
    const run = new ImportRun(calls, { batchBytes: 20, intervalMs: 0, onStep: () => undefined });
    const outcome = await run.upload(files(SIX));
    expect(outcome).toMatchObject({ kind: 'failed', totals: null });
  });
});
