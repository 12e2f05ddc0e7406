import { describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract/index.js';
import { callNames as preloadNames } from './call-names.js';
import { MENU_CHANNEL } from '../../shared/contract/channels.js';
import { contractSurface, desktopSurface, desktopSurfaceNames } from './surface.js';

describe('window.qalam', () => {
  it('has one function per contract call and nothing else', () => {
    const surface = contractSurface(preloadNames, async () => undefined);
    expect(Object.keys(surface).sort()).toEqual([...callNames].sort());
    expect(Object.isFrozen(surface)).toBe(true);
  });

  it('sends each call on its own channel, with the input as given', async () => {
    const sent: [string, unknown][] = [];
    const surface = contractSurface(callNames, async (channel, input) => {
      sent.push([channel, input]);
      return { ok: true, value: channel };
    });
    for (const name of callNames) expect(await surface[name]({ probe: name })).toEqual({ ok: true, value: `qalam:${name}` });
    expect(sent.map(([c]) => c)).toEqual(callNames.map((n) => `qalam:${n}`));
    await surface.libraryInfo();
    expect(sent.at(-1)).toEqual(['qalam:libraryInfo', {}]);
  });
});

describe('window.qalamDesktop', () => {
  function fakeIpc() {
    const listeners = new Map<string, Set<(e: unknown, m: unknown) => void>>();
    return {
      listeners,
      on(channel: string, l: (e: unknown, m: unknown) => void) {
        (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(l);
      },
      removeListener(channel: string, l: (e: unknown, m: unknown) => void) {
        listeners.get(channel)?.delete(l);
      },
      emit(channel: string, message: unknown) {
        for (const l of listeners.get(channel) ?? []) l({ sender: 'the ipc event' }, message);
      },
    };
  }

  it('offers exactly the documented exceptions', () => {
    const surface = desktopSurface(fakeIpc(), () => '');
    expect(Object.keys(surface)).toEqual([...desktopSurfaceNames]);
  });

  it('relays known menu commands without the IPC event, and stops on unsubscribe', () => {
    const ipc = fakeIpc();
    const got: unknown[] = [];
    const off = desktopSurface(ipc, () => '').onMenu((m) => got.push(m));
    ipc.emit(MENU_CHANNEL, { command: 'find' });
    ipc.emit(MENU_CHANNEL, { command: 'rm -rf' });
    ipc.emit(MENU_CHANNEL, null);
    ipc.emit(MENU_CHANNEL, { command: 'import-folder', extra: 'dropped' });
    expect(got).toEqual([{ command: 'find' }, { command: 'import-folder' }]);
    off();
    ipc.emit(MENU_CHANNEL, { command: 'export' });
    expect(got).toHaveLength(2);
    expect(ipc.listeners.get(MENU_CHANNEL)?.size).toBe(0);
  });

  it('turns a dropped file into its path', () => {
    const file = new File(['x'], 'Тошкент.txt');
    const surface = desktopSurface(fakeIpc(), (f) => `/home/u/${f.name}`);
    expect(surface.pathForFile(file)).toBe('/home/u/Тошкент.txt');
  });
});
