// The committed icons are what scripts/make-icons.mjs draws, in the formats packaging needs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { root } from './project.js';

const icons = join(root, 'resources/icons');

/// Width, height and RGBA pixels of a PNG (8-bit RGBA, filter 0 rows, as the generator writes).
function decodePng(buf: Buffer) {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let off = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)];
  return { width, height, pixel };
}

describe('icons', () => {
  it('icon.png is a 512×512 rounded square: clear corners, opaque inside', () => {
    const png = decodePng(readFileSync(join(icons, 'icon.png')));
    expect([png.width, png.height]).toEqual([512, 512]);
    expect(png.pixel(2, 2)[3]).toBe(0);
    expect(png.pixel(509, 509)[3]).toBe(0);
    expect(png.pixel(256, 60)[3]).toBe(255);
    // Not a flat square: the pen and the stroke are there.
    const colours = new Set<string>();
    for (let y = 40; y < 472; y += 8) for (let x = 40; x < 472; x += 8) colours.add(png.pixel(x, y).join(','));
    expect(colours.size).toBeGreaterThan(20);
  });

  it('the Linux set is named by size and sized as named', () => {
    const files = readdirSync(join(icons, 'png'));
    expect(files).toContain('512x512.png');
    for (const f of files) {
      const size = Number(/^(\d+)x\1\.png$/.exec(f)?.[1]);
      const png = decodePng(readFileSync(join(icons, 'png', f)));
      expect([png.width, png.height], f).toEqual([size, size]);
    }
  });

  it('icon.ico holds PNG images up to 256×256', () => {
    const ico = readFileSync(join(icons, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const size = ico[e] || 256;
      const png = decodePng(ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8)));
      expect(png.width).toBe(size);
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('icon.icns holds PNG images from 16 to 1024 pixels', () => {
    const icns = readFileSync(join(icons, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let off = 8; off < icns.length; ) {
      const type = icns.toString('latin1', off, off + 4);
      const len = icns.readUInt32BE(off + 4);
      found.set(type, decodePng(icns.subarray(off + 8, off + len)).width);
      off += len;
    }
    expect(Object.fromEntries(found)).toMatchObject({ icp4: 16, icp5: 32, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 });
  });
});
