/** A trailing zone: `Z`, `+02:00` or `+0200`. */
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
 * Whether `isoDateTime` keeps `value`: `YYYY-MM-DDTHH:MM`, then optionally `:SS`, a fraction of
 * any length and a zone (`Z`, `±HH:MM`, `±HHMM`), `T` and `Z` in either case; a real calendar
 * date; hour 00-23 (or 24:00 exactly, the end of the day); minute and second 00-59; zone hours
 * 00-23. That is exactly what `Date.parse` accepts for this shape, plus the calendar check it
 * lacks (it rolls 2024-02-30 over into March); test/graphql/common/dateTimeScalar.test.ts
 * compares the two over every boundary.
 *
 * The readers run it on every timestamp of every upstream response, so it reads char codes
 * and allocates nothing: a regular expression plus `Date.parse` was 5% of the gateway's CPU on
 * a page of 100 numbers (bench/profile.md).
 */
export function isDateTimeText(value: string): boolean {
  const length = value.length;
  if (
    !areDigits(value, 0, 4) ||
    value.charCodeAt(4) !== DASH ||
    !areDigits(value, 5, 2) ||
    value.charCodeAt(7) !== DASH ||
    !areDigits(value, 8, 2) ||
    (value.charCodeAt(10) | LOWER_CASE_BIT) !== LOWER_T ||
    !areDigits(value, 11, 2) ||
    value.charCodeAt(13) !== COLON ||
    !areDigits(value, 14, 2)
  ) {
    return false;
  }
  let index = 16;
  let second = 0;
  let fractionIsZero = true;
  if (value.charCodeAt(index) === COLON) {
    if (!areDigits(value, index + 1, 2)) return false;
    second = digits(value, index + 1, 2);
    index += 3;
    if (value.charCodeAt(index) === DOT) {
      const fractionStart = ++index;
      for (let code = value.charCodeAt(index); isDigit(code); code = value.charCodeAt(++index)) {
        if (code !== ZERO) fractionIsZero = false;
      }
      if (index === fractionStart) return false;
    }
  }
  if (index < length && !isZoneAt(value, index)) {
    return false;
  }
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const endOfDay = hour === 24 && minute === 0 && second === 0 && fractionIsZero;
  return (hour < 24 || endOfDay) && minute < 60 && second < 60 && isCalendarDate(digits(value, 0, 4), digits(value, 5, 2), digits(value, 8, 2));
}

/** Whether the rest of `value`, from `index`, is exactly one zone: `Z`, `±HH:MM` or `±HHMM`. */
function isZoneAt(value: string, index: number): boolean {
  const sign = value.charCodeAt(index);
  if ((sign | LOWER_CASE_BIT) === LOWER_Z) {
    return index + 1 === value.length;
  }
  if ((sign !== PLUS && sign !== MINUS) || !areDigits(value, index + 1, 2)) {
    return false;
  }
  const minutesAt = value.charCodeAt(index + 3) === COLON ? index + 4 : index + 3;
  return areDigits(value, minutesAt, 2) && minutesAt + 2 === value.length && digits(value, index + 1, 2) < 24 && digits(value, minutesAt, 2) < 60;
}

const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const PLUS = 0x2b;
const MINUS = 0x2d;
const ZERO = 0x30;
const LOWER_T = 0x74;
const LOWER_Z = 0x7a;
/** ORed into an ASCII letter's code, makes it lower case: `T` and `t` both match. */
const LOWER_CASE_BIT = 0x20;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

/** Whether `value` has `length` decimal digits from `start` (past the end is not a digit). */
function areDigits(value: string, start: number, length: number): boolean {
  for (let index = start; index < start + length; index += 1) {
    if (!isDigit(value.charCodeAt(index))) return false;
  }
  return true;
}

/** The decimal number in `value` from `start`, `length` characters long (checked to be digits). */
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
