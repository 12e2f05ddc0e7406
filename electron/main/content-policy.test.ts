import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hardenSession, isLocalRequest } from './content-policy.js';
import { electronDouble } from './electron-double.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('content security policy', () => {
  const d = directives(contentSecurityPolicy);

  it('allows no inline script, no eval and no remote source', () => {
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*|wss?:|unsafe-eval/);
    // Only styles may be inline; scripts never.
    expect([...d].filter(([, v]) => v.some((s) => s.startsWith("'unsafe-"))).map(([k]) => k)).toEqual(['style-src']);
  });

  it('covers every kind of fetch a page can make', () => {
    for (const name of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'frame-src', 'worker-src', 'form-action']) {
      expect(d.has(name), name).toBe(true);
    }
  });
});

describe('hardened session', () => {
  const double = electronDouble();
  hardenSession(double.api.session.defaultSession);
  const s = double.sessionCalls;

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'pointerLock', 'midi', 'display-capture', 'fileSystem', 'hid', 'serial', 'usb']) {
      let answer: boolean | undefined;
      s.permissionRequest!({}, permission, (ok) => (answer = ok));
      expect(answer, permission).toBe(false);
      expect(s.permissionCheck!({}, permission, 'file:///', {})).toBe(false);
    }
    expect(s.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that would leave the machine', () => {
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      s.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://example.com/tracker.js')).toBe(true);
    expect(verdict('http://127.0.0.1:8080/api')).toBe(true);
    expect(verdict('ws://localhost/socket')).toBe(true);
    expect(verdict('ftp://files.example/a')).toBe(true);
    expect(verdict('not a url')).toBe(true);
    expect(verdict('file:///opt/Qalam/resources/app.asar/dist/renderer/assets/index.js')).toBe(false);
    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
    expect(isLocalRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('puts the policy on every response', () => {
    let headers: Record<string, string[]> | undefined;
    s.headersReceived!({ url: 'file:///x/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] });
  });
});
