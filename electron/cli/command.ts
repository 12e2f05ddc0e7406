import type { ParseArgsConfig } from 'node:util';

/// Where a command writes; tests pass their own to read what it printed.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /// True when stderr is a terminal: progress is then a bar redrawn in place, else periodic lines.
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/// One `qalam` subcommand. Options shared by all (`--db`, `--json`, `--help`) are added by the runner.
export interface Command {
  name: string;
  summary: string;
  /// Usage lines after `qalam NAME`, and a description of each option, for `--help`.
  usage: string;
  options: OptionSpec;
  /// Positionals may start with '-' (a query's `-excluded` word): only the command's own and
  /// the common option names are read as options.
  dashPositionals?: boolean;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/// A mistake in how a command was called: exit 2 and a one-line message.
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
