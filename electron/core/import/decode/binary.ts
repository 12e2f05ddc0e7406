// Text files never hold NUL bytes (UTF-16 is recognised before this check) and hold
// few other control characters; documents and archives announce themselves with magic bytes.

/// How many leading bytes the binary check looks at.
const SAMPLE = 64 * 1024;

const SIGNATURES: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or DOCX/ODT/EPUB)'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Microsoft Office document'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
  [[0x4d, 0x5a], 'an executable'],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/// Why the bytes are not text (a sentence fragment for an error message), or null when they may be.
/// Call it only for bytes without a UTF-16 byte order mark.
export function binaryReason(bytes: Uint8Array): string | null {
  for (const [sig, what] of SIGNATURES) {
    // 'MZ' and '{\rtf' are only telling at the very start; an RTF is text but not an article.
    if (startsWith(bytes, sig)) return `binary file (not text): looks like ${what}`;
  }
  const n = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c) continue;
    if (b === 0) return `binary file (not text): NUL byte at byte ${i}`;
    // ESC (ANSI colours) and a final DOS end-of-file mark do occur in text files.
    if (b === 0x1b || (b === 0x1a && i === bytes.length - 1)) continue;
    controls++;
  }
  if (controls > 8 && controls * 100 > n) return `binary file (not text): ${controls} control characters in the first ${n} bytes`;
  return null;
}
