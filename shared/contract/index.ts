// The one list of every call between the renderer and the main side. The preload, the IPC
// handlers, the HTTP server and the renderer's api module are all derived from it.
import type { z } from 'zod';
import { appCalls } from './app.js';
import { annotationCalls } from './annotations.js';
import { articleCalls } from './articles.js';
import { collectionCalls } from './collections.js';
import { exportCalls } from './exports.js';
import { libraryCalls } from './library.js';
import { searchCalls } from './search.js';
import { tagCalls } from './tags.js';

export const contract = {
  ...libraryCalls,
  ...articleCalls,
  ...searchCalls,
  ...annotationCalls,
  ...tagCalls,
  ...collectionCalls,
  ...exportCalls,
  ...appCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
/// What a caller may pass (defaults not yet applied).
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/// What a handler receives, after validation applied the defaults.
export type CallArgs<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

/// The typed client every transport offers the renderer.
export type Api = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

/// The calls the host (Electron main, or the browser-mode server) answers rather than the archive.
export const hostCallNames = Object.keys(appCalls) as (keyof typeof appCalls)[];
export const callNames = Object.keys(contract) as CallName[];

export * from './define.js';
