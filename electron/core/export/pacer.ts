import { QalamError } from '../errors.js';
import type { JobControl } from '../jobs.js';

/// Keeps a long export polite: every few dozen milliseconds it reports progress, lets the event
/// loop answer other calls, and stops with a clear error when the user cancelled the job.
export class Pacer {
  private last = Date.now();
  done = 0;

  constructor(
    private readonly job: Pick<JobControl, 'progress' | 'signal'> | undefined,
    public total: number,
    private readonly label: string,
  ) {}

  /// Count `n` more units of work; yields to the event loop at most every 50 ms.
  async step(n = 1): Promise<void> {
    this.done += n;
    // Checked on every step (a property read), so a cancel stops the export at the next article.
    if (this.job?.signal.aborted) throw new QalamError('cancelled', 'The export was cancelled; nothing was written.');
    const now = Date.now();
    if (now - this.last < 50) return;
    this.last = now;
    this.job?.progress(this.done, this.total, this.label);
    await new Promise((r) => setImmediate(r));
  }

  finish(): void {
    this.job?.progress(this.done, Math.max(this.total, this.done), this.label);
  }
}
