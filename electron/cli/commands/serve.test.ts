import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { CliIO } from '../command.js';
import { runCli } from '../main.js';
import { serve } from './serve.js';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), isTTY: false, env: {} };
}

describe('qalam serve', () => {
  let dir: string;
  let renderer: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-serve-'));
    renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Qalam</title>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the address as the first line, serves until stopped, then closes the library', async () => {
    const io = captureIO();
    const db = join(dir, 'lib.sqlite');
    let stop!: (signal: string) => void;
    const running = serve({ values: { db }, positionals: [] }, io, { rendererDir: renderer, stop: () => new Promise((r) => (stop = r)) });
    while (io.stdout.length === 0) await new Promise((r) => setTimeout(r, 10));
    const first = io.stdout.join('').split('\n')[0];
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const url = new URL(first);
    const token = url.searchParams.get('token')!;
    const r = await fetch(new URL('/api/libraryInfo', url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-qalam-token': token }, body: '{}' });
    expect(await r.json()).toMatchObject({ ok: true, value: { path: db } });
    expect((await fetch(new URL('/api/libraryInfo', url), { method: 'POST', body: '{}' })).status).toBe(401);

    stop('SIGTERM');
    expect(await running).toBe(0);
    expect(io.stderr.join('')).toContain('Stopping (SIGTERM)');
    await expect(fetch(url)).rejects.toThrow();
    // Closed cleanly: the write-ahead log was folded back into the file.
    expect(existsSync(db + '-wal')).toBe(false);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('gives a fresh secret at every launch', async () => {
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const io = captureIO();
      let stop!: (signal: string) => void;
      const running = serve({ values: { db: join(dir, 'lib.sqlite') }, positionals: [] }, io, { rendererDir: renderer, stop: () => new Promise((r) => (stop = r)) });
      while (io.stdout.length === 0) await new Promise((r) => setTimeout(r, 10));
      urls.push(io.stdout[0].trim());
      stop('SIGINT');
      await running;
    }
    expect(new URL(urls[0]).searchParams.get('token')).not.toBe(new URL(urls[1]).searchParams.get('token'));
  });

  it('says how to build the app when it is not built, and opens nothing', async () => {
    const io = captureIO();
    const db = join(dir, 'never.sqlite');
    expect(await serve({ values: { db }, positionals: [] }, io, { rendererDir: join(dir, 'nowhere') })).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('')).toMatch(/not built.*npm run build:renderer/);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a port that is not one, and a port in use', async () => {
    const io = captureIO();
    expect(await runCli(['serve', '--db', join(dir, 'x.sqlite'), '--port', '70000'], io)).toBe(2);
    expect(io.stderr.join('')).toContain('--port takes a whole number from 0 to 65535');

    const holder = captureIO();
    let stop!: (signal: string) => void;
    const running = serve({ values: { db: join(dir, 'lib.sqlite') }, positionals: [] }, holder, { rendererDir: renderer, stop: () => new Promise((r) => (stop = r)) });
    while (holder.stdout.length === 0) await new Promise((r) => setTimeout(r, 10));
    const port = new URL(holder.stdout[0]).port;
    const second = captureIO();
    expect(await serve({ values: { db: join(dir, 'lib.sqlite'), port }, positionals: [] }, second, { rendererDir: renderer })).toBe(1);
    expect(second.stderr.join('')).toContain('the port is in use');
    stop('SIGINT');
    await running;
  });
});
