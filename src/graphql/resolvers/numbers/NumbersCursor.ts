import { createHash } from 'node:crypto';
import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { CursorSealer } from '../../cursors/CursorSealer.js';

/**
 * A position in the `numbers` list: the upstream page token of a page, and how many numbers of
 * that page lie before the position. Sinch pages by opaque tokens only, so this is the smallest
 * thing that lets a client resume after any edge, with any `first`.
 */
export interface NumbersCursor {
  pageToken: string;
  offset: number;
}

const VERSION = 1;
/**
 * The largest offset into one upstream page a cursor may name. A cursor the gateway issues
 * points at most one page of `first` (≤ 100) past the numbers it listed; 1000 leaves room for a
 * client that follows edge cursors through a long last page, and keeps the upstream `pageSize`
 * the gateway asks for (offset + first) at 1100 at most.
 */
export const MAX_CURSOR_OFFSET = 1_000;

/**
 * Cursors are opaque to clients: base64url JSON, sealed with the gateway's HMAC key (a client
 * cannot forge or alter one: docs/security.md), bound to the filter they were issued for, so a
 * cursor from one filter can not silently page through another. A codec is made once per page:
 * the filter's fingerprint is hashed once, not once per edge.
 */
export interface NumbersCursorCodec {
  encode(cursor: NumbersCursor): string;
  decode(value: string): NumbersCursor;
}

export function numbersCursorCodec(filterKey: string, sealer: CursorSealer): NumbersCursorCodec {
  const fingerprint = filterFingerprint(filterKey);
  return {
    encode: (cursor) => sealer.seal(Buffer.from(JSON.stringify({ v: VERSION, t: cursor.pageToken, o: cursor.offset, f: fingerprint })).toString('base64url')),
    decode: (value) => decodeNumbersCursor(sealer.open(value), fingerprint),
  };
}

function decodeNumbersCursor(payload: string | undefined, fingerprint: string): NumbersCursor {
  let parsed: unknown;
  try {
    parsed = payload === undefined ? undefined : JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const fields = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const { v, t, o, f } = fields;
  if (v !== VERSION || typeof t !== 'string' || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > MAX_CURSOR_OFFSET) {
    throw new InvalidInputError('after', 'after is not a cursor returned by the numbers field.');
  }
  if (f !== fingerprint) {
    throw new InvalidInputError('after', 'after was issued for a different filter: pass the same filter as for the previous page.');
  }
  return { pageToken: t, offset: o };
}

function filterFingerprint(filterKey: string): string {
  return createHash('sha256').update(filterKey).digest('base64url').slice(0, 12);
}
