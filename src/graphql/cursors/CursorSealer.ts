import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Makes cursors tamper-evident: a cursor is its payload and an HMAC-SHA256 of it, under a key
 * only the gateway holds, so a client can hand back only a cursor the gateway issued (a forged
 * offset, page token or list is refused before any upstream call). An interface, so that what
 * signs can be shared or rotated without touching the cursor codecs.
 */
export interface CursorSealer {
  /** `payload` (base64url, no dots) followed by its MAC. */
  seal(payload: string): string;
  /** The payload of a cursor this gateway sealed; undefined for anything else. */
  open(cursor: string): string | undefined;
}

/** MAC bytes kept: 128 bits, far beyond guessing, and a cursor stays short. */
const MAC_BYTES = 16;

/**
 * A sealer under `secret` (`GATEWAY_CURSOR_SECRET`): cursors then work across replicas and
 * restarts. Without a secret, a random key of this process: cursors are valid only on the
 * replica that issued them, until it restarts (docs/security.md).
 */
export function createCursorSealer(secret: string | undefined): CursorSealer {
  const key = secret === undefined ? randomBytes(32) : Buffer.from(secret, 'utf8');
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);
  return {
    seal: (payload) => `${payload}.${mac(payload).toString('base64url')}`,
    open(cursor) {
      const dot = cursor.lastIndexOf('.');
      if (dot <= 0) return undefined;
      const payload = cursor.slice(0, dot);
      const presented = Buffer.from(cursor.slice(dot + 1), 'base64url');
      const expected = mac(payload);
      return presented.length === expected.length && timingSafeEqual(presented, expected) ? payload : undefined;
    },
  };
}

let processSealer: CursorSealer | undefined;

/** The sealer of contexts built without one (unit tests, tools): one random key per process. */
export function processCursorSealer(): CursorSealer {
  processSealer ??= createCursorSealer(undefined);
  return processSealer;
}
