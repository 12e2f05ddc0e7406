import { describe, expect, it } from 'vitest';
import { electronDouble } from './electron-double.js';
import { openExternalAfterConfirm } from './external-link.js';

describe('opening a link from an article', () => {
  it('asks first, with Cancel as the default, and opens the normalised address on yes', async () => {
    const d = electronDouble();
    d.script.message.push(0);
    const opened = await openExternalAfterConfirm('https://Kun.uz/uz/news/2024/01/05/ташкент', d.api);
    expect(opened).toBe(true);
    expect(d.calls.opened).toEqual(['https://kun.uz/uz/news/2024/01/05/%D1%82%D0%B0%D1%88%D0%BA%D0%B5%D0%BD%D1%82']);
    const asked = d.calls.dialogs[0].options;
    expect(asked.defaultId).toBe(asked.cancelId);
    expect(asked.buttons[asked.cancelId]).toBe('Cancel');
    expect(asked.message).toContain('kun.uz');
  });

  it('opens nothing when the user cancels', async () => {
    const d = electronDouble();
    expect(await openExternalAfterConfirm('https://example.com/', d.api)).toBe(false);
    expect(d.calls.opened).toEqual([]);
  });

  it('refuses anything but http(s) without asking', async () => {
    const d = electronDouble();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'vbscript:x', 'ms-msdt:/id', 'not a url', '']) {
      await expect(openExternalAfterConfirm(url, d.api)).rejects.toMatchObject({ code: 'bad_input' });
    }
    expect(d.calls.dialogs).toEqual([]);
    expect(d.calls.opened).toEqual([]);
  });
});
