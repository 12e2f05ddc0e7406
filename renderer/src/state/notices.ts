// The status area: errors from the API, "Undone: …" and other short messages, read out by
// screen readers through an aria-live region. Errors stay until dismissed; the rest fade.
import { useSyncExternalStore } from 'react';
import { describeError } from './describeError.js';

/// One message in the status area.
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const INFO_MS = 5000;

function emit(): void {
  for (const l of listeners) l();
}

/// Show a message; info messages go away by themselves.
export function notify(text: string, kind: Notice['kind'] = 'info'): number {
  const id = nextId++;
  // One of each text at a time: a repeated failure should not fill the screen.
  notices = [...notices.filter((n) => n.text !== text), { id, kind, text }].slice(-3);
  emit();
  if (kind === 'info') setTimeout(() => dismiss(id), INFO_MS);
  return id;
}

/// Show what went wrong, in words (never a stack trace).
export function notifyError(e: unknown, doing?: string): void {
  notify(describeError(e, doing), 'error');
}

/// Remove one message.
export function dismiss(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

/// Close every notice (Escape).
export function dismissAll(): boolean {
  if (!notices.length) return false;
  notices = [];
  emit();
  return true;
}

/// The messages now showing, outside React.
export function currentNotices(): readonly Notice[] {
  return notices;
}

/// The messages now showing.
export function useNotices(): Notice[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => notices,
  );
}
