// Import files and folders. The desktop app asks the system for paths and the main side reads
// them; a browser tab cannot give paths, so it reads the files and sends their bytes. Either way
// a job runs with progress and can be stopped, and the summary lists what came in, what was
// already there and what failed, with the reason (after a stop or a failure too: what came in
// before it stays in the library).
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../../shared/model.js';
import { api } from '../../api.js';
import { JobFollowAborted } from '../../app/jobs.js';
import { Modal } from '../../app/Modal.js';
import { ProgressBar } from '../../app/ProgressBar.js';
import { useCapabilities } from '../../state/capabilities.js';
import { refreshCodebook } from '../../state/codebook.js';
import { describeError } from '../../state/describeError.js';
import { libraryChanged } from '../../state/libraryVersion.js';
import { notify } from '../../state/notices.js';
import { ImportRun, type ImportOutcome } from './importRun.js';
import type { ImportTotals } from './summary.js';
import './import.css';

// Each request carries at most this many bytes of files (before base64).
const BATCH_BYTES = 16 * 1024 * 1024;

type Phase =
  | { kind: 'choose' }
  | { kind: 'running'; status: JobStatus | null; step: string; stopping: boolean }
  | { kind: 'done'; totals: ImportTotals }
  | { kind: 'stopped'; totals: ImportTotals }
  | { kind: 'failed'; message: string; totals: ImportTotals | null };

/// "920 articles", "1 article".
function articles(n: number): string {
  return `${n.toLocaleString('en')} article${n === 1 ? '' : 's'}`;
}

/// What a stopped import did, in one sentence.
function stoppedMessage(totals: ImportTotals): string {
  const left = `${totals.notReached.toLocaleString('en')} file${totals.notReached === 1 ? ' was' : 's were'} not imported`;
  return `The import was stopped. ${articles(totals.imported)} came in before that and stay in the library; ${left}.`;
}

/// The import dialog: choose or drop files, follow the job (or stop it), read the report.
export function ImportDialog({ files, onClose }: { files: File[]; onClose: () => void }) {
  const caps = useCapabilities();
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const follow = useRef<AbortController>(new AbortController());
  const run = useRef<ImportRun | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const started = useRef<File[] | null>(null);

  // A new controller on every mount: one aborted by an earlier unmount would stop every import.
  useEffect(() => {
    const controller = new AbortController();
    follow.current = controller;
    return () => controller.abort();
  }, []);
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, [caps]);

  // What came in is in the library whatever the ending: the views read it again.
  const showImported = () => {
    libraryChanged();
    void refreshCodebook().catch(() => undefined);
  };

  const ended = (outcome: ImportOutcome) => {
    if (outcome.kind === 'failed') {
      const { totals } = outcome;
      if (!totals) {
        setPhase({ kind: 'failed', message: describeError(outcome.error, 'import'), totals: null });
        return;
      }
      setPhase({
        kind: 'failed',
        message: `${describeError(outcome.error, 'import all the files')} ${totals.imported ? `${articles(totals.imported)} ${totals.imported === 1 ? 'was' : 'were'} imported before that.` : 'No new articles were imported before that.'}`,
        totals,
      });
      showImported();
      return;
    }
    const { totals } = outcome;
    setPhase({ kind: outcome.kind, totals });
    showImported();
    notify(
      outcome.kind === 'stopped'
        ? `Import stopped after ${articles(totals.imported)}.`
        : `Imported ${articles(totals.imported)}${totals.duplicates ? `, ${totals.duplicates} already in the library` : ''}${totals.failed.length ? `, ${totals.failed.length} failed` : ''}.`,
    );
  };

  const start = async (work: (r: ImportRun) => Promise<ImportOutcome>) => {
    const r = new ImportRun(api, {
      batchBytes: BATCH_BYTES,
      signal: follow.current.signal,
      onStep: (step, status) => setPhase({ kind: 'running', status, step, stopping: r.stopping }),
    });
    run.current = r;
    try {
      ended(await work(r));
    } catch (e) {
      // The dialog closed: the job goes on, nobody is left to report to.
      if (e instanceof JobFollowAborted) return;
      setPhase({ kind: 'failed', message: describeError(e, 'import'), totals: null });
    } finally {
      if (run.current === r) run.current = null;
    }
  };

  const importPaths = async (folders: boolean) => {
    const { paths } = await api.chooseImportPaths({ folders });
    if (!paths.length) return;
    await start((r) => r.paths(paths));
  };

  const uploadFiles = async (chosen: File[]) => {
    if (!chosen.length) return;
    await start((r) => r.upload(chosen));
  };

  const running = phase.kind === 'running';

  const stop = () => {
    const r = run.current;
    if (!r || r.stopping) return;
    setPhase((p) => (p.kind === 'running' ? { ...p, step: 'Stopping…', stopping: true } : p));
    void r.stop();
  };

  // The dialog stays open while an import runs (its × is off), so Escape stops the import
  // instead. The key is kept from the dialog: Chromium closes a dialog that refuses Escape a
  // second time in a row, which would hide how the import ended.
  useEffect(() => {
    if (!running) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      stop();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [running]);

  // Files dropped on the window start at once; a drop while an import runs waits its turn.
  useEffect(() => {
    if (!files.length || started.current === files || running) return;
    started.current = files;
    void uploadFiles(files);
  }, [files, running]);

  const failedToStart = (e: unknown) => setPhase({ kind: 'failed', message: describeError(e, 'import'), totals: null });

  return (
    <Modal title="Import articles" onClose={onClose} busy={running} className="modal--wide">
      {(phase.kind === 'choose' || phase.kind === 'failed') && (
        <div className="stack">
          <p>Text, Markdown, HTML, RSS/Atom feeds and JSON, in UTF-8, UTF-16 or the Cyrillic code pages. Articles already in the library are recognised and skipped.</p>
          {caps?.nativeDialogs ? (
            <div className="button-row">
              <button type="button" className="primary" onClick={() => void importPaths(false).catch(failedToStart)}>
                Choose files…
              </button>
              <button type="button" onClick={() => void importPaths(true).catch(failedToStart)}>
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
          {phase.kind === 'failed' && phase.totals && <ImportCounts totals={phase.totals} />}
        </div>
      )}
      {phase.kind === 'running' && (
        <div className="stack">
          <p>{phase.step}</p>
          <ProgressBar label="Import progress" status={phase.status} />
          <div className="button-row">
            <button type="button" onClick={stop} disabled={phase.stopping}>
              Stop import
            </button>
          </div>
        </div>
      )}
      {phase.kind === 'stopped' && <p role="status">{stoppedMessage(phase.totals)}</p>}
      {(phase.kind === 'done' || phase.kind === 'stopped') && <ImportReport totals={phase.totals} onClose={onClose} />}
    </Modal>
  );
}

/// The report at the end: counts, the files that failed, and the way on.
function ImportReport({ totals, onClose }: { totals: ImportTotals; onClose: () => void }) {
  return (
    <div className="stack import-report">
      <ImportCounts totals={totals} />
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

/// What came in, what was already there and what failed, with the reasons.
function ImportCounts({ totals }: { totals: ImportTotals }) {
  return (
    <>
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
    </>
  );
}
