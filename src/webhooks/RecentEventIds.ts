import { LRUCache } from 'lru-cache';

/**
 * This process's memory of accepted callback event ids, so that a redelivery (Sinch retries,
 * and may deliver twice) is answered 200 but processed once. Each id is kept until the moment
 * its event becomes too old to be accepted anyway (`expiresAt`), and at most `capacity` ids are
 * kept: past that, the least recently seen is forgotten first, and a redelivery of a forgotten
 * id would be processed a second time (docs/webhooks.md, "Dedupe"). lru-cache does the
 * bookkeeping; `clock` is its time source, in epoch milliseconds (tests move it).
 */
export class RecentEventIds {
  readonly #ids: LRUCache<string, true>;

  constructor(capacity: number, clock: () => number = Date.now) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    // ttlResolution 0: a key past its expiry is gone at once, whatever else was looked up.
    this.#ids = new LRUCache<string, true>({ max: capacity, ttlResolution: 0, perf: { now: clock } });
  }

  get size(): number {
    return this.#ids.size;
  }

  /** Whether `key` is remembered (and not expired); marks it as recently seen. */
  has(key: string): boolean {
    return this.#ids.get(key) !== undefined;
  }

  /** Remembers `key` until `expiresAt` (epoch ms); a time in the past remembers nothing. */
  remember(key: string, expiresAt: number): void {
    const ttl = Math.ceil(expiresAt - this.#ids.perf.now());
    if (ttl <= 0) {
      this.#ids.delete(key);
      return;
    }
    this.#ids.set(key, true, { ttl });
  }
}
