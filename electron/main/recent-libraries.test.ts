import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentLibraries, recentLimit } from './recent-libraries.js';

describe('recent libraries', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'qalam-recent-')), 'recent-libraries.json');

  it('lists the most recent first, once each, and at most the limit', () => {
    const recent = new RecentLibraries(file());
    expect(recent.list()).toEqual([]);
    recent.add('/data/a.qalam.sqlite');
    recent.add('/data/b.qalam.sqlite');
    recent.add('/data/a.qalam.sqlite');
    expect(recent.list()).toEqual(['/data/a.qalam.sqlite', '/data/b.qalam.sqlite']);
    for (let i = 0; i < 20; i++) recent.add(`/data/lib-${i}.sqlite`);
    expect(recent.list()).toHaveLength(recentLimit);
    expect(recent.list()[0]).toBe('/data/lib-19.sqlite');
  });

  it('stores absolute paths and forgets a library on request', () => {
    const recent = new RecentLibraries(file());
    recent.add('relative/lib.sqlite');
    expect(recent.list()).toEqual([resolve('relative/lib.sqlite')]);
    recent.remove('relative/lib.sqlite');
    expect(recent.list()).toEqual([]);
  });

  it('survives a damaged file', () => {
    const f = file();
    writeFileSync(f, '{"oops":');
    expect(new RecentLibraries(f).list()).toEqual([]);
    writeFileSync(f, JSON.stringify(['/a.sqlite', 42, '', null, '/a.sqlite', '/b.sqlite']));
    expect(new RecentLibraries(f).list()).toEqual(['/a.sqlite', '/b.sqlite']);
  });
});
