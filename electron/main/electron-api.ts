// The one module of the main process that imports 'electron'. Everything else takes the parts
// of the API it needs as parameters (typed with `import type`), so Node tests can hand it a
// test double; the few tests that load this module replace it with `vi.mock`.
export { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
