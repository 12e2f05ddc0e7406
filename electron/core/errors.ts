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
