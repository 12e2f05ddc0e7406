import { contract, type CallName, type CallResult } from '../../shared/contract/index.js';
import { describeFailure, QalamError } from './errors.js';
import { describeInputIssues, fieldLabel, illFormedText, type InputIssue } from './input-issues.js';
import type { CallContext, Handlers } from './handlers.js';

/// The one way every transport runs a call: the name must be in the contract, the input must
/// match its schema, and whatever happens comes back as data.
export async function dispatch(
  handlers: Partial<Handlers>,
  name: string,
  input: unknown,
  ctx: CallContext,
): Promise<CallResult<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(contract, name)) {
    return { ok: false, error: { code: 'unknown_call', message: `There is no call named "${name}".` } };
  }
  const spec = contract[name as CallName];
  const illFormed = illFormedText(input);
  if (illFormed) {
    return { ok: false, error: { code: 'bad_input', message: `${fieldLabel(illFormed)} is not valid Unicode text (it holds half of a character pair).` } };
  }
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad_input', message: describeInputIssues(name, parsed.error.issues as InputIssue[]) } };
  }
  const handler = handlers[name as CallName] as ((args: unknown, ctx: CallContext) => unknown) | undefined;
  if (!handler) return { ok: false, error: { code: 'unsupported', message: `${name} is not available here.` } };
  try {
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (e) {
    return { ok: false, error: describeFailure(e, `Internal error in ${name}: `) };
  }
}

/// Run a call and return its value or throw its error as a QalamError (for the CLI and tests).
export async function invoke<N extends CallName>(
  handlers: Partial<Handlers>,
  name: N,
  input: unknown,
  ctx: CallContext = { transport: 'cli' },
): Promise<import('../../shared/contract/index.js').CallOutput<N>> {
  const r = await dispatch(handlers, name, input, ctx);
  if (!r.ok) throw new QalamError(r.error.code, r.error.message);
  return r.value as import('../../shared/contract/index.js').CallOutput<N>;
}
