// Browser mode sends dropped or picked files to the server as base64 in JSON. btoa takes a
// "binary string", and building one character at a time is slow for megabytes, so convert in
// chunks.

/// Base64 of arbitrary bytes (standard alphabet, padded).
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/// Split files into batches that each stay under a byte budget (and the contract's 1,000 files),
/// so one request never carries hundreds of megabytes.
export function batchBySize<T extends { size: number }>(files: readonly T[], maxBytes: number, maxCount = 1000): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length && (bytes + f.size > maxBytes || current.length >= maxCount)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length) batches.push(current);
  return batches;
}
