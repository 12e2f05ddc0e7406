import { readFileSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ServedFirstScreen } from '../../shared/first-screen.js';
import type { ArchiveHandlers, Handlers } from '../core/handlers.js';
import { dispatch, invoke } from '../core/dispatch.js';
import type { JobRegistry } from '../core/jobs.js';
import { serveDownload } from './download.js';
import { browserHostHandlers } from './host-handlers.js';
import { BodyError, MAX_BODY_BYTES, readJsonBody } from './json-body.js';
import { pageWithFirstScreen, scriptHashSource } from './first-screen.js';
import { foreignRequest } from './request-guard.js';
import { contentSecurityPolicyWith, sendJson, sendText, setSecurityHeaders } from './security-headers.js';
import { resolveStaticPath, serveStatic } from './static-files.js';
import { newToken, sameToken } from './token.js';

export interface ServeOptions {
  /// The archive's handlers; the server adds the host calls itself.
  handlers: ArchiveHandlers;
  /// Where finished export jobs are found for downloads.
  jobs: JobRegistry;
  /// The built renderer (dist/renderer).
  rendererDir: string;
  /// 0 (the default) picks a free port.
  port?: number;
  /// Fixed only by tests; normally a fresh secret per launch.
  token?: string;
  /// Largest API body in bytes.
  maxBodyBytes?: number;
  /// The library's first screen, drawn into the page (from the renderer's build); without it
  /// the page is served as it is and draws the screen itself.
  firstScreen?: ServedFirstScreen | null;
}

export interface RunningServer {
  /// The address to open, secret included: `http://127.0.0.1:PORT/?token=SECRET`.
  url: string;
  origin: string;
  port: number;
  token: string;
  server: Server;
  /// Stop accepting, let calls in flight finish, then resolve.
  close(): Promise<void>;
}

/// Browser mode: the built renderer and every contract call as `POST /api/<name>` on
/// 127.0.0.1 only. Each API call must carry the per-launch secret (401 otherwise, before anything
/// else), and requests naming another host or coming from another origin are refused (403), so
/// neither another web page nor another local user can reach the library.
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const root = realpathSync(options.rendererDir);
  const handlers: Partial<Handlers> = { ...options.handlers, ...browserHostHandlers };
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let port = 0;

  const server = createServer((req, res) => {
    const started = performance.now();
    setSecurityHeaders(res);
    // The server's own time for each answer, which the browser reports beside its timings
    // (Resource Timing's serverTiming): what is the server's and what is the network's or the page's.
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      if (!this.hasHeader('Server-Timing')) this.setHeader('Server-Timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    handle(req, res).catch((e) => {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${(e as Error).message}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));

    if (path.startsWith('/api/')) {
      if (!sameToken(headerValue(req, 'x-qalam-token'), token)) return refuseCall(req, res, 401, 'unauthorized', 'A valid x-qalam-token is required.');
      const foreign = foreignRequest(req, port);
      if (foreign) return refuseCall(req, res, 403, 'forbidden', foreign);
      if (req.method !== 'POST') return refuseCall(req, res, 405, 'method_not_allowed', 'API calls are POST requests.', { Allow: 'POST' });
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') return refuseCall(req, res, 415, 'unsupported_media_type', 'API calls send application/json.');
      let input: unknown;
      try {
        input = await readJsonBody(req, maxBody);
      } catch (e) {
        if (!(e instanceof BodyError)) throw e;
        const code = e.status === 413 ? 'too_large' : 'bad_input';
        req.resume();
        res.setHeader('Connection', 'close');
        return sendJson(res, e.status, { ok: false, error: { code, message: e.message } });
      }
      // A call's own failure (unknown name, bad input, not found…) is data in a 200 answer:
      // HTTP statuses are kept for the transport, and the renderer reads the CallResult.
      const name = decodeSegment(path.slice('/api/'.length));
      return sendJson(res, 200, await dispatch(handlers, name, input, { transport: 'http' }));
    }

    if (path.startsWith('/download/')) {
      if (!sameToken(query.get('token') ?? undefined, token)) return refuse(req, res, 401, 'A valid token is required.');
      const foreign = foreignRequest(req, port);
      if (foreign) return refuse(req, res, 403, foreign);
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'Downloads are GET requests.', { Allow: 'GET, HEAD' });
      return serveDownload(res, options.jobs, decodeSegment(path.slice('/download/'.length)), req.method === 'HEAD');
    }

    const foreign = foreignRequest(req, port);
    if (foreign) return refuse(req, res, 403, foreign);
    // The renderer has no icon file; answer so the browser logs no error for it.
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'Cache-Control': 'public, max-age=86400' });
      res.end();
      return;
    }
    // The page itself, opened with the secret: with the library's first screen drawn into it,
    // since it may then show what the library holds.
    if (path === '/' && req.method === 'GET' && options.firstScreen && sameToken(query.get('token') ?? undefined, token)) {
      const page = await firstScreenPage(options.firstScreen);
      if (page) {
        const body = Buffer.from(page.html, 'utf8');
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': String(body.length),
          'Content-Security-Policy': contentSecurityPolicyWith([scriptHashSource(page.guard)]),
          // It holds the library's rows as they are now.
          'Cache-Control': 'no-store',
        });
        res.end(body);
        return;
      }
    }
    serveStatic(req, res, root, path);
  }

  /// index.html with the first screen drawn in it, or null to serve the page as it is (the
  /// screen's call failed, the library is empty, the page is not shaped as expected).
  async function firstScreenPage(screen: ServedFirstScreen): Promise<{ html: string; guard: string } | null> {
    try {
      const answer = await invoke(handlers, screen.call.name, screen.call.input, { transport: 'http' });
      const drawn = screen.draw(answer);
      const html = drawn === null ? null : pageWithFirstScreen(readFileSync(join(root, 'index.html'), 'utf8'), drawn, screen.guard, readStylesheet);
      return html === null ? null : { html, guard: screen.guard };
    } catch {
      return null;
    }
  }

  /// A stylesheet of the built renderer by its URL path, to put into the page; null when there is none.
  function readStylesheet(urlPath: string): string | null {
    const file = resolveStaticPath(root, urlPath);
    try {
      return file === null ? null : readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  // Make the first screen's call (the library's first page, newest first) once now, so the
  // first visitor does not wait for SQLite to bring its pages into memory (about 100 ms on
  // 100,000 articles).
  const warmUp = options.firstScreen?.call ?? { name: 'listArticles' as const, input: { sort: 'date', order: 'desc', offset: 0, limit: 200 } };
  setImmediate(() => void Promise.resolve(invoke(handlers, warmUp.name, warmUp.input, { transport: 'http' })).catch(() => undefined));
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep idle connections open; they would hold close() back for minutes.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}

/// Refuse without reading the body; drain what the client sends so the answer reaches it.
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  req.resume();
  sendText(res, status, message, headers);
}

/// Refuse an API call the way every answer of the API is shaped (`{ok: false, error}`), so a
/// client reads one format whatever went wrong.
function refuseCall(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  req.resume();
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, status, { ok: false, error: { code, message } });
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
