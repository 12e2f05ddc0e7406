// Import files and folders. The desktop app asks the system for paths and the main side reads
// them; a browser tab cannot give paths, so it reads the files and sends their bytes. Either way
// a job runs with progress, and the summary lists what came in, what was already there and
// what failed, with the reason.
import { useEffect, useRef, useState } from 'react';
import type { ImportFailure, ImportSummary, JobStatus } from '../../../../shared/model.js';
import { api } from '../../api.js';
import { followJob, JobFollowAborted } from '../../app/jobs.js';
import { Modal } from '../../app/Modal.js';
import { ProgressBar } from '../../app/ProgressBar.js';
import { useCapabilities } from '../../state/capabilities.js';
import { refreshCodebook } from '../../state/codebook.js';
import { describeError } from '../../state/describeError.js';
import { libraryChanged } from '../../state/libraryVersion.js';
import { notify } from '../../state/notices.js';
import { batchBySize, bytesToBase64 } from './base64.js';
import { mergeSummaries, type ImportTotals } from './summary.js';
import './import.css';

// Each request carries at most this many bytes of files (before base64).
const BATCH_BYTES = 16 * 1024 * 1024;

type Phase = { kind: 'choose' } | { kind: 'running'; status: JobStatus | null; step: string } | { kind: 'done'; totals: ImportTotals } | { kind: 'failed'; message: string; totals: ImportTotals | null };

/// The import dialog: choose or drop files, follow the job, read the report.
export function ImportDialog({ files, onClose }: { files: File[]; onClose: () => void }) {
  const caps = useCapabilities();
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const follow = useRef<AbortController>(new AbortController());
  const folderInput = useRef<HTMLInputElement>(null);
  const started = useRef<File[] | null>(null);

  useEffect(() => () => follow.current.abort(), []);
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, [caps]);

  const finish = (totals: ImportTotals) => {
    setPhase({ kind: 'done', totals });
    libraryChanged();
    void refreshCodebook().catch(() => undefined);
    notify(`Imported ${totals.imported} article${totals.imported === 1 ? '' : 's'}${totals.duplicates ? `, ${totals.duplicates} already in the library` : ''}${totals.failed.length ? `, ${totals.failed.length} failed` : ''}.`);
  };

  const runJob = async (jobId: string, step: string): Promise<ImportSummary> => {
    const final = await followJob(jobId, (id) => api.jobStatus({ id }) as Promise<JobStatus>, {
      signal: follow.current.signal,
      onProgress: (status) => setPhase({ kind: 'running', status, step }),
    });
    return final.result as ImportSummary;
  };

  const importPaths = async (folders: boolean) => {
    const { paths } = await api.chooseImportPaths({ folders });
    if (!paths.length) return;
    await guarded(async () => {
      setPhase({ kind: 'running', status: null, step: 'Importing…' });
      const { jobId } = await api.importPaths({ paths });
      finish(mergeSummaries([await runJob(jobId, 'Importing…')]));
    });
  };

  const uploadFiles = async (chosen: File[]) => {
    if (!chosen.length) return;
    await guarded(async () => {
      const batches = batchBySize(chosen, BATCH_BYTES);
      const summaries: ImportSummary[] = [];
      const unreadable: ImportFailure[] = [];
      for (const [i, batch] of batches.entries()) {
        const step = batches.length > 1 ? `Sending part ${i + 1} of ${batches.length}…` : 'Sending the files…';
        setPhase({ kind: 'running', status: null, step });
        const payload: { name: string; dataBase64: string }[] = [];
        for (const f of batch) {
          const name = f.webkitRelativePath || f.name;
          try {
            payload.push({ name, dataBase64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) });
          } catch {
            unreadable.push({ path: name, error: 'The browser could not read this file.' });
          }
        }
        if (!payload.length) continue;
        const { jobId } = await api.importUpload({ files: payload });
        summaries.push(await runJob(jobId, batches.length > 1 ? `Importing part ${i + 1} of ${batches.length}…` : 'Importing…'));
      }
      const totals = mergeSummaries(summaries);
      totals.failed.push(...unreadable);
      finish(totals);
    });
  };

  const guarded = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      if (e instanceof JobFollowAborted) return;
      setPhase({ kind: 'failed', message: describeError(e, 'import'), totals: null });
    }
  };

  // Files dropped on the window start at once; a drop while an import runs waits its turn.
  const running = phase.kind === 'running';
  useEffect(() => {
    if (!files.length || started.current === files || running) return;
    started.current = files;
    void uploadFiles(files);
  }, [files, running]);

  return (
    <Modal title="Import articles" onClose={onClose} busy={running} className="modal--wide">
      {(phase.kind === 'choose' || phase.kind === 'failed') && (
        <div className="stack">
          <p>Text, Markdown, HTML, RSS/Atom feeds and JSON, in UTF-8, UTF-16 or the Cyrillic code pages. Articles already in the library are recognised and skipped.</p>
          {caps?.nativeDialogs ? (
            <div className="button-row">
              <button type="button" className="primary" onClick={() => void importPaths(false).catch((e) => setPhase({ kind: 'failed', message: describeError(e, 'import'), totals: null }))}>
                Choose files…
              </button>
              <button type="button" onClick={() => void importPaths(true).catch((e) => setPhase({ kind: 'failed', message: describeError(e, 'import'), totals: null }))}>
                Choose a folder…
              </button>
            </div>
          ) : (
            <div className="file-pickers">
              <label className="file-picker">
                <span>Files</span>
                <input type="file" multiple onChange={(e) => void uploadFiles(Array.from(e.target.files ?? []))} />
              </label>
              <label className="file-picker">
                <span>A folder (with everything inside)</span>
                <input ref={folderInput} type="file" multiple onChange={(e) => void uploadFiles(Array.from(e.target.files ?? []))} />
              </label>
            </div>
          )}
          <p className="muted">You can also drop files onto the window.</p>
          {phase.kind === 'failed' && (
            <p className="error-text" role="alert">
              {phase.message}
            </p>
          )}
        </div>
      )}
      {running && (
        <div className="stack">
          <p>{phase.step}</p>
          <ProgressBar label="Import progress" status={phase.status} />
        </div>
      )}
      {phase.kind === 'done' && <ImportReport totals={phase.totals} onClose={onClose} />}
    </Modal>
  );
}

function ImportReport({ totals, onClose }: { totals: ImportTotals; onClose: () => void }) {
  return (
    <div className="stack import-report">
      <dl className="import-report__counts">
        <div>
          <dt>Imported</dt>
          <dd>{totals.imported.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Already in the library</dt>
          <dd>{totals.duplicates.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd>{totals.failed.length.toLocaleString('en')}</dd>
        </div>
      </dl>
      {totals.failed.length > 0 && (
        <>
          <h3>Files that could not be imported</h3>
          <ul className="import-report__failures">
            {totals.failed.map((f, i) => (
              <li key={`${f.path}-${i}`}>
                <code className="path">{f.path}</code>
                <span>{f.error}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row">
        {totals.firstArticleId !== null && (
          <a className="button" href={`#/article/${totals.firstArticleId}`} onClick={onClose}>
            Open the first new article
          </a>
        )}
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
