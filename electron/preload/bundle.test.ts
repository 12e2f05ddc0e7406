// Builds the real preload bundle and runs it the way a sandboxed renderer would: a CommonJS
// script whose `require` knows only 'electron'.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('preload bundle', () => {
  let code = '';
  beforeAll(() => {
    const out = join(mkdtempSync(join(tmpdir(), 'qalam-preload-')), 'index.cjs');
    execFileSync(process.execPath, [join(root, 'scripts/build-preload.mjs'), '--out', out], { cwd: root, stdio: 'pipe' });
    code = readFileSync(out, 'utf8');
  });

  function run() {
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: [string, unknown][] = [];
    const required: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          invoked.push([channel, input]);
          return { ok: true, value: null };
        },
        on() {},
        removeListener() {},
      },
      webUtils: { getPathForFile: (f: { name: string }) => `/dropped/${f.name}` },
    };
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports }, { filename: 'index.cjs' });
    return { exposed, invoked, required };
  }

  it('requires nothing but electron and is small (no zod, no schemas)', () => {
    const { required } = run();
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/zod|safeParse|ZodType/);
    expect(code.length).toBeLessThan(8_000);
  });

  it('exposes window.qalam with exactly the contract’s calls, each on its channel', async () => {
    const { exposed, invoked } = run();
    expect([...exposed.keys()]).toEqual(['qalam', 'qalamDesktop']);
    const qalam = exposed.get('qalam')!;
    expect(Object.keys(qalam).sort()).toEqual([...callNames].sort());
    await (qalam.search as (i: unknown) => Promise<unknown>)({ query: 'Ташкент' });
    await (qalam.capabilities as () => Promise<unknown>)();
    expect(invoked).toEqual([
      ['qalam:search', { query: 'Ташкент' }],
      ['qalam:capabilities', {}],
    ]);
    expect(Object.keys(exposed.get('qalamDesktop')!)).toEqual(['onMenu', 'pathForFile']);
    expect((exposed.get('qalamDesktop')!.pathForFile as (f: unknown) => string)({ name: 'a.txt' })).toBe('/dropped/a.txt');
  });
});
