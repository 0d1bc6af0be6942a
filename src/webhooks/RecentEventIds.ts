/**
 * Remembers recently accepted callback event ids, so that a redelivery (Sinch retries, and
 * may deliver twice) is answered 200 but processed once. Bounded twice: by `capacity`
 * (least recently seen dropped first) and by `ttlMs`; an entry older than the replay window
 * is no longer needed, because the timestamp check refuses that event anyway.
 */
export class RecentEventIds {
  readonly #seenAt = new Map<string, number>();
  readonly #capacity: number;
  readonly #ttlMs: number;

  constructor(capacity: number, ttlMs: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.#capacity = capacity;
    this.#ttlMs = ttlMs;
  }

  get size(): number {
    return this.#seenAt.size;
  }

  /** Records `key` at `now`; true when it was already there (a duplicate). */
  checkAndRemember(key: string, now: number): boolean {
    const seenAt = this.#seenAt.get(key);
    const duplicate = seenAt !== undefined && now - seenAt <= this.#ttlMs;
    // Re-inserting moves the key to the end of the Map: insertion order is recency order.
    this.#seenAt.delete(key);
    this.#seenAt.set(key, now);
    this.#evict(now);
    return duplicate;
  }

  /** Forgets `key`, e.g. when processing it could not even be started. */
  forget(key: string): void {
    this.#seenAt.delete(key);
  }

  #evict(now: number): void {
    for (const [key, seenAt] of this.#seenAt) {
      if (this.#seenAt.size <= this.#capacity && now - seenAt <= this.#ttlMs) break;
      this.#seenAt.delete(key);
    }
  }
}
