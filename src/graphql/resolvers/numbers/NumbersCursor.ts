import { createHash } from 'node:crypto';
import { InvalidInputError } from '../../../errors/InvalidInputError.js';

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
 * Cursors are opaque to clients: base64url JSON, bound to the filter they were issued for, so a
 * cursor from one filter can not silently page through another. A codec is made once per page:
 * the filter's fingerprint is hashed once, not once per edge.
 */
export interface NumbersCursorCodec {
  encode(cursor: NumbersCursor): string;
  decode(value: string): NumbersCursor;
}

export function numbersCursorCodec(filterKey: string): NumbersCursorCodec {
  const fingerprint = filterFingerprint(filterKey);
  return {
    encode: (cursor) => Buffer.from(JSON.stringify({ v: VERSION, t: cursor.pageToken, o: cursor.offset, f: fingerprint })).toString('base64url'),
    decode: (value) => decodeNumbersCursor(value, fingerprint),
  };
}

function decodeNumbersCursor(value: string, fingerprint: string): NumbersCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const fields = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const { v, t, o, f } = fields;
  if (v !== VERSION || typeof t !== 'string' || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > 10_000) {
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
