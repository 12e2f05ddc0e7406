// Export a collection, tags or a search: choose a format, start the job, follow its progress,
// and say where the file went. The desktop app asks where to save; in browser mode the server
// writes into the library's export folder and the result names the file.
import { useEffect, useId, useRef, useState } from 'react';
import type { JobStatus } from '../../../../shared/model.js';
import { api, exportDownloadUrl } from '../../api.js';
import { useFocusRescue } from '../../app/focusRescue.js';
import { followJob, JobFollowAborted } from '../../app/jobs.js';
import { Modal } from '../../app/Modal.js';
import { ProgressBar } from '../../app/ProgressBar.js';
import { useCapabilities } from '../../state/capabilities.js';
import type { ExportScope } from '../../state/dialogs.js';
import { describeError } from '../../state/describeError.js';
import { notify } from '../../state/notices.js';
import { defaultFileName, exportedPath, FORMATS, type ExportFormat } from './exportFormats.js';
import { exportScopeArgs } from './exportScope.js';
import './export.css';

type Phase = { kind: 'choose' } | { kind: 'running'; jobId: string; status: JobStatus | null } | { kind: 'done'; path: string | null; status: JobStatus; jobId: string; folder: boolean } | { kind: 'failed'; message: string };

/// The export dialog: format, options, progress and where the file went.
export function ExportDialog({ scope, onClose }: { scope: ExportScope; onClose: () => void }) {
  const caps = useCapabilities();
  const [format, setFormat] = useState<ExportFormat>('w3c');
  const [excel, setExcel] = useState(false);
  const [zip, setZip] = useState(true);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const follow = useRef<AbortController | null>(null);
  const groupId = useId();

  useEffect(() => () => follow.current?.abort(), []);

  // Each step of the dialog replaces the one before, and with it the control that had the focus:
  // the focus goes to the step's own control (stop the export; try again after a failure; close
  // once done) rather than to the page behind the dialog.
  const bodyRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useFocusRescue(bodyRef, () => stopRef.current ?? closeRef.current ?? submitRef.current);

  const start = async () => {
    try {
      let out: string | undefined;
      if (caps?.nativeDialogs) {
        const chosen = await api.chooseSavePath({ defaultName: defaultFileName(scope, format, zip, new Date()) });
        if (!chosen.path) return;
        out = chosen.path;
      }
      const { jobId } = await api.startExport({
        format,
        out,
        ...exportScopeArgs(scope),
        excel: format === 'csv' ? excel : undefined,
        zip: format === 'bagit' ? zip : undefined,
      });
      setPhase({ kind: 'running', jobId, status: null });
      follow.current = new AbortController();
      const final = await followJob(jobId, (id) => api.jobStatus({ id }) as Promise<JobStatus>, {
        signal: follow.current.signal,
        onProgress: (status) => setPhase({ kind: 'running', jobId, status }),
      });
      const path = exportedPath(final.result) ?? out ?? null;
      setPhase({ kind: 'done', path, status: final, jobId, folder: format === 'bagit' && !zip });
      notify(path ? `Exported to ${path}` : 'Export finished.');
    } catch (e) {
      if (e instanceof JobFollowAborted) return;
      setPhase({ kind: 'failed', message: describeError(e) });
    }
  };

  const cancel = async () => {
    if (phase.kind !== 'running') return;
    try {
      await api.cancelJob({ id: phase.jobId });
    } catch {
      // The job may have finished in the meantime; following it will tell.
    }
  };

  const running = phase.kind === 'running';

  return (
    <Modal title={`Export ${scope.label}`} onClose={onClose} busy={running} className="modal--wide">
      <div ref={bodyRef}>
        {phase.kind === 'choose' || phase.kind === 'failed' ? (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            <fieldset className="formats">
              <legend id={groupId}>Format</legend>
              {FORMATS.map((f) => (
                <label key={f.id} className={`format${format === f.id ? ' format--chosen' : ''}`}>
                  <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
                  <span>
                    <span className="format__label">{f.label}</span>
                    <span className="format__desc">{f.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {format === 'csv' && (
              <label className="checkbox">
                <input type="checkbox" checked={excel} onChange={(e) => setExcel(e.target.checked)} />
                For Excel (adds the byte-order mark Excel needs to read UTF-8)
              </label>
            )}
            {format === 'bagit' && (
              <label className="checkbox">
                <input type="checkbox" checked={zip} onChange={(e) => setZip(e.target.checked)} />
                As one .zip file (otherwise a folder)
              </label>
            )}
            {!caps?.nativeDialogs && caps && <p className="muted">The file is written into the library’s export folder: when it is done, download it from here, or find it at the path shown.</p>}
            {phase.kind === 'failed' && (
              <p className="error-text" role="alert">
                {phase.message}
              </p>
            )}
            <div className="button-row">
              <button type="button" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={!caps} ref={submitRef}>
                {caps?.nativeDialogs ? 'Export to…' : 'Export'}
              </button>
            </div>
          </form>
        ) : phase.kind === 'running' ? (
          <div className="stack">
            <ProgressBar label="Export progress" status={phase.status} />
            <div className="button-row">
              <button type="button" ref={stopRef} onClick={() => void cancel()}>
                Stop export
              </button>
            </div>
          </div>
        ) : (
          <div className="stack">
            <p role="status">{phase.path ? 'The export is complete:' : 'The export is complete.'}</p>
            {phase.path && (
              <p>
                <code className="path">{phase.path}</code>
              </p>
            )}
            <div className="button-row">
              {phase.path && (
                <button type="button" onClick={() => void navigator.clipboard?.writeText(phase.path!).then(() => notify('Path copied.'), () => undefined)}>
                  Copy path
                </button>
              )}
              {/* In browser mode the file is on this machine but the page cannot open it by path:
                  the server hands it over as a download. A folder (an unzipped bag) cannot be. */}
              {!phase.folder && exportDownloadUrl(phase.jobId) && (
                <a className="button" href={exportDownloadUrl(phase.jobId)!} download={phase.path ? baseName(phase.path) : ''}>
                  Download
                </a>
              )}
              <button type="button" className="primary" ref={closeRef} onClick={onClose} autoFocus>
                Close
              </button>
            </div>
          </div>
        )}
      </div>
    </Modal>
  );
}

/// The last part of a path, whichever separator the system writing it used.
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
