// The only module that talks to the main side. In the desktop app the preload exposes
// `window.qalam` (one function per contract call, over IPC); in browser mode the same calls go
// to `POST /api/<name>` on the local server with the per-launch token. Either way the caller gets
// the typed value or a thrown ApiError with the contract's error code.
// Only types come from the contract: its zod schemas are for the main side to validate with,
// and leaving them out keeps the renderer's first download small (the library must show its
// first rows fast).
import type { Api, CallName, CallResult } from '../../shared/contract/index.js';

/// An error the main side reported: a stable `code` and a message for people.
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type RawCall = (name: CallName, input: unknown) => Promise<CallResult<unknown>>;

declare global {
  interface Window {
    /// Set by the Electron preload: one function per contract call, each returning a CallResult.
    qalam?: Record<string, (input: unknown) => Promise<CallResult<unknown>>>;
  }
}

const TOKEN_KEY = 'qalam.token';

/// The browser-mode token arrives once in the URL (`?token=…`); keep it for this tab and take it
/// out of the address bar so it is not bookmarked or shared by accident.
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/// Where the browser downloads the file a finished export job wrote (browser mode only: the
/// desktop app writes where the user chose); null in the desktop app.
export function exportDownloadUrl(jobId: string): string | null {
  if (transport !== 'http') return null;
  return `download/${encodeURIComponent(jobId)}?token=${encodeURIComponent(browserToken())}`;
}

function httpTransport(): RawCall {
  const token = browserToken();
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetch(`api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-qalam-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch (e) {
      return { ok: false, error: { code: 'offline', message: 'The Qalam server is not answering. Is `qalam serve` still running?' } };
    }
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: { code: 'forbidden', message: 'This page is not allowed to use the library: open the address `qalam serve` printed.' } };
    }
    try {
      return (await response.json()) as CallResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a result.` } };
    }
  };
}

function ipcTransport(bridge: NonNullable<Window['qalam']>): RawCall {
  return (name, input) => bridge[name](input);
}

/// How this window reaches the library: Electron IPC, or HTTP in browser mode.
export const transport: 'ipc' | 'http' = typeof window !== 'undefined' && window.qalam ? 'ipc' : 'http';
const raw: RawCall = transport === 'ipc' ? ipcTransport(window.qalam!) : httpTransport();

const clients = new Map<string, (input: unknown) => Promise<unknown>>();

/// The typed client: `await api.search({query})`. One function per call name, made on first use.
export const api = new Proxy({} as Api, {
  get(_target, name) {
    // Not a call: keeps `await api`, string conversion and devtools inspection harmless.
    if (typeof name !== 'string' || name === 'then' || name === 'toJSON') return undefined;
    let client = clients.get(name);
    if (!client) {
      client = async (input: unknown) => {
        const result = await raw(name as CallName, input);
        if (!result.ok) throw new ApiError(result.error.code, result.error.message);
        return result.value;
      };
      clients.set(name, client);
    }
    return client;
  },
});
