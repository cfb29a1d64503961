import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A seller API key reads `ssk_<keyId>_<secret>`. The key id finds the record without a scan and is safe to
 * show; the secret is 32 random bytes. Only HMAC-SHA256(server subkey, whole key) is stored.
 */
const KEY_PATTERN = /^ssk_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

export function newKeyId(): string {
  return randomBytes(8).toString('hex');
}

export function newApiKey(keyId: string): string {
  return `ssk_${keyId}_${randomBytes(32).toString('base64url')}`;
}

/** The key id of a well-formed key, or null; anything else is refused before Redis is asked. */
export function keyIdOf(apiKey: string): string | null {
  return KEY_PATTERN.exec(apiKey)?.[1] ?? null;
}

export function hashApiKey(hashKey: Buffer, apiKey: string): string {
  return createHmac('sha256', hashKey).update(apiKey).digest('hex');
}

/** Constant-time comparison of two digests (bytes). */
export function sameDigest(left: Buffer, right: Buffer): boolean {
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

const comparisonKey = randomBytes(32);

/** Constant-time equality of two secrets of any length: their HMACs under a per-process key are compared. */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHmac('sha256', comparisonKey).update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** `Authorization: Bearer <token>`; null when absent or of another scheme. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer[ ]+(\S+)[ ]*$/i.exec(header) : null;
  return match?.[1] ?? null;
}
