import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/// A fresh per-launch secret: 32 random bytes, base64url (43 characters, safe in a URL).
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/// Compare a presented token with the real one in constant time. Both sides are hashed first so
/// that the comparison takes the same time whatever the length of what was presented (a plain
/// timingSafeEqual throws on different lengths, and an early length check leaks the length).
export function sameToken(presented: string | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
