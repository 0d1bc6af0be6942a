import { createHmac } from 'node:crypto';

/**
 * `X-Sinch-Signature`: lowercase hex HMAC-SHA1 of the raw body bytes, keyed with the
 * project's `hmacSecret` as UTF-8 (REFERENCE §4.6, SDK `computeHmacSignature`).
 */
export function signCallbackBody(body: string | Buffer, hmacSecret: string): string {
  return createHmac('sha1', hmacSecret).update(body).digest('hex');
}
