// A library in the page for the import dialog on its own (component-page.ts): imports run as jobs
// that take a number of files each time their status is asked, stop when cancelled the way the
// core's do (the files not reached are reported as such), and an upload can be made to fail.
// Imported by the mount code before the dialog, so the renderer's api module finds this one in
// place of component-library.ts; calls are recorded in the same list for the test to read.
import type { ImportSummary, JobStatus } from '../../shared/model.js';
import { installLibrary } from './component-library.js';

/// How the page's library behaves (set by the mount code as `window.importScenario`).
export interface ImportScenario {
  nativeDialogs: boolean;
  /// What "Choose files…" gives.
  paths?: string[];
  /// Files a job imports each time its status is asked.
  filesPerStatus: number;
  /// The upload (counting from 1) that fails as if the server had gone.
  failUpload?: number;
}

declare global {
  interface Window {
    importScenario?: ImportScenario;
  }
}

interface Job {
  files: string[];
  done: number;
  cancelled: boolean;
}

const jobs = new Map<string, Job>();
let uploads = 0;
let nextArticle = 1;

function scenario(): ImportScenario {
  return window.importScenario ?? { nativeDialogs: false, filesPerStatus: 100 };
}

function startJob(files: string[]): { jobId: string } {
  const jobId = `job-${jobs.size + 1}`;
  jobs.set(jobId, { files, done: 0, cancelled: false });
  return { jobId };
}

function summary(job: Job): ImportSummary {
  return {
    batchId: 1,
    imported: job.done,
    duplicates: 0,
    failed: job.files.slice(job.done).map((path) => ({ path, error: 'import cancelled before this file' })),
    articleIds: job.files.slice(0, job.done).map(() => nextArticle++),
  };
}

const handlers: Record<string, (input: Record<string, unknown>) => unknown> = {
  capabilities: () => ({ nativeDialogs: scenario().nativeDialogs, transport: 'ipc' }),
  listTags: () => [],
  chooseImportPaths: () => ({ paths: scenario().paths ?? [] }),
  importPaths: (input) => startJob(input.paths as string[]),
  importUpload: (input) => {
    uploads++;
    if (uploads === scenario().failUpload) {
      throw Object.assign(new Error('The Qalam server is not answering. Is `qalam serve` still running?'), { code: 'offline' });
    }
    return startJob((input.files as { name: string }[]).map((f) => f.name));
  },
  jobStatus: (input) => {
    const id = input.id as string;
    const job = jobs.get(id)!;
    const status: JobStatus = { id, kind: 'import', state: 'running', done: job.done, total: job.files.length, message: job.files[job.done] ?? '' };
    if (job.cancelled || job.done === job.files.length) return { ...status, state: 'done', result: summary(job) };
    job.done = Math.min(job.files.length, job.done + scenario().filesPerStatus);
    return { ...status, done: job.done };
  },
  cancelJob: (input) => {
    const job = jobs.get(input.id as string)!;
    const running = !job.cancelled && job.done < job.files.length;
    job.cancelled = true;
    return { cancelled: running };
  },
};

installLibrary(handlers, {
  delay: () => 20,
  // The files' bytes are no use to the test and would make the record large.
  record: (name, args) => (name === 'importUpload' ? { files: (args.files as { name: string }[]).map((f) => f.name) } : args),
});
