import type { BrowserWindow, WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openArchive, type Archive } from '../core/archive.js';
import type { Handlers } from '../core/handlers.js';
import { MENU_CHANNEL, type MenuCommand, type MenuMessage } from '../../shared/contract/channels.js';
import { backupLibrary, backupName } from './backup.js';
import { hardenSession } from './content-policy.js';
import { openExternalAfterConfirm } from './external-link.js';
import { hostHandlers } from './host-calls.js';
import { registerContractChannels } from './ipc.js';
import { libraryForLaunch } from './launch-args.js';
import { menuTemplate } from './menu.js';
import { guardContents, type AppPage } from './navigation.js';
import { RecentLibraries } from './recent-libraries.js';
import { createLibraryWindow } from './window-options.js';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state.js';

/// The parts of Electron the shell uses; `electron-api.ts` provides the real ones.
export type ElectronApi = Pick<typeof import('electron'), 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'screen' | 'session' | 'shell'>;

/// Where the built app's pieces are.
export interface DesktopPaths {
  /// dist/renderer/index.html
  rendererIndex: string;
  /// dist/electron/preload/index.cjs
  preload: string;
}

/// The launch: its arguments, folder and environment (a second launch sends its own).
export interface Launch {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/// What a second launch hands the running instance.
interface SecondLaunchData {
  libraryPath?: unknown;
}

interface OpenLibrary {
  path: string;
  archive: Archive;
  window: BrowserWindow;
  handlers: Partial<Handlers>;
}

/// Library files offered by Open Library.
const libraryFilters = [
  { name: 'Qalam Libraries', extensions: ['sqlite', 'qalam', 'db'] },
  { name: 'All Files', extensions: ['*'] },
];

/// The desktop shell: one process, at most one window per library (a second launch for a library
/// that is open focuses its window; for another library it opens a window here), remembered
/// window bounds, native menus, and the contract answered over IPC.
export class Desktop {
  private readonly libraries = new Map<string, OpenLibrary>();
  private readonly byContents = new Map<number, OpenLibrary>();
  private readonly recent: RecentLibraries;
  readonly page: AppPage;

  constructor(
    private readonly api: ElectronApi,
    private readonly paths: DesktopPaths,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.page = { url: pathToFileURL(paths.rendererIndex).href };
    this.recent = new RecentLibraries(join(api.app.getPath('userData'), 'recent-libraries.json'));
  }

  /// Start the app for `launch`. Returns false when another instance already runs (it has been
  /// told to open this launch's library, and this process quits).
  async start(launch: Launch): Promise<boolean> {
    const { app } = this.api;
    const libraryPath = libraryForLaunch(launch.argv, launch.cwd, launch.env, this.platform);
    const data: SecondLaunchData = { libraryPath };
    if (!app.requestSingleInstanceLock(data as Record<string, unknown>)) {
      app.quit();
      return false;
    }
    app.enableSandbox();
    app.on('second-instance', (_event, argv, cwd, extra) => {
      const asked = (extra as SecondLaunchData | undefined)?.libraryPath;
      this.openLibrary(typeof asked === 'string' ? asked : libraryForLaunch(argv, cwd, launch.env, this.platform));
    });
    // Every webContents, whoever creates it, is pinned to the app's page.
    app.on('web-contents-created', (_event, contents) => this.guard(contents));
    app.on('window-all-closed', () => {
      if (this.platform !== 'darwin') app.quit();
    });
    app.on('activate', () => {
      if (this.libraries.size === 0) this.openLibrary(this.recent.list()[0] ?? libraryPath);
    });
    app.on('will-quit', () => {
      for (const lib of this.libraries.values()) lib.archive.close();
    });
    await app.whenReady();
    app.setAboutPanelOptions({
      applicationName: 'Qalam',
      applicationVersion: app.getVersion(),
      copyright: 'MIT License',
      credits: 'An offline archive and annotation tool for multilingual news and documents.',
    });
    hardenSession(this.api.session.defaultSession);
    registerContractChannels(this.api.ipcMain, { page: this.page, handlersFor: (c) => this.byContents.get(c.id)?.handlers });
    this.refreshMenu();
    this.openLibrary(libraryPath);
    return true;
  }

  /// The window of an open library (for tests and the menu).
  windowOf(path: string): BrowserWindow | undefined {
    return this.libraries.get(resolve(path))?.window;
  }

