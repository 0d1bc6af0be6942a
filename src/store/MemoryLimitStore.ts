import { createHmac, randomBytes } from 'node:crypto';
import type { AttemptWindow, LimitDecision, LimitStore, TokenBucket } from './LimitStore.js';

export interface MemoryLimitStoreOptions {
  /** How many keys of each kind are kept at most; expired ones go first, then the least recently used. Default 10 000. */
  maxTracked?: number;
  now?: () => number;
}

interface Window {
  attempts: number;
  endsAt: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

interface Kept {
  value: string;
  endsAt: number;
}

const ALLOWED: LimitDecision = { allowed: true };

/**
 * The limits of one process: what every replica keeps to itself without `REDIS_URL`.
 *
 * Memory is bounded: each kind of entry lives in a Map in least-recently-used order (re-inserted
 * on every use), at most `maxTracked` entries. When full, expired entries are dropped first;
 * only then the least recently used one, which under a flood of fresh keys is the oldest honest
 * entry, so the bound trades a little protection for a process that cannot be exhausted.
 */
export class MemoryLimitStore implements LimitStore {
  readonly kind = 'memory';
  readonly maxTracked: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();
  readonly #buckets = new Map<string, Bucket>();
  readonly #kept = new Map<string, Kept>();
  /** Digests never leave the process, so a secret of its own is enough. */
  readonly #digestKey = randomBytes(32);

  constructor(options: MemoryLimitStoreOptions = {}) {
    this.maxTracked = options.maxTracked ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  async takeAttempts(keys: readonly string[], window: AttemptWindow): Promise<LimitDecision> {
    const now = this.#now();
    const windows = keys.map((key) => {
      const current = this.#windows.get(key);
      return { key, window: current !== undefined && current.endsAt > now ? current : { attempts: 0, endsAt: now + window.windowMs } };
    });
    const spent = windows.find((entry) => entry.window.attempts >= window.maxAttempts);
    if (spent !== undefined) return { allowed: false, retryAfterMs: spent.window.endsAt - now };
    for (const entry of windows) {
      entry.window.attempts += 1;
      touch(this.#windows, entry.key, entry.window);
    }
    this.#evict(this.#windows, now);
    return ALLOWED;
  }

  async takeToken(key: string, bucket: TokenBucket): Promise<LimitDecision> {
    const now = this.#now();
    const previous = this.#buckets.get(key) ?? { tokens: bucket.capacity, updatedAt: now };
    const tokens = Math.min(bucket.capacity, previous.tokens + (now - previous.updatedAt) * bucket.refillPerMs);
    if (tokens < 1) {
      touch(this.#buckets, key, { tokens, updatedAt: now });
      return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / bucket.refillPerMs) };
    }
    touch(this.#buckets, key, { tokens: tokens - 1, updatedAt: now });
    // A full bucket is the same as none: the entry may go once it would have refilled.
    this.#evictBuckets(bucket);
    return ALLOWED;
  }

  async remember(key: string, value: string, ttlMs: number): Promise<void> {
    const now = this.#now();
    touch(this.#kept, key, { value, endsAt: now + ttlMs });
    this.#evict(this.#kept, now);
  }

  async recall(key: string): Promise<string | undefined> {
    const kept = this.#kept.get(key);
    return kept !== undefined && kept.endsAt > this.#now() ? kept.value : undefined;
  }

  digest(value: string): string {
    return createHmac('sha256', this.#digestKey).update(value).digest('base64url').slice(0, 22);
  }

  /** How many entries are kept now, of every kind (tests). */
  get size(): number {
    return this.#windows.size + this.#buckets.size + this.#kept.size;
  }

  #evict(entries: Map<string, { endsAt: number }>, now: number): void {
    if (entries.size <= this.maxTracked) return;
    for (const [key, entry] of entries) {
      if (entry.endsAt <= now) entries.delete(key);
    }
    for (const key of entries.keys()) {
      if (entries.size <= this.maxTracked) break;
      entries.delete(key);
    }
  }

  #evictBuckets(bucket: TokenBucket): void {
    if (this.#buckets.size <= this.maxTracked) return;
    const now = this.#now();
    const refillMs = bucket.capacity / bucket.refillPerMs;
    for (const [key, entry] of this.#buckets) {
      if (now - entry.updatedAt >= refillMs) this.#buckets.delete(key);
    }
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= this.maxTracked) break;
      this.#buckets.delete(key);
    }
  }
}

function touch<T>(entries: Map<string, T>, key: string, value: T): void {
  entries.delete(key);
  entries.set(key, value);
}
