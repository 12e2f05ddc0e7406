// Escape closes the innermost open panel (a popover, the tag editor…). Panels register a closer
// while open; the global key handler calls the most recent one.
const closers: (() => void)[] = [];

/// Register a closer while a panel is open; call the returned function when it closes.
export function onEscape(close: () => void): () => void {
  closers.push(close);
  return () => {
    const i = closers.lastIndexOf(close);
    if (i >= 0) closers.splice(i, 1);
  };
}

/// Close the innermost panel; false when nothing was open.
export function escapeTop(): boolean {
  const close = closers.pop();
  if (!close) return false;
  close();
  return true;
}
