import type { Archive } from '../core/archive.js';
import { QalamError } from '../core/errors.js';
import type { CliIO } from './command.js';
import { progressReporter, type ProgressUnit } from './progress.js';

/// Follow a job to its end with progress on stderr, its figures counting `unit`; returns its
/// result or throws its error.
export async function followJob<T>(archive: Archive, jobId: string, io: CliIO, label: string, unit: ProgressUnit): Promise<T> {
  const bar = progressReporter(io, label, unit);
  const timer = setInterval(() => {
    const s = archive.ctx.jobs.status(jobId);
    bar.update(s.done, s.total);
  }, 100);
  const status = await archive.ctx.jobs.wait(jobId);
  clearInterval(timer);
  bar.update(status.done, status.total);
  bar.finish();
  if (status.state === 'failed') throw new QalamError(status.error?.code ?? 'internal', status.error?.message ?? `${label} failed`);
  return status.result as T;
}
