import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/// The identifier an article has in every library: a name-based UUID (RFC 9562 version 8, the
/// SHA-256 construction) made from its normalised text, so annotations exported from one library
/// attach to the same article imported into another.
export function articleUid(textSha256Hex: string): string {
  const b = Buffer.from(textSha256Hex.slice(0, 32), 'hex');
  b[6] = (b[6] & 0x0f) | 0x80; // version 8
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 9562 variant
  const h = b.toString('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
