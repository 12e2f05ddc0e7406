import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { callNames, type CallResult } from '../../shared/contract/index.js';
import { dispatch } from '../core/dispatch.js';
import type { Handlers } from '../core/handlers.js';
import { channelFor } from '../../shared/contract/channels.js';
import type { AppPage } from './navigation.js';
import { judgeSender } from './sender.js';

/// What the IPC layer needs from the rest of the main process.
export interface IpcRouting {
  page: AppPage;
  /// The handlers that answer a given window: its library's archive plus the host calls bound to
  /// that window (dialogs are modal to it). Undefined when the contents are not one of ours.
  handlersFor(contents: WebContents): Partial<Handlers> | undefined;
}

/// Answer one message: refuse a foreign sender, then let `dispatch` check the name and input
/// against the contract. Whatever happens, the answer is data; nothing is thrown across IPC.
export async function answer(routing: IpcRouting, name: string, event: IpcMainInvokeEvent, input: unknown): Promise<CallResult<unknown>> {
  const verdict = judgeSender(event, (c) => routing.handlersFor(c) !== undefined, routing.page);
  if (verdict) {
    return { ok: false, error: { code: 'forbidden', message: `${name}: refused a message from outside the app's own window (${verdict}).` } };
  }
  return dispatch(routing.handlersFor(event.sender) ?? {}, name, input, { transport: 'ipc' });
}

/// Register one `qalam:<name>` handler per contract call, and nothing else. Returns the
/// channels registered (tests compare them with the contract).
export function registerContractChannels(ipcMain: Pick<IpcMain, 'handle'>, routing: IpcRouting): string[] {
  const channels: string[] = [];
  for (const name of callNames) {
    const channel = channelFor(name);
    ipcMain.handle(channel, (event, input: unknown) => answer(routing, name, event, input));
    channels.push(channel);
  }
  return channels;
}
