import { z } from 'zod';

/// One call between the renderer and the main side: what it takes, what it gives back.
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /// One sentence for humans: shown by the CLI and in the server's listing.
  doc: string;
}

/// Inputs are strict: a field the call does not take is refused, not dropped, since a misspelt
/// field (`quote` for `exact`, `tags` for `tagNames`) would otherwise quietly change what a write
/// does.
export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string): CallSpec<I, O> {
  return { input: input instanceof z.ZodObject ? (input.strict() as unknown as I) : input, output, doc };
}

/// Errors cross every transport as data, never as thrown exceptions: Electron's IPC keeps only
/// an Error's message, and HTTP has no exceptions at all.
export interface CallError {
  /// Stable and machine-readable: `bad_input`, `not_found`, `conflict`, `bad_query`, `unsupported`, `internal`…
  code: string;
  message: string;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };
