// Whether the library is open for reading only (Qalam may not write to it where it is, such as
// on read-only media or a shared folder one may only read). Asked once: it cannot change while
// the window shows this library.
import { useEffect, useState } from 'react';
import { api } from '../api.js';

let asked: Promise<boolean> | null = null;

/// True when the library is open for reading only; false when it may be changed, or cannot say.
export function libraryReadOnly(): Promise<boolean> {
  asked ??= api.libraryInfo({}).then(
    (info) => info.readOnly,
    () => {
      asked = null;
      return false;
    },
  );
  return asked;
}

/// The same, for a component: false until known.
export function useLibraryReadOnly(): boolean {
  const [readOnly, setReadOnly] = useState(false);
  useEffect(() => {
    let live = true;
    void libraryReadOnly().then((r) => live && setReadOnly(r));
    return () => {
      live = false;
    };
  }, []);
  return readOnly;
}
