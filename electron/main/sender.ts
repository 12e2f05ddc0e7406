import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppPage, type AppPage } from './navigation.js';

/// Why a message was refused, or null when it comes from one of our own pages.
export type SenderVerdict = null | 'no-frame' | 'not-top-frame' | 'unknown-window' | 'foreign-page';

/// A message is ours only if it comes from the top frame of a window this process opened, whose
/// page is the app's own index.html. An iframe, a devtools extension, another webContents or a
/// page that somehow navigated elsewhere gets nothing.
export function judgeSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, isOurWindow: (contents: WebContents) => boolean, page: AppPage): SenderVerdict {
  const frame = event.senderFrame;
  if (!frame) return 'no-frame';
  if (frame.parent !== null || frame !== event.sender.mainFrame) return 'not-top-frame';
  if (!isOurWindow(event.sender)) return 'unknown-window';
  if (!isAppPage(frame.url, page)) return 'foreign-page';
  return null;
}
