// Long work (import, export) runs as a job on the main side; the app asks how it is going every
// few hundred milliseconds until it is done, and reports progress on the way.
import type { JobStatus } from '../../../shared/model.js';

/// How to follow a job.
export interface FollowOptions {
  /// Called with every status, for a progress bar.
  onProgress?: (status: JobStatus) => void;
  intervalMs?: number;
  /// Stop following (the dialog closed); the job itself goes on unless cancelled.
  signal?: AbortSignal;
}

/// Poll a job until it is done; resolves with the final status, rejects with the job's error.
export async function followJob(
  jobId: string,
  status: (id: string) => Promise<JobStatus>,
  { onProgress, intervalMs = 250, signal }: FollowOptions = {},
): Promise<JobStatus> {
  for (;;) {
    if (signal?.aborted) throw new JobFollowAborted();
    const s = await status(jobId);
    onProgress?.(s);
    if (s.state === 'done') return s;
    if (s.state === 'failed') throw Object.assign(new Error(s.error?.message ?? (s.message || 'The job failed.')), { code: s.error?.code ?? 'job_failed' });
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/// Thrown when the caller stopped following a job.
export class JobFollowAborted extends Error {
  constructor() {
    super('No longer following the job.');
  }
}

/// The fraction done, or null when the job cannot tell (an indeterminate bar).
export function jobFraction(s: Pick<JobStatus, 'done' | 'total'> | null): number | null {
  if (!s || s.total <= 0) return null;
  return Math.min(1, Math.max(0, s.done / s.total));
}
