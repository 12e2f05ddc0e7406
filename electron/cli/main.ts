import { parseArgs } from 'node:util';
import { QalamError } from '../core/errors.js';
import { commands } from './commands/index.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command, type OptionSpec } from './command.js';

const common: OptionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'qalam — the Qalam archive from the command line',
    '',
    'Usage: qalam COMMAND [options]   (qalam COMMAND --help for its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --db FILE (else $QALAM_DB, else the desktop app\'s library) and most take --json.',
    '',
  ].join('\n');
}

function help(c: Command): string {
  return `qalam ${c.name} — ${c.summary}\n\n${c.usage.trim()}\n\n  --db FILE   the library (default: $QALAM_DB, else the desktop app's library)\n  --json      machine-readable output\n  --help      this text\n`;
}

/// A single-dash argument that is no short option: a word to exclude (`-Москва`). Double-dash
/// arguments are always options, so a mistyped one is still reported.
function isDashWord(arg: string, options: OptionSpec): boolean {
  if (!arg.startsWith('-') || arg.startsWith('--') || arg === '-') return false;
  return !Object.values(options).some((o) => o.short === arg.slice(1));
}

/// Errors that come down to how the command was called (what it named, what it was given):
/// exit 2, like a usage error. A name or path already taken (`conflict`: a collection named
/// again, an export onto an existing folder) is one of them, as `qalam backup` onto an existing
/// file is. Anything else that fails is exit 1.
const USAGE_CODES = new Set(['bad_input', 'bad_query', 'not_found', 'not_a_library', 'conflict']);

/// An option that takes one value and was given several (`--quote a --quote b`): taking the last
/// one silently would do something the caller did not ask for.
function repeatedOption(tokens: { kind: string; name?: string }[], options: OptionSpec): string | null {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || !t.name || options[t.name]?.multiple || options[t.name]?.type === 'boolean') continue;
    if (seen.has(t.name)) return t.name;
    seen.add(t.name);
  }
  return null;
}

/// Node's option parser explains a problem over several lines, with advice meant for other
/// programs' flags; one line is kept, and a value that starts with a dash (`--occurrence -1`)
/// gets advice of its own.
function optionProblem(message: string): string {
  const ambiguous = /^Option '(--[^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `${ambiguous[1]} needs a value; to give one that starts with "-", write ${ambiguous[1]}=VALUE`;
  return message.replace(/\. To specify a positional.*$/s, '').split('\n')[0]!;
}

/// Run the CLI with the given arguments; returns the exit code instead of exiting (tests call it).
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-V') {
    const { appVersion } = await import('../core/app-info.js');
    io.out(appVersion() + '\n');
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`qalam: unknown command "${name}". Run "qalam --help" for the list.\n`);
    return EXIT_USAGE;
  }
  try {
    let parsed;
    const options = { ...common, ...command.options };
    // Hide `-word` positionals from the option parser, then put them back in place.
    const hidden: string[] = [];
    const args = command.dashPositionals ? rest.map((a) => (isDashWord(a, options) ? `\u0000${hidden.push(a) - 1}` : a)) : rest;
    try {
      parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
      const restore = (v: string) => (v.startsWith('\u0000') ? hidden[Number(v.slice(1))]! : v);
      parsed.positionals = parsed.positionals.map(restore);
      // A hidden word may also have been taken as an option's value (`--limit -1`).
      for (const [key, value] of Object.entries(parsed.values)) {
        if (typeof value === 'string') (parsed.values as Record<string, unknown>)[key] = restore(value);
        else if (Array.isArray(value)) (parsed.values as Record<string, unknown>)[key] = value.map((v) => (typeof v === 'string' ? restore(v) : v));
      }
      const repeated = repeatedOption(parsed.tokens ?? [], options);
      if (repeated) throw new Error(`--${repeated} was given more than once; it takes one value`);
    } catch (e) {
      throw new UsageError(optionProblem((e as Error).message));
    }
    if (parsed.values.help) {
      io.out(help(command));
      return EXIT_OK;
    }
    return await command.run(parsed as never, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`qalam ${name}: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof QalamError) {
      io.err(`qalam ${name}: ${e.message}\n`);
      return USAGE_CODES.has(e.code) ? EXIT_USAGE : EXIT_FAILED;
    }
    io.err(`qalam ${name}: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_FAILED;
  }
}

/// The reader of a pipe may stop reading early (`qalam list | head -1`): the rest of the output
/// has nowhere to go, which is not a failure of the command. Node reports it as an 'error' event on
/// stdout, which would otherwise end the process with a stack trace.
let stdoutGuarded = false;
function guardStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export const processIO: CliIO = {
  out: (t) => {
    guardStdout();
    return process.stdout.write(t);
  },
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};
