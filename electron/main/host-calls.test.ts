import { describe, expect, it } from 'vitest';
import { dispatch } from '../core/dispatch.js';
import { electronDouble, FakeBrowserWindow } from './electron-double.js';
import { hostHandlers } from './host-calls.js';

function setup() {
  const d = electronDouble();
  const window = new FakeBrowserWindow({ width: 800, height: 600 });
  const handlers = hostHandlers({ dialog: d.api.dialog, shell: d.api.shell, window: () => window as never, documentsDir: d.documents });
  const run = (name: string, input: unknown) => dispatch(handlers, name, input, { transport: 'ipc' });
  return { d, window, run };
}

describe('host calls', () => {
  it('report native dialogs over IPC', async () => {
    expect(await setup().run('capabilities', {})).toEqual({ ok: true, value: { nativeDialogs: true, transport: 'ipc' } });
  });

  it('pick files or folders in a dialog modal to the window', async () => {
    const { d, window, run } = setup();
    d.script.open.push({ canceled: false, filePaths: ['/data/a.txt', '/data/b.html'] });
    expect(await run('chooseImportPaths', {})).toEqual({ ok: true, value: { paths: ['/data/a.txt', '/data/b.html'] } });
    expect(d.calls.dialogs[0].parent).toBe(window);
    expect(d.calls.dialogs[0].options.properties).toEqual(['openFile', 'multiSelections']);
    expect(await run('chooseImportPaths', { folders: true })).toEqual({ ok: true, value: { paths: [] } });
    expect(d.calls.dialogs[1].options.properties).toEqual(['openDirectory', 'multiSelections']);
  });

  it('let the page suggest a file name but not a folder', async () => {
    const { d, run } = setup();
    d.script.save.push({ canceled: false, filePath: '/home/u/out.qdpx' });
    expect(await run('chooseSavePath', { defaultName: '../../.ssh/authorized_keys' })).toEqual({ ok: true, value: { path: '/home/u/out.qdpx' } });
    const suggested: string = d.calls.dialogs[0].options.defaultPath;
    expect(suggested.startsWith(d.documents)).toBe(true);
    expect(suggested.slice(d.documents.length + 1)).not.toMatch(/[\\/]/);
    expect(await run('chooseSavePath', { defaultName: 'x.csv' })).toEqual({ ok: true, value: { path: null } });
    expect(await run('chooseSavePath', { defaultName: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('open links only after confirmation, and refuse other schemes as data', async () => {
    const { d, run } = setup();
    expect(await run('openExternal', { url: 'https://gazeta.uz/ru/2024/01/01/x/' })).toEqual({ ok: true, value: { opened: false } });
    d.script.message.push(0);
    expect(await run('openExternal', { url: 'https://gazeta.uz/ru/2024/01/01/x/' })).toEqual({ ok: true, value: { opened: true } });
    expect(await run('openExternal', { url: 'file:///etc/shadow' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(d.calls.opened).toEqual(['https://gazeta.uz/ru/2024/01/01/x/']);
  });
});
