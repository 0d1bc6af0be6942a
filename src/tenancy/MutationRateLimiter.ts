import { GatewayError } from '../errors/GatewayError.js';
import type { Caller } from './Caller.js';
import type { RateLimitedMutation } from './MutationRateLimits.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets, one per (tenant, mutation), in this process: a bucket holds up to `requests`
 * tokens and refills at `requests / perSeconds` per second, so a tenant may burst to its limit
 * and then proceeds at the sustained rate. With N replicas a tenant gets N times the limit
 * (docs/security.md). Memory is bounded by tenants × 5 mutations: tenants come from a file.
 */
export class MutationRateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one token for this execution of `mutation`, or throws RATE_LIMITED. */
  take(caller: Caller, mutation: RateLimitedMutation): void {
    const limit = caller.rateLimits?.[mutation];
    if (limit === undefined) return;
    const now = this.now();
    const ratePerMs = limit.requests / (limit.perSeconds * 1000);
    const key = JSON.stringify([caller.tenantId, mutation]);
    const previous = this.#buckets.get(key) ?? { tokens: limit.requests, updatedAt: now };
    const tokens = Math.min(limit.requests, previous.tokens + (now - previous.updatedAt) * ratePerMs);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, updatedAt: now });
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000));
      throw new GatewayError(
        'RATE_LIMITED',
        `Too many ${mutation} calls: at most ${limit.requests} every ${limit.perSeconds} seconds. Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
    this.#buckets.set(key, { tokens: tokens - 1, updatedAt: now });
  }
}
