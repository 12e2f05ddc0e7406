import { describe, expect, it } from 'vitest';
import { FakeWebContents } from './electron-double.js';
import { guardContents, isAppPage, isWebLink } from './navigation.js';

const page = { url: 'file:///opt/Qalam/resources/app.asar/dist/renderer/index.html' };

function guarded() {
  const contents = new FakeWebContents(page.url);
  const links: string[] = [];
  guardContents(contents as any, page, (url) => links.push(url));
  return { contents, links };
}

describe('navigation guard', () => {
  it('keeps the window on the app page', () => {
    const { contents } = guarded();
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///home/user/Downloads/article.html')).toBe(true);
    expect(contents.fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(contents.fire('will-navigate', `${page.url}#/search?q=Ташкент`)).toBe(false);
  });

  it('blocks sub-frame navigation, redirects and webviews', () => {
    const { contents } = guarded();
    expect(contents.fire('will-frame-navigate', { url: page.url, isMainFrame: false })).toBe(true);
    expect(contents.fire('will-frame-navigate', { url: 'https://example.com/', isMainFrame: true })).toBe(true);
    expect(contents.fire('will-frame-navigate', { url: page.url, isMainFrame: true })).toBe(false);
    expect(contents.fire('will-redirect', { url: page.url })).toBe(true);
    expect(contents.fire('will-attach-webview', {}, {})).toBe(true);
  });

  it('denies every new window and sends only web links to the confirmation', () => {
    const { contents, links } = guarded();
    for (const url of ['https://kun.uz/news/1', 'http://example.com/a b', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'mailto:a@b.c', 'about:blank']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(links).toEqual(['https://kun.uz/news/1', 'http://example.com/a b']);
  });

  it('recognises the app page and web links', () => {
    expect(isAppPage(`${page.url}?x=1`, page)).toBe(true);
    expect(isAppPage('file:///opt/Qalam/resources/app.asar/dist/renderer/other.html', page)).toBe(false);
    expect(isAppPage('https://opt/Qalam/resources/app.asar/dist/renderer/index.html', page)).toBe(false);
    expect(isWebLink('https://')).toBe(false);
    expect(isWebLink('HTTPS://Example.COM/x')).toBe(true);
  });
});
