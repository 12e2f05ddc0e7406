// A stand-in for the parts of the electron module the shell uses, for Node tests (Electron's
// binary cannot run there). It records what the shell asked for and lets a test play the
// user, the window system and the renderer. Not part of the app: excluded from the package.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApi } from './desktop.js';

/// A frame of a page: the top frame has no parent.
export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame;
  readonly sent: { channel: string; message: unknown }[] = [];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  destroyed = false;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /// Fire a cancellable event the way Electron does; returns whether a listener prevented it.
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), ...(typeof args[0] === 'object' && args[0] ? (args[0] as object) : {}) };
    this.emit(name, event, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  static getFocusedWindow = () => FakeBrowserWindow.focused;
  static getAllWindows = () => FakeBrowserWindow.created.filter((w) => !w.destroyed);
  static fromWebContents = (c: FakeWebContents) => FakeBrowserWindow.created.find((w) => w.webContents === c) ?? null;

  readonly webContents = new FakeWebContents();
  bounds: { x: number; y: number; width: number; height: number };
  loaded?: string;
  shown = false;
  focusCount = 0;
  minimized = false;
  maximized = false;
  fullScreen = false;
  destroyed = false;

  constructor(readonly options: Record<string, any>) {
    super();
    this.bounds = { x: options.x ?? 50, y: options.y ?? 40, width: options.width, height: options.height };
    FakeBrowserWindow.created.push(this);
  }
  loadFile(path: string): Promise<void> {
    this.loaded = path;
    this.webContents.mainFrame.url = new URL(`file://${path}`).href;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focusCount++;
    FakeBrowserWindow.focused = this;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  setFullScreen(on: boolean): void {
    this.fullScreen = on;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /// The user closes the window.
  close(): void {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.webContents.destroyed = true;
    if (FakeBrowserWindow.focused === this) FakeBrowserWindow.focused = null;
    this.emit('closed');
  }
}

/// Answers the dialogs will give, in order; an empty queue answers "cancel".
export interface DialogScript {
  open: { canceled: boolean; filePaths: string[] }[];
  save: { canceled: boolean; filePath?: string }[];
  message: number[];
}

export function electronDouble(options: { userData?: string; documents?: string; lockGranted?: boolean; platform?: string } = {}) {
  FakeBrowserWindow.created = [];
  FakeBrowserWindow.focused = null;
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'qalam-userdata-'));
  const documents = options.documents ?? mkdtempSync(join(tmpdir(), 'qalam-documents-'));
  const script: DialogScript = { open: [], save: [], message: [] };
  const calls = {
    quit: 0,
    sandboxEnabled: false,
    lockData: undefined as unknown,
    errors: [] as { title: string; content: string }[],
    dialogs: [] as { kind: string; options: any; parent: unknown }[],
    opened: [] as string[],
    menus: [] as any[],
    recentDocuments: [] as string[],
  };
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const sessionCalls = {
    permissionRequest: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void, d?: unknown) => void),
    permissionCheck: undefined as undefined | ((...a: unknown[]) => boolean),
    devicePermission: undefined as undefined | ((...a: unknown[]) => boolean),
    beforeRequest: undefined as undefined | ((d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void),
    headersReceived: undefined as undefined | ((d: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: any) => void) => void),
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: (name: string) => (name === 'documents' ? documents : userData),
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: (data?: unknown) => {
      calls.lockData = data;
      return options.lockGranted ?? true;
    },
    quit: () => {
      calls.quit++;
    },
    enableSandbox: () => {
      calls.sandboxEnabled = true;
    },
    whenReady: () => Promise.resolve(),
    setAboutPanelOptions: () => {},
    addRecentDocument: (p: string) => {
      calls.recentDocuments.push(p);
    },
    clearRecentDocuments: () => {
      calls.recentDocuments = [];
    },
  });
  const dialog = {
    showOpenDialog: async (a: unknown, b?: unknown) => {
      calls.dialogs.push({ kind: 'open', options: b ?? a, parent: b ? a : undefined });
      return script.open.shift() ?? { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (a: unknown, b?: unknown) => {
      calls.dialogs.push({ kind: 'save', options: b ?? a, parent: b ? a : undefined });
      return script.save.shift() ?? { canceled: true };
    },
    showMessageBox: async (a: unknown, b?: unknown) => {
      const opts = (b ?? a) as { cancelId?: number };
      calls.dialogs.push({ kind: 'message', options: opts, parent: b ? a : undefined });
      return { response: script.message.shift() ?? opts.cancelId ?? 0, checkboxChecked: false };
    },
    showErrorBox: (title: string, content: string) => {
      calls.errors.push({ title, content });
    },
  };
  const api = {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => {
        calls.menus.push(menu.template);
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof sessionCalls.permissionRequest) => (sessionCalls.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof sessionCalls.permissionCheck) => (sessionCalls.permissionCheck = h),
        setDevicePermissionHandler: (h: typeof sessionCalls.devicePermission) => (sessionCalls.devicePermission = h),
        webRequest: {
          onBeforeRequest: (h: typeof sessionCalls.beforeRequest) => (sessionCalls.beforeRequest = h),
          onHeadersReceived: (h: typeof sessionCalls.headersReceived) => (sessionCalls.headersReceived = h),
        },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        calls.opened.push(url);
      },
    },
  };
  return { api: api as unknown as ElectronApi, app, calls, script, handlers, sessionCalls, userData, documents };
}

/// The event an IPC message from `contents` (its `frame`, the top frame by default) carries.
export function ipcEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame } as any;
}
