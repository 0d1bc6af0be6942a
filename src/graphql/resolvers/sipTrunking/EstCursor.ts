import { createHash } from 'node:crypto';
import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { CursorSealer } from '../../cursors/CursorSealer.js';

const VERSION = 1;

/**
 * A position in an EST list: how many items lie before it. EST pages by page number, so an
 * offset is all a cursor needs; it is opaque (base64url JSON, sealed with the gateway's HMAC
 * key, so a client cannot forge or alter one) and bound to the list it was issued for
 * (`trunks`, `calls` + filter), so it cannot silently page through another list.
 */
export function encodeEstCursor(offset: number, listKey: string, sealer: CursorSealer): string {
  return sealer.seal(Buffer.from(JSON.stringify({ v: VERSION, o: offset, l: fingerprint(listKey) })).toString('base64url'));
}

export function decodeEstCursor(value: string, listKey: string, sealer: CursorSealer): number {
  let parsed: unknown;
  try {
    const payload = sealer.open(value);
    parsed = payload === undefined ? undefined : JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { v, o, l } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (v !== VERSION || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > 1_000_000) {
    throw new InvalidInputError('after', 'after is not a cursor returned by this list.');
  }
  if (l !== fingerprint(listKey)) {
    throw new InvalidInputError('after', 'after was issued for a different list or filter: pass the same arguments as for the previous page.');
  }
  return o;
}

function fingerprint(listKey: string): string {
  return createHash('sha256').update(listKey).digest('base64url').slice(0, 12);
}
