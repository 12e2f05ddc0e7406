import { runCli } from '../../electron/cli/main.js';

/// Run `qalam ARGS` in-process and collect what it printed.
export async function qalam(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string; json: () => any }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false, env: { ...env } });
  return { code, out, err, json: () => JSON.parse(out) };
}
