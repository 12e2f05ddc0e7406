import { join } from 'node:path';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { HostHandlers } from '../core/handlers.js';
import { openExternalAfterConfirm } from './external-link.js';

/// The contract's host calls, answered for one window (its dialogs are modal to it).
export function hostHandlers(deps: {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal'>;
  window: () => BrowserWindow | null;
  /// Folder the save dialog starts in.
  documentsDir: string;
}): HostHandlers {
  return {
    capabilities: () => ({ nativeDialogs: true, transport: 'ipc' }),

    async chooseImportPaths({ folders }) {
      const options: Electron.OpenDialogOptions = folders
        ? { title: 'Import Folder', buttonLabel: 'Import', properties: ['openDirectory', 'multiSelections'] }
        : // No type filter: the importer decides what it can read and reports every file it cannot.
          { title: 'Import Files', buttonLabel: 'Import', properties: ['openFile', 'multiSelections'] };
      const win = deps.window();
      const r = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      return { paths: r.canceled ? [] : r.filePaths };
    },

    async chooseSavePath({ defaultName }) {
      // Only a file name is taken from the page: it cannot steer the dialog to another folder.
      const name = defaultName.replace(/[\\/]/g, '_').replace(/^\.+/, '') || 'export';
      const options: Electron.SaveDialogOptions = {
        title: 'Save As',
        defaultPath: join(deps.documentsDir, name),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = deps.window();
      const r = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      return { path: r.canceled || !r.filePath ? null : r.filePath };
    },

    async openExternal({ url }) {
      return { opened: await openExternalAfterConfirm(url, { dialog: deps.dialog, shell: deps.shell, window: deps.window() }) };
    },
  };
}
