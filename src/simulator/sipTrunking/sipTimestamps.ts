import { hrtime } from 'node:process';

/**
 * The API's two timestamp precisions (REFERENCE §6.1): a create (or update) response carries
 * nanoseconds (`2024-06-06T14:42:42.820177628Z`), later reads whole seconds.
 */
export function nowWithNanoseconds(): string {
  const iso = new Date().toISOString();
  const subMillisecond = String(hrtime.bigint() % 1_000_000n).padStart(6, '0');
  return `${iso.slice(0, 23)}${subMillisecond}Z`;
}

export function toSeconds(timestamp: string | null): string | null {
  return timestamp === null ? null : `${timestamp.slice(0, 19)}Z`;
}

/** Renders a timestamp at the precision of the response it goes into. */
export type TimestampPrecision = 'nanoseconds' | 'seconds';

export function renderTimestamp(timestamp: string | null, precision: TimestampPrecision): string | null {
  return precision === 'nanoseconds' ? timestamp : toSeconds(timestamp);
}
