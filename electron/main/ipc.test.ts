import { describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract/index.js';
import type { Handlers } from '../core/handlers.js';
import { FakeFrame, FakeWebContents, electronDouble, ipcEvent } from './electron-double.js';
import { registerContractChannels } from './ipc.js';

const page = { url: 'file:///opt/Qalam/resources/app.asar/dist/renderer/index.html' };

function setup() {
  const d = electronDouble();
  const ours = new FakeWebContents(`${page.url}#/library`);
  const received: { name: string; args: unknown }[] = [];
  const handlers: Partial<Handlers> = {
    getArticle: (args) => {
      received.push({ name: 'getArticle', args });
      return { id: args.id } as never;
    },
    search: (args) => {
      received.push({ name: 'search', args });
      return { total: 0, results: [], terms: [] };
    },
  };
  const channels = registerContractChannels(d.api.ipcMain, {
    page,
    handlersFor: (c) => (c === (ours as unknown) ? handlers : undefined),
  });
  const call = (name: string, input: unknown, event = ipcEvent(ours)) => d.handlers.get(`qalam:${name}`)!(event, input);
  return { d, ours, received, channels, call };
}

describe('IPC channels', () => {
  it('are exactly one per contract call', () => {
    const { d, channels } = setup();
    const expected = callNames.map((n) => `qalam:${n}`);
    expect(channels).toEqual(expected);
    expect([...d.handlers.keys()].sort()).toEqual([...expected].sort());
    expect(channels.length).toBeGreaterThan(30);
  });

  it('answer our own window with the handler result as data', async () => {
    const { call, received } = setup();
    expect(await call('getArticle', { id: 7 })).toEqual({ ok: true, value: { id: 7 } });
    expect(received).toEqual([{ name: 'getArticle', args: { id: 7 } }]);
  });

  it('refuse a sender that is not our window’s top frame, without running anything', async () => {
    const { call, ours, received } = setup();
    const otherWindow = new FakeWebContents(page.url);
    const iframe = new FakeFrame(page.url, ours.mainFrame);
    const elsewhere = new FakeWebContents('https://evil.example/');
    const cases = [
      ipcEvent(otherWindow), // another webContents (a devtools page, a window we did not open)
      ipcEvent(ours, iframe), // a sub-frame of our page
      ipcEvent(ours, null), // a frame already gone
      ipcEvent(ours, new FakeFrame(page.url)), // a top frame that is not this contents' main frame
      ipcEvent(elsewhere), // a page from the web
    ];
    for (const event of cases) {
      const r = (await call('getArticle', { id: 1 }, event)) as { ok: boolean; error: { code: string } };
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('forbidden');
    }
    ours.mainFrame.url = 'file:///home/user/Downloads/evil.html';
    expect(await call('getArticle', { id: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(received).toEqual([]);
  });

  it('refuse bad input with a clear message, as data', async () => {
    const { call, received } = setup();
    for (const [input, message] of [
      [{ id: -3 }, 'The id must be more than 0.'],
      [{ id: 'seven' }, 'The id should be a number.'],
      [{ id: 1.5 }, 'The id should be a whole number.'],
      [{ id: 1, extra: true }, 'getArticle does not take "extra".'],
      [null, 'The id is missing.'],
      ['x', 'The input should be an object with named fields.'],
      [[], 'The input should be an object with named fields.'],
    ] as const) {
      const r = (await call('getArticle', input)) as { ok: boolean; error: { code: string; message: string } };
      expect(r.ok, JSON.stringify(input)).toBe(false);
      expect(r.error).toEqual({ code: 'bad_input', message });
    }
    expect(received).toEqual([]);
  });

  it('say "unsupported" for a contract call this window has no handler for', async () => {
    const { call } = setup();
    expect(await call('listTags', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
