import { hash } from 'node:crypto';

const UUID = /^(?:urn:uuid:)?\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/// The bare UUID in `urn:uuid:…`, `{…}` or plain form, lower case; undefined when it is none.
export function uuidOf(uid: string): string | undefined {
  return UUID.exec(uid.trim())?.[1].toLowerCase();
}

/// A stable GUID for anything that has an identifier: the identifier itself when it is a UUID,
/// else a name-based one (SHA-256 of the text, version and variant bits set as RFC 9562 says for
/// version 8), so the same tag or passage gets the same GUID in every export.
export function guidFor(...parts: string[]): string {
  if (parts.length === 1) {
    const u = uuidOf(parts[0]);
    if (u) return u;
  }
  // One-shot hashing: an export derives one GUID per coding, a hundred thousand in a large project.
  const h = hash('sha256', parts.join('\u0000'), 'buffer');
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
