/// A file that cannot be imported, with a reason a person can act on
/// ("empty file", "invalid UTF-8 at byte 1234", "malformed JSON at line 7: …").
/// The message never includes the path: the caller reports it next to the path.
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}
