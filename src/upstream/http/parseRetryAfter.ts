/**
 * `Retry-After` is either delta-seconds or an HTTP-date (RFC 9110 10.2.3). Returns whole
 * seconds from `now`, or undefined when the header is absent or unreadable.
 *
 * `Date.parse` alone is far too lenient for a header (it reads `-5` and `1.5` as dates in
 * 2001), so a date must start with a day name, as all three HTTP-date formats do. HTTP-dates
 * are always GMT; the asctime format does not say so, and `Date.parse` would read it as local
 * time.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^[0-9]{1,10}$/.test(trimmed)) {
    return Number(trimmed);
  }
  if (!HTTP_DATE_START.test(trimmed)) {
    return undefined;
  }
  const date = Date.parse(/\bGMT$/i.test(trimmed) ? trimmed : `${trimmed} GMT`);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850 `Sunday, 06-Nov-94 ...`, asctime `Sun Nov  6 ...`. */
const HTTP_DATE_START = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;
