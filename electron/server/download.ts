import { createReadStream, lstatSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, isAbsolute } from 'node:path';
import type { JobStatus } from '../../shared/model.js';
import type { JobRegistry } from '../core/jobs.js';
import { contentTypeOf } from './static-files.js';
import { sendText } from './security-headers.js';

/// The file a finished export job wrote, or why it cannot be downloaded. Only the path the job
/// itself reported is ever served, so the route cannot be turned into a way to read other files.
export function exportedFile(status: JobStatus): { path: string; size: number } | { status: number; message: string } {
  // Export jobs are named `export:<format>`.
  if (!status.kind.startsWith('export:')) return { status: 404, message: `Job ${status.id} is not an export.` };
  if (status.state === 'running') return { status: 409, message: 'The export is still running.' };
  if (status.state === 'failed') return { status: 409, message: `The export failed: ${status.error?.message ?? 'no reason given'}` };
  const path = (status.result as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string' || !isAbsolute(path)) return { status: 404, message: 'The export reported no file.' };
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return { status: 410, message: 'The exported file is no longer there.' };
  if (!stat.isFile()) return { status: 409, message: 'The export is a folder, which a browser cannot download; export it zipped.' };
  return { path, size: stat.size };
}

/// `Content-Disposition` for a file name in any script: an ASCII fallback and the exact name
/// (RFC 6266 / 5987), so a Cyrillic file name survives.
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/// Stream the file of finished export `jobId` as an attachment.
export function serveDownload(res: ServerResponse, jobs: JobRegistry, jobId: string, head: boolean): void {
  let status: JobStatus;
  try {
    status = jobs.status(jobId);
  } catch {
    sendText(res, 404, `No job ${jobId}.`);
    return;
  }
  const file = exportedFile(status);
  if ('message' in file) {
    sendText(res, file.status, file.message);
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file.path),
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(basename(file.path)),
    'Cache-Control': 'no-store',
  });
  if (head) {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
