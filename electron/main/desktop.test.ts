// The shell end to end with a test double of Electron and a real library built from the corpus.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract/index.js';
import { openArchive } from '../core/archive.js';
import { invoke } from '../core/dispatch.js';
import { Desktop } from './desktop.js';
import { FakeBrowserWindow, FakeFrame, FakeWebContents, electronDouble, ipcEvent } from './electron-double.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const paths = { rendererIndex: '/opt/Qalam/dist/renderer/index.html', preload: '/opt/Qalam/dist/electron/preload/index.cjs' };
const opened: Desktop[] = [];

function libraryDir() {
  return mkdtempSync(join(tmpdir(), 'qalam-desktop-'));
}

async function started(options: Parameters<typeof electronDouble>[0] = {}, argv: string[] = []) {
  const d = electronDouble(options);
  const desktop = new Desktop(d.api, paths, 'linux');
  opened.push(desktop);
  const lib = join(libraryDir(), 'main.qalam.sqlite');
  const ok = await desktop.start({ argv: ['qalam', '--db', lib, ...argv], cwd: '/', env: {} });
  return { d, desktop, lib, ok };
}

afterEach(() => {
  // Close every window so every library file is released.
  for (const w of FakeBrowserWindow.created) if (!w.destroyed) w.close();
  opened.length = 0;
});

const call = (d: ReturnType<typeof electronDouble>, contents: FakeWebContents, name: string, input: unknown = {}, frame?: FakeFrame | null) =>
  d.handlers.get(`qalam:${name}`)!(ipcEvent(contents, frame === undefined ? contents.mainFrame : frame), input) as Promise<any>;

