// Browser mode's page with the library's first screen drawn in by the server: the real server,
// a real library of corpus articles (and one hostile title), and the screen module the renderer's
// build provides (here from its source).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../electron/core/archive.js';
import { openLibrary } from '../../electron/core/db/open.js';
import { GUARD_ID, loadServedFirstScreen, pageWithFirstScreen, scriptHashSource } from '../../electron/server/first-screen.js';
import { startServer, type RunningServer } from '../../electron/server/server.js';
import { firstScreen, SERVED_ROWS } from '../../renderer/src/boot/servedFirstScreen.js';
import { SERVED_PAGE_ID } from '../../renderer/src/boot/servedPage.js';
import { corpusCopies, insertArticles, readCorpus } from '../e2e/bulk-library.js';

const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
// The page as the renderer's build writes it: a meta content policy, its stylesheet and an empty root.
const sourceHtml = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
const stylesheet = '.article-row{border-bottom:1px solid #ccc}';
const indexHtml = sourceHtml.replace('</head>', '  <link rel="stylesheet" crossorigin href="./assets/index-Test1234.css">\n  </head>');

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path, headers: { host: `127.0.0.1:${port}`, connection: 'close', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe("browser mode's page with the first screen drawn in", () => {
  let dir: string;
  let archive: Archive;
  let srv: RunningServer;
  let newest: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-served-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), indexHtml);
    writeFileSync(join(dir, 'renderer', 'assets', 'index-Test1234.css'), stylesheet);
    const db = join(dir, 'library.sqlite');
    const lib = openLibrary(db);
    try {
      insertArticles(lib, corpusCopies(readCorpus({ limit: 80 }), 120));
      insertArticles(lib, [{ title: hostile, date: '2099-01-01', source: 'x', lang: 'en', script: 'Latn', text: 'A hostile title.' }]);
      newest = lib.db.prepare('SELECT title FROM articles ORDER BY date DESC, id DESC LIMIT ?').pluck().all(SERVED_ROWS) as string[];
    } finally {
      lib.close();
    }
    archive = openArchive(db, { exportDir: join(dir, 'exports') });
    srv = await startServer({ handlers: archive.handlers, jobs: archive.ctx.jobs, rendererDir: join(dir, 'renderer'), firstScreen });
  });

  afterAll(async () => {
    await srv?.close();
    archive?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws the newest rows into the page opened with the secret, and the page beside them', async () => {
    const page = await get(srv.port, `/?token=${srv.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const { document } = parseHTML(page.body);
    const titles = [...document.querySelectorAll('#root .article-row__title')].map((e) => e.textContent);
    expect(titles).toEqual(newest);
    expect(titles[0]).toBe(hostile);
    // The hostile title stays text: the page has its module script, the guard and the data block only.
    expect([...document.querySelectorAll('script')].map((s) => s.getAttribute('type') ?? 'classic').sort()).toEqual(['application/json', 'classic', 'module']);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    const served = JSON.parse(document.getElementById(SERVED_PAGE_ID)!.textContent!) as { page: { total: number; items: { title: string }[] } };
    expect(served.page.total).toBe(121);
    expect(served.page.items.map((a) => a.title).slice(0, SERVED_ROWS)).toEqual(newest);
  });

  it('is painted first whole: its stylesheet inside it, and nothing painted before the guard has run', async () => {
    const { document } = parseHTML((await get(srv.port, `/?token=${srv.token}`)).body);
    expect(document.querySelector('link[rel="stylesheet"]')).toBeNull();
    expect([...document.querySelectorAll('head style')].map((s) => s.textContent)).toEqual([stylesheet]);
    const expectLink = document.querySelector('head link[rel="expect"]')!;
    expect(expectLink.getAttribute('blocking')).toBe('render');
    expect(expectLink.getAttribute('href')).toBe(`#${GUARD_ID}`);
    expect(document.getElementById(GUARD_ID)!.textContent).toBe(firstScreen.guard);
    expect(document.getElementById(GUARD_ID)!.previousElementSibling).toBe(document.getElementById('root'));
  });

  it('allows its one inline script by hash, in the header and in the page, and nothing more', async () => {
    const page = await get(srv.port, `/?token=${srv.token}`);
    const hash = scriptHashSource(firstScreen.guard);
    const header = String(page.headers['content-security-policy']);
    expect(header).toContain(`script-src 'self' ${hash};`);
    expect(header).not.toMatch(/unsafe-inline'[^;]*;.*script|script-src[^;]*unsafe/);
    const { document } = parseHTML(page.body);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain(`script-src 'self' ${hash};`);
    const guard = [...document.querySelectorAll('script')].find((s) => !s.hasAttribute('type') && !s.hasAttribute('src'))!;
    expect(guard.textContent).toBe(firstScreen.guard);
  });

  it('serves the page as it is without the secret, or with a wrong one', async () => {
    for (const path of ['/', '/?token=nope', `/?token=${srv.token}x`, '/index.html']) {
      const page = await get(srv.port, path);
      expect(page.status, path).toBe(200);
      expect(page.body, path).toBe(indexHtml);
      expect(page.body, path).not.toContain(newest[1]);
      expect(String(page.headers['content-security-policy']), path).not.toContain('sha256');
    }
  });

  it('refuses a page asked for under another host name before drawing anything', async () => {
    const page = await get(srv.port, `/?token=${srv.token}`, { host: 'evil.example:80' });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(newest[1]);
  });

  it('puts a screen only into a page shaped as expected', () => {
    const drawn = { root: '<p>rows</p>', after: '<script type="application/json">{}</script>' };
    const page = pageWithFirstScreen(indexHtml, drawn, 'x()')!;
    expect(page).toContain(`<div id="root"><p>rows</p></div><script id="${GUARD_ID}">x()</script>${drawn.after}`);
    expect(pageWithFirstScreen('<div id="root"></div>', drawn, 'x()')).toBeNull();
    expect(pageWithFirstScreen(indexHtml.replace('</head>', ''), drawn, 'x()')).toBeNull();
    expect(pageWithFirstScreen(indexHtml.replace('<div id="root"></div>', '<div id="app"></div>'), drawn, 'x()')).toBeNull();
  });
});

