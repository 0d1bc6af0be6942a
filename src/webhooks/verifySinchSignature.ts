import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_PATTERN = /^[0-9a-f]{40}$/;

/** Lowercase hex HMAC-SHA1 of the raw body, keyed with the project's hmacSecret (REFERENCE §4.6). */
export function computeSinchSignature(rawBody: Buffer | string, hmacSecret: string): string {
  return createHmac('sha1', hmacSecret).update(rawBody).digest('hex');
}

/** Whether a header value is shaped like a signature at all (40 lowercase hex digits). */
export function isWellFormedSignature(signature: string): boolean {
  return SIGNATURE_PATTERN.test(signature);
}

/**
 * Compares in constant time, so response timing reveals nothing about how much of a forged
 * signature was right. Both sides are 40 ASCII bytes once the shape was checked, which
 * `timingSafeEqual` requires.
 */
export function verifySinchSignature(rawBody: Buffer, signature: string, hmacSecret: string): boolean {
  if (!isWellFormedSignature(signature)) return false;
  const expected = Buffer.from(computeSinchSignature(rawBody, hmacSecret), 'ascii');
  const received = Buffer.from(signature, 'ascii');
  return expected.length === received.length && timingSafeEqual(expected, received);
}
