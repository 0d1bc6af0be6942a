import type { SimulatorRequest } from '../core/SimulatorRequest.js';
import type { Parsed } from './parseSipBody.js';
import { badRequest, SIP_MESSAGES, validationFailed } from './sipTrunkingErrors.js';
import type { CallRecord } from './SipTrunkingRecords.js';

const CALL_RESULTS = ['COMPLETED', 'NO_ANSWER', 'CANCEL', 'BUSY', 'FAILED'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A date-time to the second or a prefix of one: `2021`, `2021-02`, `2021-02-01`,
 * `2021-02-01T14`, ... `2021-02-01T14:00:00Z`. No fraction of a second: Sinch documents and its
 * SDK sends whole seconds, and answers anything else "Invalid timestamp format".
 */
const PARTIAL_TIMESTAMP = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:T([0-9]{2})(?::([0-9]{2})(?::([0-9]{2}))?)?Z?)?)?)?$/;

export type CallFilter = (call: CallRecord) => boolean;

/**
 * The filters of `GET /calls` (spec `findCalls`): `from`/`to` prefix matches, `trunkId`,
 * `callResult` and `direction` (comma-separated lists), and `createTime`, which takes a partial
 * date (`createTime=2021-02` is all of February) or bounds (`createTime>=x`, `createTime<=y`,
 * which arrive as the keys `createTime>` and `createTime<`). No time filter = the last 24 hours.
 */
export function parseCallQuery(request: SimulatorRequest, now: Date): Parsed<CallFilter> {
  const query = request.query;
  const filters: CallFilter[] = [];

  const exact = query.get('createTime');
  const after = query.get('createTime>');
  const before = query.get('createTime<');
  if (exact === null && after === null && before === null) {
    filters.push((call) => Date.parse(call.createTime) >= now.getTime() - DAY_MS);
  }
  for (const [value, bound] of [[exact, 'both'], [after, 'lower'], [before, 'upper']] as const) {
    if (value === null) continue;
    const range = timeRange(value);
    if (range === undefined) return { ok: false, reply: badRequest(SIP_MESSAGES.invalidTimestamp()) };
    if (bound !== 'upper') filters.push((call) => Date.parse(call.createTime) >= range.start);
    if (bound !== 'lower') filters.push((call) => Date.parse(call.createTime) <= range.end);
  }

  for (const key of ['from', 'to'] as const) {
    const value = query.get(key);
    if (value !== null && value !== '') filters.push((call) => partyMatches(call[key], value));
  }
  const trunkId = query.get('trunkId');
  if (trunkId !== null && trunkId !== '') filters.push((call) => call.trunkId === trunkId);

  const results = listParameter(query.get('callResult'));
  const unknownResult = results?.find((result) => !CALL_RESULTS.includes(result));
  if (unknownResult !== undefined) {
    return { ok: false, reply: validationFailed([{ field: 'callResult', description: `must be one of ${CALL_RESULTS.join(', ')}` }]) };
  }
  if (results !== undefined) filters.push((call) => results.includes(call.callResult));

  const directions = listParameter(query.get('direction'));
  const unknownDirection = directions?.find((direction) => direction !== 'INBOUND' && direction !== 'OUTBOUND');
  if (unknownDirection !== undefined) return { ok: false, reply: badRequest(SIP_MESSAGES.invalidDirection(unknownDirection)) };
  if (directions !== undefined) filters.push((call) => directions.includes(call.direction));

  return { ok: true, value: (call) => filters.every((filter) => filter(call)) };
}

function listParameter(value: string | null): string[] | undefined {
  if (value === null || value.trim() === '') return undefined;
  return value.split(',').map((item) => item.trim().toUpperCase());
}

/** The instants a partial timestamp covers, in epoch milliseconds. */
export function timeRange(value: string): { start: number; end: number } | undefined {
  const match = PARTIAL_TIMESTAMP.exec(value.trim());
  if (match === null) return undefined;
  const parts = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const [year = 0, month, day, hour, minute, second] = parts;
  const start = Date.UTC(year, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  if (Number.isNaN(start)) return undefined;
  const next =
    month === undefined ? Date.UTC(year + 1, 0, 1)
    : day === undefined ? Date.UTC(year, month, 1)
    : hour === undefined ? start + DAY_MS
    : minute === undefined ? start + 3_600_000
    : second === undefined ? start + 60_000
    : start + 1000;
  return { start, end: next - 1 };
}

/** Prefix match on the digits of a party, whether written `+1201...`, `1201...` or `sip:+1201...@host`. */
function partyMatches(party: string, filter: string): boolean {
  const wanted = digitsOf(filter);
  return wanted === '' ? party.startsWith(filter) : digitsOf(party).startsWith(wanted);
}

function digitsOf(value: string): string {
  const user = value.replace(/^sips?:/i, '').split('@')[0] ?? '';
  // A `+` sent unencoded in a query string arrives as a space (the SDK does not encode values).
  return user.replace(/^[ +]/, '').replace(/[^0-9]/g, '');
}