describe('stylesheets put into the page', () => {
  const drawn = { root: '<p>rows</p>', after: '' };
  const link = '<link rel="stylesheet" crossorigin href="./assets/index-Test1234.css">';
  const withSheet = (css: string | null) => pageWithFirstScreen(indexHtml, drawn, 'x()', (path) => (path === '/assets/index-Test1234.css' ? css : null))!;

  it('takes the text of a stylesheet of its own', () => {
    const page = withSheet('p{color:red}');
    expect(page).toContain('<style>p{color:red}</style>');
    expect(page).not.toContain(link);
  });

  it('keeps the link for a stylesheet it cannot read, one that names other files, or one that would end the element', () => {
    expect(withSheet(null)).toContain(link);
    expect(withSheet('p{background:url(bg.png)}')).toContain(link);
    expect(withSheet('@import "other.css";')).toContain(link);
    expect(withSheet('p::after{content:"</style><script>x()</script>"}')).toContain(link);
  });

  it('keeps the link where the page does not allow inline styles', () => {
    const strict = indexHtml.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'");
    const page = pageWithFirstScreen(strict, drawn, 'x()', () => 'p{color:red}')!;
    expect(page).toContain(link);
    expect(page).not.toContain('<style>');
  });
});

describe("browser mode's page for an empty library", () => {
  it('is the page as it is: the app shows its welcome screen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qalam-served-empty-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), indexHtml);
    const archive = openArchive(join(dir, 'library.sqlite'), { exportDir: join(dir, 'exports') });
    const srv = await startServer({ handlers: archive.handlers, jobs: archive.ctx.jobs, rendererDir: join(dir, 'renderer'), firstScreen });
    try {
      const page = await get(srv.port, `/?token=${srv.token}`);
      expect(page.body).toBe(indexHtml);
    } finally {
      await srv.close();
      archive.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("loading the renderer's built first screen", () => {
  it('takes a module shaped as expected, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qalam-served-module-'));
    try {
      writeFileSync(join(dir, 'good.js'), "export const firstScreen = { call: { name: 'listArticles', input: {} }, draw: () => null, guard: '' };");
      writeFileSync(join(dir, 'other.js'), 'export const something = 1;');
      writeFileSync(join(dir, 'half.js'), "export const firstScreen = { call: { name: 'listArticles' }, guard: '' };");
      expect((await loadServedFirstScreen(join(dir, 'good.js')))?.call.name).toBe('listArticles');
      expect(await loadServedFirstScreen(join(dir, 'other.js'))).toBeNull();
      expect(await loadServedFirstScreen(join(dir, 'half.js'))).toBeNull();
      expect(await loadServedFirstScreen(join(dir, 'missing.js'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
