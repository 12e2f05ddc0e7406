#!/usr/bin/env node
// Draws Qalam's icon — a reed pen (qalam) over a gold calligraphic stroke on deep teal — and
// writes every file packaging needs into resources/icons/: icon.png (512×512), icon.ico
// (Windows, 16–256), icon.icns (macOS, 16–1024) and png/NxN.png (Linux). The shapes are drawn
// as distance fields with 4×4 supersampling and written as PNG by hand (zlib), so no image
// tool is needed. The output is committed; run this again only to change the design.
//
//   node scripts/make-icons.mjs [OUT_DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.argv[2] ?? join(root, 'resources', 'icons');

// ---- the design, on a 512-unit canvas -------------------------------------------------------

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const teal = [hex('#1f6a70'), hex('#0c2c37')];
const gold = hex('#e4b55a');
const cream = hex('#f6eedb');
const creamShade = hex('#dccaa3');
const slitInk = hex('#2e2419');

/// Signed distance to a rounded rectangle (negative inside).
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

// The gold stroke: a quadratic curve whose width swells in the middle, as a broad nib makes it.
const strokeCurve = [];
for (let i = 0; i <= 96; i++) {
  const t = i / 96;
  const [p0, p1, p2] = [[160, 362], [282, 462], [420, 336]];
  const x = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t ** 2 * p2[0];
  const y = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t ** 2 * p2[1];
  strokeCurve.push({ x, y, w: 2.5 + 19 * Math.sin(Math.PI * t ** 0.85) ** 0.9 });
}

function inStroke(x, y) {
  if (x < 130 || x > 445 || y < 310 || y > 450) return false;
  for (let i = 1; i < strokeCurve.length; i++) {
    const a = strokeCurve[i - 1];
    const b = strokeCurve[i];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy)));
    const d = Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
    if (d <= a.w + (b.w - a.w) * t) return true;
  }
  return false;
}

// The pen: its axis runs from the nib at (172, 340) up and to the right.
const tip = [172, 340];
const axis = [Math.SQRT1_2, -Math.SQRT1_2];
const normal = [Math.SQRT1_2, Math.SQRT1_2];

/// The pen's colour at (x, y), or null outside it.
function pen(x, y) {
  const rx = x - tip[0];
  const ry = y - tip[1];
  const u = rx * axis[0] + ry * axis[1];
  const v = rx * normal[0] + ry * normal[1];
  const half = 25;
  const nib = 74;
  if (u < 0 || u > 330) return null;
  // The nib tapers to an oblique cut; the body ends in a rounded cap.
  const width = u < nib ? 3 + (half - 3) * Math.sqrt(u / nib) : half;
  if (Math.abs(v) > width) return null;
  if (u > 330 - half && Math.hypot(u - (330 - half), v) > half) return null;
  if (u > 10 && u < 52 && Math.abs(v) < 1.8) return slitInk;
  // A band where the nib is cut from the reed, and the shaded side of the round stem.
  if (u > nib && u < nib + 7) return creamShade;
  return v > half * 0.35 ? creamShade : cream;
}

/// The icon's colour at (x, y) in 512-unit coordinates, as [r, g, b, a].
function shade(x, y) {
  if (roundedRect(x, y, 36, 36, 476, 476, 100) > 0) return [0, 0, 0, 0];
  const p = pen(x, y);
  if (p) return [...p, 255];
  if (inStroke(x, y)) return [...gold, 255];
  const t = Math.min(1, Math.max(0, (y - 36) / 440));
  return [...teal[0].map((c, i) => Math.round(c + (teal[1][i] - c) * t)), 255];
}

/// Render the icon at size×size pixels, RGBA, averaging 4×4 samples per pixel.
function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const scale = 512 / size;
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((px + (sx + 0.5) / n) * scale, (py + (sy + 0.5) / n) * scale);
          // Premultiply, so edges against transparency do not darken.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round(a / (n * n));
    }
  }
  return rgba;
}

// ---- file formats ---------------------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/// An RGBA PNG: 8 bits per channel, no interlace, each row with filter 0.
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/// A Windows .ico holding PNG images (Windows Vista and later read them).
function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

/// A macOS .icns holding PNG images under their type codes.
function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

// ---- write everything -----------------------------------------------------------------------

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const png = Object.fromEntries(sizes.map((s) => [s, encodePng(s, render(s))]));

mkdirSync(join(outDir, 'png'), { recursive: true });
writeFileSync(join(outDir, 'icon.png'), png[512]);
for (const s of [16, 24, 32, 48, 64, 128, 256, 512]) writeFileSync(join(outDir, 'png', `${s}x${s}.png`), png[s]);
writeFileSync(join(outDir, 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png[size] }))));
writeFileSync(
  join(outDir, 'icon.icns'),
  encodeIcns([
    { type: 'icp4', png: png[16] },
    { type: 'icp5', png: png[32] },
    { type: 'icp6', png: png[64] },
    { type: 'ic07', png: png[128] },
    { type: 'ic08', png: png[256] },
    { type: 'ic09', png: png[512] },
    { type: 'ic10', png: png[1024] },
    { type: 'ic11', png: png[32] },
    { type: 'ic12', png: png[64] },
    { type: 'ic13', png: png[256] },
    { type: 'ic14', png: png[512] },
  ]),
);
process.stdout.write(`icons written to ${outDir}\n`);
