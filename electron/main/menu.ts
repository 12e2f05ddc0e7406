import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../shared/contract/channels.js';

/// What the menu items do. Items that act on the page send a menu command to the focused
/// window's renderer; the rest the main process does itself.
export interface MenuActions {
  newLibrary(): void;
  openLibrary(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  backup(): void;
  /// Send a command to the focused window's page (import, export, find).
  send(command: MenuCommand): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  recent: string[];
  /// DevTools only outside a packaged build.
  developer: boolean;
  actions: MenuActions;
}

/// The application menu, with the shortcuts people expect on each platform. Roles give the
/// native behaviour (undo in text fields, zoom, full screen, About panel) for free.
export function menuTemplate({ platform, recent, developer, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((path) => ({ label: basename(path), sublabel: path, toolTip: path, click: () => actions.openRecent(path) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Libraries', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Library…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newLibrary() },
      { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: () => actions.openLibrary() },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => actions.send('import-files') },
      // DevTools' usual Ctrl+Shift+I is moved to F12 in development builds to leave this free.
      { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+I', click: () => actions.send('import-folder') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('export') },
      { label: 'Back Up Library…', accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.backup() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'E&xit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => actions.send('find') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(developer ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools', accelerator: 'F12' }] as MenuItemConstructorOptions[]) : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ role: 'about', label: 'About Qalam' }] };

  if (mac) {
    const appMenu: MenuItemConstructorOptions = {
      label: 'Qalam',
      submenu: [
        { role: 'about', label: 'About Qalam' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    };
    // On macOS About lives in the application menu.
    return [appMenu, file, edit, view, windowMenu];
  }
  return [file, edit, view, windowMenu, help];
}
