import { QalamError } from '../core/errors.js';
import type { HostHandlers } from '../core/handlers.js';

/// The host calls as browser mode answers them: a browser tab has no native dialogs (the
/// renderer uploads files and downloads exports instead) and opens links itself.
export const browserHostHandlers: HostHandlers = {
  capabilities: () => ({ nativeDialogs: false, transport: 'http' }),
  chooseImportPaths: () => {
    throw new QalamError('unsupported', 'Browser mode has no file dialog: choose or drop files to upload them instead.');
  },
  chooseSavePath: () => {
    throw new QalamError('unsupported', 'Browser mode has no save dialog: the export is downloaded by the browser instead.');
  },
  openExternal: () => {
    throw new QalamError('unsupported', 'In browser mode the browser opens links itself.');
  },
};
