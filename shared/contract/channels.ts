// The names of the messages between the preload and the main side. Kept free of imports so the
// sandboxed preload bundle stays a few lines of plain JavaScript.

/// Every contract call travels on its own channel, `qalam:<name>` (one channel per call, never a
/// generic "invoke anything" channel, so the main side answers only what it registered).
export const CALL_CHANNEL_PREFIX = 'qalam:';

export function channelFor(name: string): string {
  return `${CALL_CHANNEL_PREFIX}${name}`;
}

/// The one message the main side sends unasked: a menu item that acts in the renderer.
export const MENU_CHANNEL = 'qalam:menu';

/// What a menu item can ask the renderer to do. Everything else (new/open library, backup,
/// zoom, full screen, about) the main side does itself.
export const menuCommands = ['import-files', 'import-folder', 'export', 'find'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/// What the renderer's `onMenu` listener receives.
export interface MenuMessage {
  command: MenuCommand;
}