describe('desktop shell', () => {
  it('starts locked down: sandbox, session policy, contract channels, menu, one secure window', async () => {
    const { d, lib, ok } = await started();
    expect(ok).toBe(true);
    expect(d.calls.lockData).toEqual({ libraryPath: lib });
    expect(d.calls.sandboxEnabled).toBe(true);
    expect(d.sessionCalls.permissionRequest).toBeTypeOf('function');
    expect(d.sessionCalls.beforeRequest).toBeTypeOf('function');
    expect([...d.handlers.keys()].sort()).toEqual(callNames.map((n) => `qalam:${n}`).sort());
    expect(d.calls.menus).not.toHaveLength(0);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const [w] = FakeBrowserWindow.created;
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: paths.preload });
    expect(w.loaded).toBe(paths.rendererIndex);
    expect(w.options.title).toBe('main.qalam.sqlite — Qalam');
    w.emit('ready-to-show');
    expect(w.shown).toBe(true);
  });

  it('hands over to the running instance when the lock is taken', async () => {
    const { d, ok } = await started({ lockGranted: false });
    expect(ok).toBe(false);
    expect(d.calls.quit).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(d.handlers.size).toBe(0);
  });

  it('keeps one window per library: a second launch focuses it or opens the other library', async () => {
    const { d, lib } = await started();
    const [first] = FakeBrowserWindow.created;
    first.minimized = true;
    d.app.emit('second-instance', {}, ['qalam', '--db', lib], '/', { libraryPath: lib });
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(first.minimized).toBe(false);
    expect(first.focusCount).toBe(1);

    const other = join(libraryDir(), 'other.qalam.sqlite');
    d.app.emit('second-instance', {}, ['qalam', '--db', other], '/', { libraryPath: other });
    expect(FakeBrowserWindow.created).toHaveLength(2);
    const second = FakeBrowserWindow.created[1];
    // Each window talks to its own library.
    expect((await call(d, first.webContents, 'libraryInfo')).value.path).toBe(lib);
    expect((await call(d, second.webContents, 'libraryInfo')).value.path).toBe(other);
    // Both are in Open Recent, newest first.
    const fileMenu = d.calls.menus.at(-1)[0].submenu;
    const recent = fileMenu.find((i: any) => i.label === 'Open Recent').submenu;
    expect(recent.slice(0, 2).map((i: any) => i.sublabel)).toEqual([other, lib]);
  });

  it('imports real articles over IPC from its own window and refuses everyone else', async () => {
    const { d } = await started();
    const [w] = FakeBrowserWindow.created;
    const files = readdirSync(join(corpus, 'kk')).filter((f) => f.endsWith('.txt')).slice(0, 6).map((f) => join(corpus, 'kk', f));
    expect(files).toHaveLength(6);

    const refused = await call(d, w.webContents, 'importPaths', { paths: files }, new FakeFrame(w.webContents.mainFrame.url, w.webContents.mainFrame));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(d, new FakeWebContents(w.webContents.mainFrame.url), 'importPaths', { paths: files })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(d, w.webContents, 'importPaths', { paths: [] })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((await call(d, w.webContents, 'libraryInfo')).value.articles).toBe(0);

    const started_ = await call(d, w.webContents, 'importPaths', { paths: files });
    expect(started_.ok).toBe(true);
    let status: any;
    for (let i = 0; i < 200; i++) {
      status = (await call(d, w.webContents, 'jobStatus', { id: started_.value.jobId })).value;
      if (status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(status.state).toBe('done');
    expect(status.result.imported + status.result.duplicates).toBe(6);
    expect((await call(d, w.webContents, 'libraryInfo')).value.articles).toBe(status.result.imported);
    expect(await call(d, w.webContents, 'capabilities')).toEqual({ ok: true, value: { nativeDialogs: true, transport: 'ipc' } });
  });

  it('remembers where the window was', async () => {
    const first = await started();
    const [w] = FakeBrowserWindow.created;
    w.bounds = { x: 300, y: 120, width: 1111, height: 777 };
    w.close();
    expect(existsSync(join(first.d.userData, 'window-state.json'))).toBe(true);
    // The next launch with the same user data opens it there again.
    await started({ userData: first.d.userData });
    expect(FakeBrowserWindow.created[0].options).toMatchObject({ x: 300, y: 120, width: 1111, height: 777 });
  });

  it('sends renderer menu commands to the focused window only', async () => {
    const { d, desktop } = await started();
    const other = join(libraryDir(), 'b.qalam.sqlite');
    d.app.emit('second-instance', {}, [], '/', { libraryPath: other });
    const [a, b] = FakeBrowserWindow.created;
    b.focus();
    expect(desktop.sendMenuCommand('find')).toBe(true);
    expect(b.webContents.sent).toEqual([{ channel: 'qalam:menu', message: { command: 'find' } }]);
    expect(a.webContents.sent).toEqual([]);
    // Through the menu itself.
    const items = d.calls.menus.at(-1).flatMap((m: any) => m.submenu ?? []);
    items.find((i: any) => i.label === 'Import Folder…').click();
    expect(b.webContents.sent.at(-1)).toEqual({ channel: 'qalam:menu', message: { command: 'import-folder' } });
  });

  it('backs the library up to the chosen file, which opens as the same library', async () => {
    const { d, desktop } = await started();
    const [w] = FakeBrowserWindow.created;
    const files = readdirSync(join(corpus, 'en')).filter((f) => f.endsWith('.txt')).slice(0, 3).map((f) => join(corpus, 'en', f));
    const job = await call(d, w.webContents, 'importPaths', { paths: files });
    for (let i = 0; i < 200 && (await call(d, w.webContents, 'jobStatus', { id: job.value.jobId })).value.state === 'running'; i++) await new Promise((r) => setTimeout(r, 25));
    const articles = (await call(d, w.webContents, 'libraryInfo')).value.articles;
    expect(articles).toBeGreaterThan(0);

    const dest = join(libraryDir(), 'backup.qalam.sqlite');
    w.focus();
    d.script.save.push({ canceled: false, filePath: dest });
    await desktop.backup();
    expect(d.calls.errors).toEqual([]);
    expect(d.calls.dialogs.at(-1)?.options.message).toMatch(/backed up/);
    const copy = openArchive(dest);
    try {
      expect((await invoke(copy.handlers, 'libraryInfo', {})).articles).toBe(articles);
    } finally {
      copy.close();
    }
  });

  it('refuses to open a file that is not a library, and forgets it', async () => {
    const { d, desktop } = await started();
    const notes = join(libraryDir(), 'notes.txt');
    writeFileSync(notes, 'Not a database at all.\n');
    expect(desktop.openLibrary(notes)).toBeUndefined();
    expect(d.calls.errors[0].title).toBe('Cannot open the library');
    expect(d.calls.errors[0].content).toMatch(/not a Qalam library/);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('never lets New Library replace an existing file', async () => {
    const { d, desktop } = await started();
    const existing = join(libraryDir(), 'keep.qalam.sqlite');
    writeFileSync(existing, 'precious');
    d.script.save.push({ canceled: false, filePath: existing });
    await desktop.newLibrary();
    expect(d.calls.errors.at(-1)?.content).toMatch(/already exists/);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('guards every web contents the app creates', async () => {
    const { d } = await started();
    const contents = new FakeWebContents('file:///opt/Qalam/dist/renderer/index.html');
    d.app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});
