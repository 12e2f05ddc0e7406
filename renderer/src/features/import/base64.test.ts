import { describe, expect, it } from 'vitest';
import { batchBySize, bytesToBase64 } from './base64.js';

describe('bytesToBase64', () => {
  it('matches the standard encoding on known values', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(bytesToBase64(new TextEncoder().encode('f'))).toBe('Zg==');
    expect(bytesToBase64(new TextEncoder().encode('foobar'))).toBe('Zm9vYmFy');
    expect(bytesToBase64(new Uint8Array([0, 255, 128, 10]))).toBe('AP+ACg==');
    expect(bytesToBase64(new TextEncoder().encode('Қозоғистон'))).toBe('0prQvtC30L7Sk9C40YHRgtC+0L0=');
  });

  it('encodes a large buffer across chunk boundaries exactly', () => {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 7919) % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded.length).toBe(Math.ceil(bytes.length / 3) * 4);
    const back = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    expect(back).toEqual(bytes);
  });
});

describe('batchBySize', () => {
  it('keeps every file, in order, within the budget', () => {
    const files = [5, 5, 5, 20, 1, 1].map((size, i) => ({ size, i }));
    const batches = batchBySize(files, 10);
    expect(batches.map((b) => b.map((f) => f.i))).toEqual([[0, 1], [2], [3], [4, 5]]);
    expect(batchBySize(files, 100, 2).map((b) => b.length)).toEqual([2, 2, 2]);
  });
});
