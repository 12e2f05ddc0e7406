import type { CliIO } from './command.js';
import { countOf } from './count.js';

/// What a job's figures count. Files for an import of files; `share` for work whose steps mix
/// kinds (an export counts articles and passages together, in proportions that differ by
/// format), told as a percentage instead of a count that would name the wrong thing.
export type ProgressUnit = { one: string; many: string } | 'share';

export const FILES: ProgressUnit = { one: 'file', many: 'files' };

/// Progress of long work on stderr: a bar redrawn in place on a terminal, a line every few
/// seconds otherwise (logs and CI keep a readable record instead of a wall of carriage returns).
/// Nothing is shown until the job has counted some work against a known total: a job reports
/// 0 of 0 before it has measured its work, and 0 of N while it prepares, and neither says
/// anything true about how far along it is.
export function progressReporter(io: CliIO, label: string, unit: ProgressUnit, everyMs = 2000) {
  let last = 0;
  let drawn = false;
  // A share is rounded down, but never to 0% once work is counted nor to 100% before it is all done.
  const percent = (done: number, total: number) => (done === total ? 100 : Math.min(99, Math.max(1, Math.floor((done / total) * 100))));
  const figures = (done: number, total: number) => (unit === 'share' ? `${percent(done, total)}%` : `${done} of ${countOf(total, unit.one, unit.many)}`);
  return {
    update(rawDone: number, total: number) {
      if (total <= 0 || rawDone <= 0) return;
      const done = Math.min(rawDone, total);
      const now = Date.now();
      if (io.isTTY) {
        if (now - last < 80 && done < total) return;
        last = now;
        const width = 30;
        const bar = '█'.repeat(Math.round((done / total) * width)).padEnd(width, '░');
        io.err(`\r${label} ${bar} ${figures(done, total)}`);
        drawn = true;
      } else if (now - last >= everyMs) {
        io.err(`${label}: ${figures(done, total)}\n`);
        last = now;
      }
    },
    finish() {
      if (drawn) io.err('\n');
    },
  };
}
