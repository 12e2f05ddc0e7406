import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/model.js';
import { followJob, JobFollowAborted, jobFraction } from './jobs.js';

function script(states: Partial<JobStatus>[]) {
  let i = 0;
  const asked: string[] = [];
  const status = async (id: string): Promise<JobStatus> => {
    asked.push(id);
    const s = states[Math.min(i++, states.length - 1)];
    return { id, kind: 'import', state: 'running', done: 0, total: 0, message: '', ...s };
  };
  return { status, asked };
}

describe('followJob', () => {
  it('reports every status and resolves with the final one', async () => {
    const { status, asked } = script([{ done: 1, total: 3 }, { done: 2, total: 3 }, { state: 'done', done: 3, total: 3, result: { imported: 3 } }]);
    const seen: number[] = [];
    const final = await followJob('j1', status, { intervalMs: 1, onProgress: (s) => seen.push(s.done) });
    expect(seen).toEqual([1, 2, 3]);
    expect(final.result).toEqual({ imported: 3 });
    expect(asked).toEqual(['j1', 'j1', 'j1']);
  });

  it("rejects with the job's own error", async () => {
    const { status } = script([{ state: 'failed', error: { code: 'no_space', message: 'The disk is full.' } }]);
    await expect(followJob('j2', status, { intervalMs: 1 })).rejects.toMatchObject({ message: 'The disk is full.', code: 'no_space' });
  });

  it('stops when told to', async () => {
    const { status } = script([{ done: 1, total: 100 }]);
    const ctl = new AbortController();
    const p = followJob('j3', status, { intervalMs: 5, signal: ctl.signal, onProgress: () => ctl.abort() });
    await expect(p).rejects.toBeInstanceOf(JobFollowAborted);
  });

  it('gives a fraction only when the total is known', () => {
    expect(jobFraction({ done: 5, total: 10 })).toBe(0.5);
    expect(jobFraction({ done: 12, total: 10 })).toBe(1);
    expect(jobFraction({ done: 3, total: 0 })).toBeNull();
    expect(jobFraction(null)).toBeNull();
  });
});
