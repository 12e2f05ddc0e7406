import { UsageError, type ParsedArgs } from './command.js';

/// A whole number from an option, with a clear message when it is not one.
export function intOption(args: ParsedArgs, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || n < min || n > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not "${String(raw)}"`);
  }
  return n;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const raw = args.values[name];
  return typeof raw === 'string' ? raw : undefined;
}

/// How a query matches scripts, from --script: `any` (the default) or `exact`, as `search` takes it.
export function scriptOption(args: ParsedArgs): 'any' | 'exact' {
  const script = stringOption(args, 'script') ?? 'any';
  if (script !== 'any' && script !== 'exact') throw new UsageError('--script is "any" or "exact"');
  return script;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const raw = args.values[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
