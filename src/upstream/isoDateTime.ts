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
  if (typeof value !== 'string' || !isDateTimeText(value)) {
    return null;
  }
  return ZONE_SUFFIX.test(value) ? value : `${value}Z`;
}

/**
 * Whether `isoDateTime` keeps `value`. The readers run it on every timestamp of every response,
 * so it allocates nothing beyond `Date.parse` for the common zoned value: `test` instead of a
 * match array, the date's digits read by char code, the calendar checked by arithmetic.
 */
export function isDateTimeText(value: string): boolean {
  if (!DATE_TIME.test(value)) {
    return false;
  }
  // Date.parse refuses hour 25 but rolls 2024-02-30 over into March: hence the calendar check.
  const parsed = Date.parse(ZONE_SUFFIX.test(value) ? value : `${value}Z`);
  return !Number.isNaN(parsed) && isCalendarDate(digits(value, 0, 4), digits(value, 5, 2), digits(value, 8, 2));
}

/** The decimal number in `value` from `start`, `length` characters long (DATE_TIME checked they are digits). */
function digits(value: string, start: number, length: number): number {
  let number = 0;
  for (let index = start; index < start + length; index += 1) {
    number = number * 10 + value.charCodeAt(index) - 48;
  }
  return number;
}

/** Proleptic Gregorian, like Date.parse: month 1 to 12, day within its month. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
