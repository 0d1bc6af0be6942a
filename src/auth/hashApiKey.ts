import { createHash } from 'node:crypto';

/**
 * Shortest key accepted. Keys are generated (`randomBytes(32).toString('base64url')`, 43
 * characters); anything this short was typed by a person and is guessable.
 */
export const MIN_API_KEY_LENGTH = 32;

/**
 * The SHA-256 digest the tenants file stores instead of the key. A plain, unsalted fast hash is
 * the right tool here, unlike for passwords: the key is 256 random bits, so there is no
 * dictionary to precompute and nothing a slow hash would protect, while a slow hash would put
 * a CPU-bound step in front of every request. docs/security.md says more.
 */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
