// The progress a long command writes to stderr: what its figures count, in the right number, and
// nothing before the job has counted any work against a known total.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIO } from './command.js';
import { FILES, progressReporter } from './progress.js';

function capture(isTTY: boolean): CliIO & { text: () => string } {
  let err = '';
  return { out: () => undefined, err: (t) => (err += t), isTTY, env: {}, text: () => err };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('progress in a log (stderr not a terminal)', () => {
  it('names files in the singular and the plural', () => {
    const one = capture(false);
    progressReporter(one, 'Importing', FILES).update(1, 1);
    expect(one.text()).toBe('Importing: 1 of 1 file\n');
    const many = capture(false);
    const bar = progressReporter(many, 'Importing', FILES);
    bar.update(3, 10);
    vi.advanceTimersByTime(2000);
    bar.update(10, 10);
    expect(many.text()).toBe('Importing: 3 of 10 files\nImporting: 10 of 10 files\n');
  });

  it('says nothing while the total is unknown or no work is counted yet', () => {
    const io = capture(false);
    const bar = progressReporter(io, 'Exporting bagit', 'share');
    for (const [done, total] of [[0, 0], [0, 40], [0, 40]]) {
      bar.update(done, total);
      vi.advanceTimersByTime(2500);
    }
    expect(io.text()).toBe('');
    bar.update(10, 40);
    expect(io.text()).toBe('Exporting bagit: 25%\n');
  });

  it('tells a share of mixed work as a percentage, never 0% once begun nor 100% before the end, nor past the total', () => {
    const io = capture(false);
    const bar = progressReporter(io, 'Exporting tei', 'share');
    for (const [done, total] of [[1, 1000], [999, 1000], [1200, 1000]]) {
      bar.update(done, total);
      vi.advanceTimersByTime(2000);
    }
    expect(io.text()).toBe('Exporting tei: 1%\nExporting tei: 99%\nExporting tei: 100%\n');
    expect(io.text()).not.toMatch(/files|articles/);
  });
});

describe('progress on a terminal', () => {
  it('draws no bar before work is counted, then the figures with the right noun', () => {
    const io = capture(true);
    const bar = progressReporter(io, 'Importing', FILES);
    bar.update(0, 0);
    bar.update(0, 1);
    expect(io.text()).toBe('');
    bar.update(1, 1);
    bar.finish();
    expect(io.text()).toBe(`\rImporting ${'█'.repeat(30)} 1 of 1 file\n`);
  });
});
