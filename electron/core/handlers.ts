import type { CallArgs, CallName, CallOutput } from '../../shared/contract/index.js';
import { hostCallNames } from '../../shared/contract/index.js';

/// What every call handler may know about who is calling.
export interface CallContext {
  /// `ipc`, `http` or `cli`: some calls (native dialogs) only make sense for one.
  transport: 'ipc' | 'http' | 'cli' | 'test';
}

export type Handler<N extends CallName> = (args: CallArgs<N>, ctx: CallContext) => CallOutput<N> | Promise<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };

type HostCallName = (typeof hostCallNames)[number];
/// The calls the archive itself answers: everything but the host's own.
export type ArchiveCallName = Exclude<CallName, HostCallName>;
export type ArchiveHandlers = { [N in ArchiveCallName]: Handler<N> };
export type HostHandlers = { [N in HostCallName]: Handler<N> };
