import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../core/archive.js';
import { startServer, type RunningServer } from './server.js';

const corpus = new URL('../../../shared/corpus/', import.meta.url);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/// A raw HTTP request: fetch() would normalise the path ("..") and forbid setting Host.
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('browser-mode server', () => {
  let dir: string;
  let archive: Archive;
  let srv: RunningServer;
  let call: (name: string, input: unknown, headers?: Record<string, string>) => Promise<Answer>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-server-'));
    const renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Qalam</title><script type="module" src="./assets/app-1a2b.js"></script>');
    writeFileSync(join(renderer, 'assets', 'app-1a2b.js'), 'console.log("app")');
    writeFileSync(join(renderer, 'assets', 'app-1a2b.css'), 'body{}');
    // Things outside the served folder that must never be reachable.
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
    symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
    archive = openArchive(join(dir, 'library.sqlite'), { exportDir: join(dir, 'exports') });
    srv = await startServer({ handlers: archive.handlers, jobs: archive.ctx.jobs, rendererDir: renderer, maxBodyBytes: 4 * 1024 * 1024 });
    call = (name, input, headers = {}) =>
      raw(srv.port, 'POST', `/api/${name}`, { 'content-type': 'application/json', 'x-qalam-token': srv.token, ...headers }, JSON.stringify(input));
  });

  afterAll(async () => {
    await srv?.close();
    archive?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives a loopback address with a fresh 32-byte secret', () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(srv.token, 'base64url')).toHaveLength(32);
    expect(srv.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers a call made with the secret', async () => {
    const r = await call('libraryInfo', {});
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const result = JSON.parse(r.body);
    expect(result).toMatchObject({ ok: true, value: { articles: 0, annotations: 0 } });
    expect(result.value.path).toBe(join(dir, 'library.sqlite'));
  });

  it('refuses API calls without the secret or with a wrong one (401), before looking at anything else', async () => {
    const without = await raw(srv.port, 'POST', '/api/libraryInfo', { 'content-type': 'application/json' }, '{}');
    expect(without.status).toBe(401);
    const wrong = await call('libraryInfo', {}, { 'x-qalam-token': srv.token.slice(0, -1) + (srv.token.endsWith('A') ? 'B' : 'A') });
    expect(wrong.status).toBe(401);
    const empty = await call('libraryInfo', {}, { 'x-qalam-token': '' });
    expect(empty.status).toBe(401);
    // Even an unknown call, a foreign host or a wrong method is a 401 first: nothing leaks.
    expect((await raw(srv.port, 'GET', '/api/nothing', { host: 'evil.example:80' })).status).toBe(401);
    // The secret in the query string does not count for the API.
    expect((await raw(srv.port, 'POST', `/api/libraryInfo?token=${srv.token}`, { 'content-type': 'application/json' }, '{}')).status).toBe(401);
  });

  it('refuses a foreign Host even with the secret (403: DNS rebinding)', async () => {
    const r = await call('libraryInfo', {}, { host: `attacker.example:${srv.port}` });
    expect(r.status).toBe(403);
    // Refused, with nothing of the library in the answer.
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'forbidden', message: `Host "attacker.example:${srv.port}" is not this server.` } });
    expect((await call('libraryInfo', {}, { host: `127.0.0.1:${srv.port + 1}` })).status).toBe(403);
    expect((await raw(srv.port, 'GET', '/', { host: 'attacker.example' })).status).toBe(403);
    // Both names of this machine are the server's own.
    expect((await call('libraryInfo', {}, { host: `localhost:${srv.port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin even with the secret (403: cross-site)', async () => {
    expect((await call('libraryInfo', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('libraryInfo', {}, { origin: 'null' })).status).toBe(403);
    expect((await call('libraryInfo', {}, { origin: `http://127.0.0.1:${srv.port + 1}` })).status).toBe(403);
    expect((await call('libraryInfo', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('libraryInfo', {}, { origin: srv.origin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('answers an unknown call and bad input as error data', async () => {
    const unknown = await call('dropEverything', {});
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toEqual({ ok: false, error: { code: 'unknown_call', message: expect.stringContaining('dropEverything') } });
    // Names that exist on every object are not calls.
    expect(JSON.parse((await call('constructor', {})).body).error.code).toBe('unknown_call');
    const bad = JSON.parse((await call('jobStatus', { id: 42 })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(bad.error.message).toBe('The id should be text.');
  });

  it('takes POST with a JSON body only', async () => {
    const get = await raw(srv.port, 'GET', '/api/libraryInfo', { 'x-qalam-token': srv.token });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    // Every refusal of a call has the shape of every other answer of the API.
    expect(JSON.parse(get.body)).toEqual({ ok: false, error: { code: 'method_not_allowed', message: 'API calls are POST requests.' } });
    const form = await raw(srv.port, 'POST', '/api/libraryInfo', { 'x-qalam-token': srv.token, 'content-type': 'text/plain' }, '{}');
    expect(form.status).toBe(415);
    expect(JSON.parse(form.body)).toEqual({ ok: false, error: { code: 'unsupported_media_type', message: 'API calls send application/json.' } });
    const anonymous = await raw(srv.port, 'POST', '/api/libraryInfo', { 'content-type': 'application/json' }, '{}');
    expect(anonymous.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(anonymous.body).error.code).toBe('unauthorized');
    const notJson = await raw(srv.port, 'POST', '/api/libraryInfo', { 'x-qalam-token': srv.token, 'content-type': 'application/json' }, '{"oops');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe('bad_input');
  });

  it('refuses a body over the limit with 413 and a clear message', async () => {
    const big = JSON.stringify({ files: [{ name: 'big.txt', dataBase64: 'A'.repeat(5 * 1024 * 1024) }] });
    const r = await call('importUpload', JSON.parse(big));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error).toMatchObject({ code: 'too_large', message: expect.stringContaining('4 MB') });
    expect(JSON.parse((await call('libraryInfo', {})).body).value.articles).toBe(0);
  });

  it('imports an uploaded corpus article and reads it back in its own script', async () => {
    const bytes = readFileSync(new URL('uz-cyrl/uzt-053.txt', corpus));
    const started = JSON.parse((await call('importUpload', { files: [{ name: 'uzt-053.txt', dataBase64: bytes.toString('base64') }] })).body);
    expect(started.ok).toBe(true);
    const done = await archive.ctx.jobs.wait(started.value.jobId);
    expect(done.state).toBe('done');
    const list = JSON.parse((await call('listArticles', {})).body);
    expect(list.value.total).toBe(1);
    const article = JSON.parse((await call('getArticle', { id: list.value.items[0].id })).body);
    expect(article.value.script).toBe('Cyrl');
    expect(article.value.text).toContain('Қозоғистонга');
    expect(article.value.provenance.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('answers the host calls itself: no native dialogs, links opened by the browser', async () => {
    expect(JSON.parse((await call('capabilities', {})).body)).toEqual({ ok: true, value: { nativeDialogs: false, transport: 'http' } });
    for (const [name, input] of [['chooseImportPaths', {}], ['chooseSavePath', { defaultName: 'x.csv' }], ['openExternal', { url: 'https://example.org' }]] as const) {
      const r = JSON.parse((await call(name, input)).body);
      expect(r).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    }
  });

  it('serves the built app with its security headers and content types', async () => {
    const page = await raw(srv.port, 'GET', '/?token=whatever');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Qalam</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = await raw(srv.port, 'GET', '/assets/app-1a2b.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect((await raw(srv.port, 'GET', '/assets/app-1a2b.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await raw(srv.port, 'HEAD', '/assets/app-1a2b.js');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await raw(srv.port, 'POST', '/index.html')).status).toBe(405);
    expect((await raw(srv.port, 'GET', '/missing.js')).status).toBe(404);
  });

  it('answers the favicon with 204 so the browser logs no error', async () => {
    expect((await raw(srv.port, 'GET', '/favicon.ico')).status).toBe(204);
  });

  it('refuses every way out of the app folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/link.txt',
      '/assets/%00app-1a2b.js',
      '/%ff',
      '/.%2e/secret.txt',
      '//etc/passwd',
    ]) {
      const r = await raw(srv.port, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toContain('TOP-SECRET');
      expect(r.body, path).not.toContain('root:');
    }
  });

  it('downloads the file a finished export wrote, with the secret only', async () => {
    const out = join(dir, 'exports', 'Ўзбек passages.csv');
    mkdirSync(join(dir, 'exports'), { recursive: true });
    const jobId = archive.ctx.jobs.start('export:csv', async () => {
      writeFileSync(out, 'id,exact\n1,Қозоғистон\n');
      return { path: out };
    });
    await archive.ctx.jobs.wait(jobId);
    expect((await raw(srv.port, 'GET', `/download/${jobId}`)).status).toBe(401);
    expect((await raw(srv.port, 'GET', `/download/${jobId}?token=nope`)).status).toBe(401);
    expect((await raw(srv.port, 'GET', `/download/${jobId}`, { 'x-qalam-token': srv.token })).status).toBe(401);
    expect((await raw(srv.port, 'GET', `/download/${jobId}?token=${srv.token}`, { host: 'evil.example' })).status).toBe(403);
    const r = await raw(srv.port, 'GET', `/download/${jobId}?token=${srv.token}`);
    expect(r.status).toBe(200);
    expect(r.body).toBe('id,exact\n1,Қозоғистон\n');
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="_____ passages.csv"; filename*=UTF-8''${encodeURIComponent('Ўзбек passages.csv')}`,
    );
  });

  it('downloads nothing but export results', async () => {
    const other = archive.ctx.jobs.start('import', async () => ({ path: join(dir, 'secret.txt') }));
    await archive.ctx.jobs.wait(other);
    const r = await raw(srv.port, 'GET', `/download/${other}?token=${srv.token}`);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('TOP-SECRET');
    expect((await raw(srv.port, 'GET', `/download/no-such-job?token=${srv.token}`)).status).toBe(404);
    const failed = archive.ctx.jobs.start('export:csv', async () => {
      throw new Error('disk full');
    });
    await archive.ctx.jobs.wait(failed);
    const f = await raw(srv.port, 'GET', `/download/${failed}?token=${srv.token}`);
    expect(f.status).toBe(409);
    expect(f.body).toContain('disk full');
  });
});
