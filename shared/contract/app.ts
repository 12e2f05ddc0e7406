import { z } from 'zod';
import { call } from './define.js';

// Calls that need the desktop around the app. The archive does not answer them; the Electron
// main side does, and browser mode answers what it can (no native dialogs).
export const appCalls = {
  capabilities: call(
    z.object({}),
    z.object({ nativeDialogs: z.boolean(), transport: z.enum(['ipc', 'http']) }),
    'What the host around the renderer can do.',
  ),
  chooseImportPaths: call(
    z.object({ folders: z.boolean().default(false) }),
    z.object({ paths: z.array(z.string()) }),
    'Ask the user for files or folders to import (native dialog).',
  ),
  chooseSavePath: call(
    z.object({ defaultName: z.string().max(500) }),
    z.object({ path: z.string().nullable() }),
    'Ask the user where to save (native dialog).',
  ),
  openExternal: call(
    z.object({ url: z.string().max(4000) }),
    z.object({ opened: z.boolean() }),
    'Open an http(s) link from an article in the system browser, after the user confirms.',
  ),
};
