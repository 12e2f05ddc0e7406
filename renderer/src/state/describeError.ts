// Turn anything thrown into one readable sentence. The API's errors carry a message written for
// people; anything else (a bug, a network failure) is summarised without its stack.

/// A human sentence for an error, optionally saying what was being done.
export function describeError(e: unknown, doing?: string): string {
  const prefix = doing ? `Could not ${doing}: ` : '';
  if (e && typeof e === 'object' && 'code' in e && 'message' in e && typeof (e as { message: unknown }).message === 'string') {
    const message = firstLine((e as { message: string }).message);
    if (message) return prefix + message;
  }
  if (e instanceof Error) {
    const message = firstLine(e.message);
    return prefix + (message ? `something went wrong (${message}).` : 'something went wrong.');
  }
  if (typeof e === 'string' && e.trim()) return prefix + firstLine(e);
  return prefix + 'something went wrong.';
}

// Messages from deep inside can be long or multi-line (a stack pasted into a message): keep
// the first line and a sensible length.
function firstLine(s: string): string {
  const line = s.split('\n').map((l) => l.trim()).find((l) => l && !/^at\s/.test(l)) ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}
