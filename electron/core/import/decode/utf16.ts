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
/// position (ASCII-range text in UTF-16), or if the high bytes are mostly one small value
/// (text in one script block, e.g. 0x04 for Cyrillic) and the sample reads as plausible text;
/// else null. Looks at the first 4 KiB only.
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
  const sample = bytes.subarray(0, n);
  if (oneScriptBlock(sample, 1) && plausibleText(sample, 'utf-16le')) return 'utf-16le';
  if (oneScriptBlock(sample, 0) && plausibleText(sample, 'utf-16be')) return 'utf-16be';
  return null;
}

/// Highest high byte counted as a script block: the alphabetic blocks (Latin extensions to
/// Malayalam, Cyrillic among them) sit below U+2000; the spread-out CJK range would not pass
/// the one-value test anyway.
const MAX_BLOCK = 0x1f;

/// True when the bytes at `high` parity are mostly one value in 0x01–MAX_BLOCK, the rest
/// mostly 0 (spaces, digits and ASCII punctuation between the words).
function oneScriptBlock(sample: Uint8Array, high: 0 | 1): boolean {
  const counts = new Uint32Array(256);
  for (let i = high; i < sample.length; i += 2) counts[sample[i]]++;
  let block = 1;
  for (let v = 2; v <= MAX_BLOCK; v++) if (counts[v] > counts[block]) block = v;
  const units = sample.length / 2;
  return counts[block] > units * 0.3 && counts[block] + counts[0] > units * 0.8;
}

/// True when the sample decodes without unpaired surrogates (a pair cut by the sample's end
/// aside) and nearly every character is a letter, mark, digit, space or punctuation.
function plausibleText(sample: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(sample);
  const body = text.endsWith('\ufffd') ? text.slice(0, -1) : text;
  if (body.includes('\ufffd')) return false;
  const chars = [...body];
  const good = chars.filter((c) => /[\p{L}\p{M}\p{N}\p{P}\p{Zs}\t\n\r]/u.test(c)).length;
  return good >= chars.length * 0.9;
}
