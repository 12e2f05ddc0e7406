// A labelled progress bar for jobs; indeterminate while the job cannot tell its total.
import type { JobStatus } from '../../../shared/model.js';
import { jobFraction } from './jobs.js';

/// A job's progress, as a bar and in words.
export function ProgressBar({ label, status }: { label: string; status: JobStatus | null }) {
  const fraction = jobFraction(status);
  return (
    <div className="progress">
      <progress aria-label={label} max={1} value={fraction ?? undefined} />
      <span className="progress__text" aria-live="polite">
        {status?.message || (fraction === null ? 'Working…' : `${Math.round(fraction * 100)} %`)}
        {status && status.total > 0 ? ` (${status.done.toLocaleString()} of ${status.total.toLocaleString()})` : ''}
      </span>
    </div>
  );
}
