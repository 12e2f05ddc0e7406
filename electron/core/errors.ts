/// An error meant for the user: a stable code for programs and a sentence for people.
/// Every transport turns it into `{ok: false, error: {code, message}}`; anything else that is
/// thrown is a bug and reaches the user as `internal`.
export class QalamError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'QalamError';
  }
}

export const badInput = (message: string) => new QalamError('bad_input', message);
export const notFound = (message: string) => new QalamError('not_found', message);
export const notYet = (what: string) => new QalamError('unsupported', `${what} is not available in this version.`);

/// What the user is told when a change reaches a library opened for reading only.
export const READ_ONLY_LIBRARY =
  'This library is open for reading only: Qalam may not write to it here (it is on read-only media, or in a folder you may only read). Nothing was changed.';

/// A failure as the user is told it: a QalamError as it is; SQLite refusing to write to a
/// library opened for reading only as `read_only`; anything else, a bug, as `internal`, its
/// message after `internalPrefix`.
export function describeFailure(e: unknown, internalPrefix = ''): { code: string; message: string } {
  if (e instanceof QalamError) return { code: e.code, message: e.message };
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) return { code: 'read_only', message: READ_ONLY_LIBRARY };
  return { code: 'internal', message: `${internalPrefix}${(e as Error | null)?.message ?? String(e)}` };
}

/// A file-system failure while writing `target`, as a sentence: what stood in the way, in words,
/// rather than the system's code (`EEXIST: file already exists, mkdir …`). Anything else as it is.
export function writeFailure(e: unknown, target: string): unknown {
  const err = e as NodeJS.ErrnoException | null;
  const at = err?.path ?? target;
  const why: Record<string, string> = {
    EEXIST: `${at} is a file where a folder is needed`,
    ENOTDIR: `part of ${at} is a file where a folder is needed`,
    EACCES: `you may not write to ${at}`,
    EPERM: `you may not write to ${at}`,
    EROFS: `${at} is on a read-only disk`,
    ENOSPC: 'the disk is full',
    EDQUOT: 'your disk quota is used up',
    ENAMETOOLONG: 'the name is too long for this system',
    ENOTEMPTY: `${at} has appeared meanwhile (another export to the same place, say)`,
  };
  const reason = err?.code ? why[err.code] : undefined;
  return reason ? new QalamError('cannot_write', `Cannot write ${target}: ${reason}. Nothing was written.`) : e;
}
