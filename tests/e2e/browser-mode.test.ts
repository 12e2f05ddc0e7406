import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { watchProblems } from './page-checks.js';
import { startServe, type ServeProcess } from './serve-process.js';

// Browser mode as a browser sees it: the real `qalam serve` process and a real Chromium.
describe('browser mode in Chromium', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let foreign: Server;
  let foreignOrigin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-e2e-mode-'));
    [serve, browser] = await Promise.all([startServe(join(dir, 'library.sqlite')), launchChromium()]);
    // Another site on this machine, whose page tries to use the library.
    foreign = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>elsewhere</title>');
    });
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
    foreignOrigin = `http://localhost:${(foreign.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    if (serve) expect(await serve.stop()).toBe(0);
    foreign?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the printed address, takes the secret out of the address bar and keeps working after a reload', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) calls.push(r.headers()['x-qalam-token'] ?? '');
    });
    const response = await page.goto(serve.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
    expect(page.url().startsWith(`${serve.origin}/`)).toBe(true);
    expect(page.url()).not.toContain(serve.token);
    await page.reload();
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
    expect(await page.evaluate(() => sessionStorage.getItem('qalam.token'))).toBe(serve.token);
    // Every call the app made carried the secret.
    expect(calls.every((t) => t === serve.token)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('calls the API from its own page, and from no other site', async () => {
    const page = await browser.newPage();
    await page.goto(serve.url);
    const own = await page.evaluate(async (token) => {
      const r = await fetch('/api/createCollection', { method: 'POST', headers: { 'content-type': 'application/json', 'x-qalam-token': token }, body: JSON.stringify({ name: 'Own page' }) });
      return r.json();
    }, serve.token);
    expect(own).toMatchObject({ ok: true, value: { name: 'Own page' } });

    // Even knowing the secret, another site's page can neither read nor change the library.
    await page.goto(foreignOrigin);
    const attempts = await page.evaluate(
      async ({ origin, token }) => {
        const body = JSON.stringify({ name: 'Stolen' });
        const tries: Record<string, RequestInit> = {
          // With the secret: needs a CORS preflight, which the server does not grant.
          cors: { method: 'POST', headers: { 'content-type': 'application/json', 'x-qalam-token': token }, body },
          // A "simple" request needs no preflight, but it cannot carry the secret header.
          simple: { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain', 'x-qalam-token': token }, body },
        };
        const out: Record<string, string> = {};
        for (const [name, init] of Object.entries(tries)) {
          try {
            const r = await fetch(`${origin}/api/createCollection`, init);
            out[name] = r.type === 'opaque' ? 'opaque' : `read ${r.status}`;
          } catch {
            out[name] = 'blocked';
          }
        }
        return out;
      },
      { origin: serve.origin, token: serve.token },
    );
    expect(attempts.cors).toBe('blocked');
    // Cross-Origin-Resource-Policy makes even the opaque answer a network error.
    expect(attempts.simple).toBe('blocked');
    await page.close();

    const check = await fetch(`${serve.origin}/api/listCollections`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-qalam-token': serve.token }, body: '{}' });
    expect(((await check.json()) as { value: { name: string }[] }).value.map((c) => c.name)).toEqual(['Own page']);
  });
});
