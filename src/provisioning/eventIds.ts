import { randomFillSync } from 'node:crypto';
import { ulid } from 'ulid';

const pool = new Uint8Array(256);
let next = pool.length;

/**
 * ulid's random part from a pooled buffer of the process's CSPRNG. ulid's own default makes a
 * one-byte `getRandomValues` call, and a buffer, for each of the 16 random characters: about 5%
 * of the CPU of a resubmission, which publishes an event (bench/profile.md, third round). The
 * distribution is ulid's own (a byte / 256, scaled to 32 characters); event ids are published
 * to subscribers and are no secret.
 */
function pooledRandom(): number {
  if (next >= pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return (pool[next++] ?? 0) / 256;
}

/** A new lowercase ULID: time-ordered to the millisecond, 80 random bits. */
export function newUlid(): string {
  return ulid(undefined, pooledRandom).toLowerCase();
}
