import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/// The project root, whichever folder the tests run from.
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ServeProcess {
  /// The address `qalam serve` printed, secret included.
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  /// What the server wrote to stderr so far (for failure messages).
  stderr(): string;
  /// SIGTERM, then wait for a clean exit; resolves to the exit code.
  stop(): Promise<number | null>;
  /// Make a contract call as the page does (to set up or check the library); throws its error.
  call<T>(name: string, input?: unknown): Promise<T>;
}

/// Start the real `qalam serve --db DB --port 0` as a user would and read the address it prints
/// first. The built renderer must exist (`npm run build:renderer`).
/// `asUser`: run it as that user (by uid) when the tests run as root, as one who may only read
/// what the test made read-only (root writes through file modes).
export async function startServe(db: string, env: NodeJS.ProcessEnv = {}, options: { asUser?: number } = {}): Promise<ServeProcess> {
  if (!existsSync(`${repoRoot}dist/renderer/index.html`)) {
    throw new Error('The renderer is not built: run "npm run build:renderer" before the end-to-end tests.');
  }
  const command = [process.execPath, `${repoRoot}bin/qalam.js`, 'serve', '--db', db, '--port', '0'];
  if (options.asUser !== undefined && process.getuid?.() === 0) command.unshift('setpriv', `--reuid=${options.asUser}`, `--regid=${options.asUser}`, '--clear-groups');
  const child = spawn(command[0]!, command.slice(1), {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (err += t));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    new Promise<string>((resolve) => lines.once('line', resolve)),
    exited.then((code) => {
      throw new Error(`qalam serve exited (${code}) before printing its address:\n${err}`);
    }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`qalam serve printed no address in 30 s:\n${err}`)), 30_000).unref()),
  ]);
  const url = new URL(first);
  return {
    url: first,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    child,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    call: async <T>(name: string, input: unknown = {}) => {
      const r = await fetch(`${url.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-qalam-token': url.searchParams.get('token') ?? '' },
        body: JSON.stringify(input),
      });
      const result = (await r.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
      if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
  };
}
