import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../core/archive.js';
import { packageRoot } from '../../core/app-info.js';
import { resolveLibraryPath } from '../../core/library-path.js';
import { loadServedFirstScreen } from '../../server/first-screen.js';
import { startServer } from '../../server/server.js';
import { EXIT_FAILED, EXIT_OK, type CliIO, type Command, type ParsedArgs } from '../command.js';
import { intOption, stringOption } from '../options.js';

/// Where `npm run build:renderer` puts the renderer that browser mode serves.
export function rendererBuildDir(): string {
  return join(packageRoot(), 'dist', 'renderer');
}

/// Resolves on the first SIGINT or SIGTERM (tests pass their own).
export type StopSignal = Promise<string>;

function processStopSignal(): StopSignal {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export interface ServeDeps {
  /// What ends the server; the process's SIGINT/SIGTERM by default.
  stop?: () => StopSignal;
  /// The built renderer; dist/renderer by default.
  rendererDir?: string;
  /// The built first screen (vite.first-screen.config.ts); dist/first-screen/first-screen.js,
  /// beside the renderer, by default.
  firstScreenModule?: string;
}

/// Run browser mode until it is told to stop: print the address first, then serve.
export async function serve(args: ParsedArgs, io: CliIO, deps: ServeDeps = {}): Promise<number> {
  const port = intOption(args, 'port', 0, 0, 65535);
  const rendererDir = deps.rendererDir ?? rendererBuildDir();
  if (!existsSync(join(rendererDir, 'index.html'))) {
    io.err(`qalam serve: the app is not built yet; run "npm run build:renderer" first.\n`);
    return EXIT_FAILED;
  }
  // Without it (a renderer built on its own) the page draws its first screen itself.
  const firstScreen = await loadServedFirstScreen(deps.firstScreenModule ?? join(rendererDir, '..', 'first-screen', 'first-screen.js')).catch(() => null);
  const dbPath = resolveLibraryPath(stringOption(args, 'db'), io.env);
  // A library Qalam may not write to here is still served, for reading: changes are refused.
  const archive = openArchive(dbPath, {}, { readOnlyIfUnwritable: true });
  let running;
  try {
    running = await startServer({ handlers: archive.handlers, jobs: archive.ctx.jobs, rendererDir, port, firstScreen });
  } catch (e) {
    archive.close();
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`qalam serve: cannot listen on 127.0.0.1:${port}: ${code === 'EADDRINUSE' ? 'the port is in use; pick another with --port, or 0 for any' : (e as Error).message}\n`);
    return EXIT_FAILED;
  }
  const stopped = (deps.stop ?? processStopSignal)();
  // The address is the first line on stdout, so scripts and tests can read it.
  io.out(running.url + '\n');
  io.err(`Serving ${dbPath}${archive.ctx.lib.readonly ? ' for reading only (it may not be written here)' : ''} on ${running.origin} — open the address above; Ctrl+C stops.\n`);
  const signal = await stopped;
  io.err(`Stopping (${signal})…\n`);
  await running.close();
  archive.close();
  return EXIT_OK;
}

export const serveCommands: Command[] = [
  {
    name: 'serve',
    summary: 'Use the app in a browser: serve it on 127.0.0.1 with a per-launch secret',
    usage: `
Usage: qalam serve [--db FILE] [--port N]

Serves the app and the library to a browser on this machine only. The first line printed is the
address to open (http://127.0.0.1:PORT/?token=…); the secret in it changes at every launch and is
required by every call. Ctrl+C stops the server and closes the library.

  --port N    the port to listen on (default 0: any free port)`,
    options: { port: { type: 'string' } },
    run: (args, io) => serve(args, io),
  },
];
