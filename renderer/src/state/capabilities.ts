// What the host can do (native dialogs in the desktop app, none in a browser tab), asked once.
import { useEffect, useState } from 'react';
import { api, transport } from '../api.js';

/// The host's abilities, as `capabilities()` reports them.
export interface Capabilities {
  nativeDialogs: boolean;
  transport: 'ipc' | 'http';
}

let cached: Promise<Capabilities> | null = null;

/// The host's capabilities; a host that cannot say is treated as a plain browser.
export function capabilities(): Promise<Capabilities> {
  cached ??= api.capabilities({}).catch(() => ({ nativeDialogs: false, transport }));
  return cached;
}

/// The host's capabilities; null until known.
export function useCapabilities(): Capabilities | null {
  const [caps, setCaps] = useState<Capabilities | null>(null);
  useEffect(() => {
    let live = true;
    void capabilities().then((c) => live && setCaps(c));
    return () => {
      live = false;
    };
  }, []);
  return caps;
}
