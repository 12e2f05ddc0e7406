import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions } from './menu.js';

function record() {
  const log: string[] = [];
  const actions: MenuActions = {
    newLibrary: () => log.push('new'),
    openLibrary: () => log.push('open'),
    openRecent: (p) => log.push(`recent:${p}`),
    clearRecent: () => log.push('clear'),
    backup: () => log.push('backup'),
    send: (c) => log.push(`send:${c}`),
  };
  return { log, actions };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const byLabel = (items: MenuItemConstructorOptions[], label: string) => {
  const found = flatten(items).find((i) => i.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
};

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu', () => {
  it('offers the library, import, export and backup commands with their shortcuts', () => {
    const { log, actions } = record();
    const t = menuTemplate({ platform: 'linux', recent: [], developer: false, actions });
    const expected: [string, string | undefined, string][] = [
      ['New Library…', 'CmdOrCtrl+Shift+N', 'new'],
      ['Open Library…', 'CmdOrCtrl+O', 'open'],
      ['Import Files…', 'CmdOrCtrl+I', 'send:import-files'],
      ['Import Folder…', 'CmdOrCtrl+Shift+I', 'send:import-folder'],
      ['Export…', 'CmdOrCtrl+E', 'send:export'],
      ['Back Up Library…', 'CmdOrCtrl+Shift+B', 'backup'],
      ['Find…', 'CmdOrCtrl+F', 'send:find'],
    ];
    for (const [label, accelerator, effect] of expected) {
      const item = byLabel(t, label);
      expect(item.accelerator, label).toBe(accelerator);
      click(item);
      expect(log.at(-1)).toBe(effect);
    }
    const roles = flatten(t).map((i) => i.role).filter(Boolean);
    for (const role of ['undo', 'redo', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'about', 'quit']) expect(roles).toContain(role);
    // No developer tools in a packaged build, and every shortcut is used once.
    expect(roles).not.toContain('toggleDevTools');
    const accelerators = flatten(t).map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('lists recent libraries and clears them', () => {
    const { log, actions } = record();
    const t = menuTemplate({ platform: 'win32', recent: ['/d/Uzbek press.qalam.sqlite', '/d/kz.sqlite'], developer: true, actions });
    const recent = byLabel(t, 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label)).toEqual(['Uzbek press.qalam.sqlite', 'kz.sqlite', undefined, 'Clear Recent']);
    click(recent[1]);
    click(recent[3]);
    expect(log).toEqual(['recent:/d/kz.sqlite', 'clear']);
    expect(flatten(t).some((i) => i.role === 'toggleDevTools' && i.accelerator === 'F12')).toBe(true);
    const empty = menuTemplate({ platform: 'linux', recent: [], developer: false, actions });
    expect((byLabel(empty, 'Open Recent').submenu as MenuItemConstructorOptions[])[0]).toMatchObject({ enabled: false });
  });

  it('follows macOS conventions there', () => {
    const t = menuTemplate({ platform: 'darwin', recent: [], developer: false, actions: record().actions });
    expect(t[0].label).toBe('Qalam');
    expect((t[0].submenu as MenuItemConstructorOptions[]).map((i) => i.role)).toContain('about');
    expect(flatten(t).filter((i) => i.role === 'about')).toHaveLength(1);
    expect(flatten(t).some((i) => i.role === 'quit')).toBe(true);
  });
});
