import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS } from './sample-library.js';
import { FileSink } from './sink.js';
import { ZipSink } from './zip.js';

const dir = mkdtempSync(join(tmpdir(), 'qalam-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function zipTo(name: string, fill: (zip: ZipSink) => void): Uint8Array {
  const path = join(dir, name);
  const zip = new ZipSink(new FileSink(path), `${path}.directory`);
  fill(zip);
  zip.end();
  rmSync(`${path}.directory`);
  return readFileSync(path);
}

describe('ZipSink', () => {
  it('writes entries another reader opens byte for byte: streamed, whole, stored and empty', () => {
    const article = readFileSync(join(CORPUS, 'ru', 'gazetauz-tg-00000.txt'), 'utf8');
    // Well past the 64 KiB blocks, so the entry is deflated in several flushed pieces.
    const long = Array.from({ length: 40 }, (_, i) => `${i}: ${article}`).join('\n');
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256);
    const data = zipTo('mixed.zip', (zip) => {
      const entry = zip.entry('texts/long.txt');
      for (let i = 0; i < long.length; i += 1000) entry.write(long.slice(i, i + 1000));
      entry.end();
      zip.put('texts/article.txt', article);
      zip.put('bytes.bin', bytes, { level: 0 });
      zip.put('empty.txt', '');
      zip.put('имя файла.txt', 'UTF-8 names');
    });
    const files = unzipSync(data);
    const text = (name: string) => new TextDecoder().decode(files[name]);
    expect(Object.keys(files)).toEqual(['texts/long.txt', 'texts/article.txt', 'bytes.bin', 'empty.txt', 'имя файла.txt']);
    expect(text('texts/long.txt')).toBe(long);
    expect(text('texts/article.txt')).toBe(article);
    expect([...files['bytes.bin']]).toEqual([...bytes]);
    expect(text('empty.txt')).toBe('');
    expect(text('имя файла.txt')).toBe('UTF-8 names');
    expect(data.length).toBeLessThan(Buffer.byteLength(long) / 2);
    // Info-ZIP's own test, where it is installed, agrees.
    const unzip = spawnSync('unzip', ['-tq', join(dir, 'mixed.zip')], { encoding: 'utf8' });
    if (!unzip.error) expect(unzip.status).toBe(0);
  });

  it('adds ZIP64 end records past 65,535 entries, and spools its directory to disk', () => {
    const n = 65_600;
    const data = zipTo('many.zip', (zip) => {
      for (let i = 0; i < n; i++) zip.put(`f/${i}`, String(i), { level: 0 });
    });
    const files = unzipSync(data);
    expect(Object.keys(files).length).toBe(n);
    expect(new TextDecoder().decode(files[`f/${n - 1}`])).toBe(String(n - 1));
    expect(existsSync(join(dir, 'many.zip.directory'))).toBe(false);
  });

  it('refuses a second entry while one is open', () => {
    const path = join(dir, 'open.zip');
    const zip = new ZipSink(new FileSink(path), `${path}.directory`);
    zip.entry('a.txt').write('a');
    expect(() => zip.entry('b.txt')).toThrow(/still open/);
    zip.close();
  });
});
