import { ImportFileError } from '../formats/import-file-error.js';

/// Decode UTF-16 (without its byte order mark), refusing an odd byte count, a file cut inside a
/// surrogate pair, and unpaired surrogates, each with the byte where it happens.
export function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', offset: number): string {
  if (bytes.length % 2 !== 0) {
    throw new ImportFileError(`truncated UTF-16: odd number of bytes (${bytes.length + offset}), the last character is cut`);
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Find the bad unit to say where (failure path only).
    const le = encoding === 'utf-16le';
    const n = bytes.length / 2;
    for (let k = 0; k < n; k++) {
      const u = le ? bytes[2 * k] | (bytes[2 * k + 1] << 8) : (bytes[2 * k] << 8) | bytes[2 * k + 1];
      if (u >= 0xd800 && u <= 0xdbff) {
        if (k === n - 1) throw new ImportFileError('truncated UTF-16: the file ends inside a character');
        const v = le ? bytes[2 * k + 2] | (bytes[2 * k + 3] << 8) : (bytes[2 * k + 2] << 8) | bytes[2 * k + 3];
        if (v >= 0xdc00 && v <= 0xdfff) {
          k++;
          continue;
        }
      }
      if (u >= 0xd800 && u <= 0xdfff) throw new ImportFileError(`invalid UTF-16 at byte ${offset + 2 * k}: unpaired surrogate`);
    }
    throw new ImportFileError('invalid UTF-16');
  }
}

/// For bytes without a byte order mark: UTF-16 if NUL bytes sit regularly in every other
/// position (ASCII-range text in UTF-16), else null. Looks at the first 4 KiB only.
export function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}
