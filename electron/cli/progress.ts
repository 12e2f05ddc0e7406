import type { CliIO } from './command.js';

/// Progress of long work on stderr: a bar redrawn in place on a terminal, a line every few
/// seconds otherwise (logs and CI keep a readable record instead of a wall of carriage returns).
export function progressReporter(io: CliIO, label: string, everyMs = 2000) {
  let last = 0;
  let drawn = false;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (io.isTTY) {
        if (now - last < 80 && done < total) return;
        last = now;
        const width = 30;
        const frac = total ? Math.min(1, done / total) : 0;
        const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
        io.err(`\r${label} ${bar} ${done}/${total}`);
        drawn = true;
      } else if (now - last >= everyMs) {
        if (last !== 0 || done > 0) io.err(`${label}: ${done}/${total} files\n`);
        last = now;
      }
    },
    finish() {
      if (drawn) io.err('\n');
    },
  };
}
