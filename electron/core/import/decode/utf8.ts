/// What a strict UTF-8 scan found: how many multi-byte characters were well formed, how many
/// bytes were not, and where the first bad one is.
export interface Utf8Diagnosis {
  multiByte: number;
  invalid: number;
  firstInvalid: number;
  /// The bytes end inside a character (a file cut short).
  truncated: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/// The text if the bytes are valid UTF-8 (one native pass), else null.
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/// Scan bytes that failed strict decoding, to tell a damaged UTF-8 file from one in another encoding.
/// Only runs on the failure path, so a plain loop is fine.
export function diagnoseUtf8(bytes: Uint8Array): Utf8Diagnosis {
  let multiByte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let truncated = false;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    let ok = need > 0;
    let cp = b & (0x3f >> need);
    if (ok && i + need >= n) {
      // Not enough bytes left: a cut at the end if the ones present are continuations.
      let cont = true;
      for (let k = i + 1; k < n; k++) if ((bytes[k] & 0xc0) !== 0x80) cont = false;
      if (cont) {
        truncated = true;
        if (firstInvalid < 0) firstInvalid = i;
        invalid++;
        break;
      }
      ok = false;
    }
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const c = bytes[i + k];
        if ((c & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (c & 0x3f);
      }
      if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    }
    if (ok) {
      multiByte++;
      i += need + 1;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { multiByte, invalid, firstInvalid, truncated };
}