  /// Focus the library's window, or open the library in a new one.
  openLibrary(path: string): BrowserWindow | undefined {
    const full = resolve(path);
    const open = this.libraries.get(full);
    if (open) {
      if (open.window.isMinimized()) open.window.restore();
      open.window.show();
      open.window.focus();
      return open.window;
    }
    let archive: Archive;
    try {
      // One Qalam may not write to here (read-only media, a shared folder) opens for reading.
      archive = openArchive(full, {}, { readOnlyIfUnwritable: true });
    } catch (e) {
      this.recent.remove(full);
      this.refreshMenu();
      this.api.dialog.showErrorBox('Cannot open the library', (e as Error).message);
      if (this.libraries.size === 0 && this.platform !== 'darwin') this.api.app.quit();
      return undefined;
    }
    const window = this.createWindow(full);
    const entry: OpenLibrary = {
      path: full,
      archive,
      window,
      handlers: {
        ...archive.handlers,
        ...hostHandlers({
          dialog: this.api.dialog,
          shell: this.api.shell,
          window: () => (window.isDestroyed() ? null : window),
          documentsDir: this.api.app.getPath('documents'),
        }),
      },
    };
    const contentsId = window.webContents.id;
    this.libraries.set(full, entry);
    this.byContents.set(contentsId, entry);
    window.on('closed', () => {
      this.libraries.delete(full);
      this.byContents.delete(contentsId);
      archive.close();
      this.refreshMenu();
    });
    this.recent.add(full);
    this.api.app.addRecentDocument(full);
    this.refreshMenu();
    void window.loadFile(this.paths.rendererIndex);
    return window;
  }

  private createWindow(libraryPath: string): BrowserWindow {
    const stateFile = join(this.api.app.getPath('userData'), 'window-state.json');
    const workAreas = this.api.screen.getAllDisplays().map((d) => d.workArea);
    const state = fitToDisplays(loadWindowState(stateFile), workAreas);
    // A second window opens offset from the first rather than exactly over it.
    const offset = this.libraries.size * 28;
    const bounds = state.x !== undefined && state.y !== undefined ? { ...state, x: state.x + offset, y: state.y + offset } : state;
    const window = createLibraryWindow(this.api, this.paths.preload, bounds, `${basename(libraryPath)} — Qalam`);
    if (state.maximized) window.maximize();
    if (state.fullScreen) window.setFullScreen(true);
    window.once('ready-to-show', () => window.show());
    window.on('close', () => {
      saveWindowState(stateFile, {
        ...window.getNormalBounds(),
        maximized: window.isMaximized(),
        fullScreen: window.isFullScreen(),
      });
    });
    return window;
  }

  private guard(contents: WebContents): void {
    guardContents(contents, this.page, (url) => {
      const window = this.api.BrowserWindow.fromWebContents(contents);
      void openExternalAfterConfirm(url, { dialog: this.api.dialog, shell: this.api.shell, window }).catch(() => undefined);
    });
  }

  private focused(): OpenLibrary | undefined {
    const window = this.api.BrowserWindow.getFocusedWindow();
    return window ? this.byContents.get(window.webContents.id) : [...this.libraries.values()][0];
  }

  /// Send a menu command to the focused library's page.
  sendMenuCommand(command: MenuCommand): boolean {
    const target = this.focused();
    if (!target || target.window.isDestroyed()) return false;
    const message: MenuMessage = { command };
    target.window.webContents.send(MENU_CHANNEL, message);
    return true;
  }

  async newLibrary(): Promise<void> {
    const parent = this.focused()?.window;
    const options = {
      title: 'New Library',
      buttonLabel: 'Create',
      defaultPath: join(this.api.app.getPath('documents'), 'Research.qalam.sqlite'),
      filters: libraryFilters,
      properties: ['createDirectory' as const],
    };
    const r = parent ? await this.api.dialog.showSaveDialog(parent, options) : await this.api.dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return;
    if (existsSync(r.filePath)) {
      // A new library never replaces a file; an existing library is opened with Open Library.
      this.api.dialog.showErrorBox('New Library', `${r.filePath} already exists and has not been changed. Use Open Library… to open an existing library.`);
      return;
    }
    this.openLibrary(r.filePath);
  }

  async chooseLibrary(): Promise<void> {
    const parent = this.focused()?.window;
    const options = { title: 'Open Library', filters: libraryFilters, properties: ['openFile' as const] };
    const r = parent ? await this.api.dialog.showOpenDialog(parent, options) : await this.api.dialog.showOpenDialog(options);
    if (!r.canceled && r.filePaths[0]) this.openLibrary(r.filePaths[0]);
  }

  async backup(): Promise<void> {
    const target = this.focused();
    if (!target) return;
    const r = await this.api.dialog.showSaveDialog(target.window, {
      title: 'Back Up Library',
      buttonLabel: 'Back Up',
      defaultPath: join(this.api.app.getPath('documents'), backupName(target.path)),
      filters: libraryFilters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (r.canceled || !r.filePath) return;
    try {
      const done = await backupLibrary(target.archive.ctx.lib, r.filePath);
      await this.api.dialog.showMessageBox(target.window, { type: 'info', message: 'The library was backed up.', detail: done.path });
    } catch (e) {
      this.api.dialog.showErrorBox('Backup failed', (e as Error).message);
    }
  }

  private refreshMenu(): void {
    const { Menu, app } = this.api;
    const template = menuTemplate({
      platform: this.platform,
      recent: this.recent.list(),
      developer: !app.isPackaged,
      actions: {
        newLibrary: () => void this.newLibrary(),
        openLibrary: () => void this.chooseLibrary(),
        openRecent: (path) => {
          this.openLibrary(path);
        },
        clearRecent: () => {
          this.recent.clear();
          app.clearRecentDocuments();
          this.refreshMenu();
        },
        backup: () => void this.backup(),
        send: (command) => {
          this.sendMenuCommand(command);
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
}
