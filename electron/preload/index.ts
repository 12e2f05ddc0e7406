// The preload of every Qalam window: it runs sandboxed, with context isolation, and gives the
// page exactly two objects, built from the contract's list of calls. It holds no logic of its own.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { callNames } from './call-names.js';
import { contractSurface, desktopSurface } from './surface.js';

contextBridge.exposeInMainWorld(
  'qalam',
  contractSurface(callNames, (channel, input) => ipcRenderer.invoke(channel, input)),
);
contextBridge.exposeInMainWorld(
  'qalamDesktop',
  desktopSurface(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
