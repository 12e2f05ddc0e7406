import { channelFor, MENU_CHANNEL, menuCommands, type MenuMessage } from '../../shared/contract/channels.js';

/// Sends one message and waits for the answer (ipcRenderer.invoke in the real preload).
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/// `window.qalam`: one function per contract call, each on its own channel, and nothing else.
/// The answer is the main side's `{ok, value}` / `{ok, error}` as is: errors travel as data and
/// renderer/src/api.ts unwraps them.
export function contractSurface(names: readonly string[], invoke: Invoke): Record<string, (input?: unknown) => Promise<unknown>> {
  const surface: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const name of names) {
    const channel = channelFor(name);
    surface[name] = (input?: unknown) => invoke(channel, input ?? {});
  }
  return Object.freeze(surface);
}

/// The listener side of ipcRenderer, reduced to what the menu channel needs.
export interface MenuSource {
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
}

/// `window.qalamDesktop`: the two things only the desktop shell offers, documented exceptions to
/// the contract-derived surface. `onMenu` hands over the menu command alone (never the IPC
/// event, which would give the page a way to the sender); `pathForFile` turns a dropped File into
/// its path on disk, which Electron no longer puts on File objects.
export function desktopSurface(ipc: MenuSource, pathForFile: (file: File) => string) {
  return Object.freeze({
    onMenu(listener: (message: MenuMessage) => void): () => void {
      const relay = (_event: unknown, message: unknown) => {
        const command = (message as { command?: unknown } | null)?.command;
        if ((menuCommands as readonly unknown[]).includes(command)) listener({ command: command as MenuMessage['command'] });
      };
      ipc.on(MENU_CHANNEL, relay);
      return () => {
        ipc.removeListener(MENU_CHANNEL, relay);
      };
    },
    pathForFile(file: File): string {
      return pathForFile(file);
    },
  });
}

/// The names the desktop surface adds beside the contract: the documented exceptions.
export const desktopSurfaceNames = ['onMenu', 'pathForFile'] as const;
