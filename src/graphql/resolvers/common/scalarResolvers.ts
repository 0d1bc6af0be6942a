import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { InvalidScalarValueError } from '../../../errors/InvalidScalarValueError.js';
import { E164_PATTERN } from '../../../upstream/http/pathSegment.js';
import { isoDateTime } from '../../../upstream/isoDateTime.js';

/**
 * `PhoneNumber`: strict E.164 (ASCII digits only, so Unicode look-alike digits are refused).
 * The syntax is checked here, not the numbering plan: Sinch is the authority on which numbers
 * exist, and test ranges such as +1 202 555 01xx must stay usable.
 */
export const PhoneNumberScalar = new GraphQLScalarType({
  name: 'PhoneNumber',
  // The SDL's description (schema/common.graphql): a scalar given here replaces the SDL's, description included.
  description:
    'A phone number in strict E.164 format: a plus sign, a non-zero digit, then up to 14 more\nASCII digits (for example `+12025550134`). Anything else is rejected before any upstream call.',
  serialize: (value) => String(value),
  parseValue: (value) => parsePhoneNumber(value),
  parseLiteral: (ast) => parsePhoneNumber(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parsePhoneNumber(value: unknown): string {
  if (typeof value !== 'string' || !E164_PATTERN.test(value)) {
    throw new InvalidScalarValueError('PhoneNumber must be in E.164 format: a plus sign followed by 2 to 15 digits, such as +12025550134.');
  }
  return value;
}

/**
 * `DateTime`: RFC 3339 in UTC with milliseconds, one format for every field
 * (`2024-06-06T14:42:42.820Z`). Upstream timestamps without a zone (Verification's
 * `verificationTimestamp`, Numbers callbacks) are UTC by documentation.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'An instant in time. Answers are always RFC 3339 in UTC with milliseconds, one fixed width:\n`2024-06-06T14:42:42.820Z` (digits past the millisecond that Sinch sends are truncated; upstream\ntimestamps without a time zone are read as UTC). Arguments take any ISO 8601 date-time with a\nzone, such as `2024-06-06T14:42:42Z` or `2024-06-06T16:42:42+02:00`.',
  serialize: (value) => serializeDateTime(value),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/**
 * The published form of a timestamp: `YYYY-MM-DDTHH:MM:SS.sssZ`, whatever the upstream sent
 * (Verification's seven fractional digits, SIP's nanoseconds or its `+0000` offset, Numbers'
 * microseconds, a value without seconds or without a zone). Digits past the millisecond are
 * truncated, as `Date` does: rounding could move a time into the next second, minute or day.
 * Many client parsers (Java's `Instant` aside) refuse more than three fractional digits, and one
 * fixed width sorts as text. graphql-js refuses a null from `serialize`,
 * so an invalid value can not become null here: the upstream readers drop invalid timestamps
 * (a field then resolves to null), and one that still reaches the scalar fails its field,
 * logged as an internal error, rather than being passed on invented (`"garbageZ"`). The value
 * is not quoted: it came from an upstream body.
 */
export function serializeDateTime(value: unknown): string {
  const dateTime = isoDateTime(value);
  if (dateTime === null) {
    throw new GraphQLError('DateTime cannot represent a value that is not an ISO 8601 date-time.');
  }
  return isPublishedForm(dateTime) ? dateTime : new Date(Date.parse(dateTime)).toISOString();
}

/**
 * Whether a valid `isoDateTime` text is already `YYYY-MM-DDTHH:MM:SS.sssZ` (upper-case `T` and
 * `Z`, not 24:00): most values from a page of records are, and skip the `Date` round trip.
 */
function isPublishedForm(dateTime: string): boolean {
  return (
    dateTime.length === 24 &&
    dateTime.charCodeAt(10) === 0x54 /* T */ &&
    dateTime.charCodeAt(19) === 0x2e /* . */ &&
    dateTime.charCodeAt(23) === 0x5a /* Z */ &&
    !(dateTime.charCodeAt(11) === 0x32 && dateTime.charCodeAt(12) === 0x34) /* hour 24 */
  );
}

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(value)) {
    throw new InvalidScalarValueError('DateTime must be an ISO 8601 date-time such as 2024-06-06T14:42:42Z.');
  }
  return new Date(Date.parse(isoDateTime(value) ?? value)).toISOString();
}
