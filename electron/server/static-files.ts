import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { sendText } from './security-headers.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  // What exports are downloaded as.
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.zip': 'application/zip',
  '.qdpx': 'application/zip',
  '.qdc': 'application/xml; charset=utf-8',
};

/// The content type of a file by its extension; unknown kinds are served as bytes, which a
/// browser with nosniff will not run.
export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/// The file a URL path names inside `root`, or null when it names nothing there. Each segment is
/// decoded on its own, and any that could climb out or hide ("..", ".", dot-files, separators or
/// NUL inside a segment) refuses the whole path, before the file system is asked anything.
export function resolveStaticPath(root: string, urlPath: string): string | null {
  if (urlPath === '/') return join(root, 'index.html');
  const segments = urlPath.split('/').slice(1);
  const decoded: string[] = [];
  for (const raw of segments) {
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (s === '' || s.startsWith('.') || /[\\/\0:]/.test(s)) return null;
    decoded.push(s);
  }
  const candidate = join(root, ...decoded);
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return null;
  }
  // A symbolic link inside the build could still point outside it.
  if (!real.startsWith(root + sep)) return null;
  return real;
}

/// Serve a file of the built renderer (GET and HEAD only). `root` must be a real path.
export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Only GET and HEAD are allowed here.', { Allow: 'GET, HEAD' });
    return;
  }
  const file = resolveStaticPath(root, urlPath);
  const stat = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!file || !stat?.isFile()) {
    sendText(res, 404, 'Not found.');
    return;
  }
  // Vite names the files under assets/ by their content hash, so they never change; the page
  // itself must be fetched again so a rebuilt app is picked up.
  const immutable = urlPath.startsWith('/assets/');
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': String(stat.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
