/** An ISO 8601 date and time of day; seconds, fraction (Sinch sends up to nanoseconds) and zone optional. */
const DATE_TIME = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$/i;
const ZONE_SUFFIX = /(Z|[+-][0-9]{2}:?[0-9]{2})$/i;

/**
 * A timestamp as the gateway publishes it (the `DateTime` scalar), or null when the value is not
 * a real date-time: `"garbage"`, month 13, February 30. Valid text is kept as sent, nanoseconds
 * included; a timestamp without a zone is UTC by the upstreams' documentation (Verification's
 * `verificationTimestamp`, Numbers callbacks), so it gets a `Z`. Nothing is invented: appending
 * a `Z` to `"garbage"` would hand clients a DateTime that no parser accepts.
 *
 * Shared by the upstream readers, which drop an invalid timestamp, and by the scalar.
 */
export function isoDateTime(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString();
  }
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (typeof value !== 'string' || match === null) {
    return null;
  }
  const zoned = ZONE_SUFFIX.test(value) ? value : `${value}Z`;
  const valid = !Number.isNaN(Date.parse(zoned)) && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return valid ? zoned : null;
}

/** `Date.parse` rolls 2024-02-30 over into March; the calendar does not. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
