import type { IncomingMessage } from 'node:http';

/// The names the server answers to. A page served from any other host name (an attacker's domain
/// that re-binds its DNS to 127.0.0.1) sends its own Host header, and is refused.
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/// Why a request is refused before it is looked at further, or null when it may go on: a foreign
/// Host (DNS rebinding) or a foreign Origin (another site's page calling in).
export function foreignRequest(req: IncomingMessage, port: number): string | null {
  const hosts = allowedHosts(port);
  const host = req.headers.host?.toLowerCase();
  if (!host || !hosts.includes(host)) return `Host "${host ?? ''}" is not this server.`;
  const origin = req.headers.origin;
  // Browsers send Origin on every POST and on cross-origin GETs; same-origin navigations may
  // omit it. "null" (sandboxed frames, file: pages) is foreign too.
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return `Origin "${origin}" is not this server.`;
  }
  // A modern browser marks requests made by another site's page even when Origin is absent.
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return 'Cross-site requests are refused.';
  return null;
}
