import { GatewayError } from '../errors/GatewayError.js';
import type { LimitStore } from '../store/LimitStore.js';
import { MemoryLimitStore } from '../store/MemoryLimitStore.js';
import type { Caller } from './Caller.js';
import type { RateLimitedMutation } from './MutationRateLimits.js';

/**
 * Token buckets, one per (tenant, mutation): a bucket holds up to `requests` tokens and refills
 * at `requests / perSeconds` per second, so a tenant may burst to its limit and then proceeds at
 * the sustained rate. The buckets live in the given store: this process's own by default (with
 * N replicas a tenant then gets N times the limit), Redis for every replica with `REDIS_URL`
 * (docs/security.md). A store that cannot count refuses with STORE_UNAVAILABLE: the limit fails
 * closed, before the resolver runs.
 */
export class MutationRateLimiter {
  readonly store: LimitStore;

  constructor(store: LimitStore = new MemoryLimitStore()) {
    this.store = store;
  }

  /** Takes one token for this execution of `mutation`, or throws RATE_LIMITED (STORE_UNAVAILABLE). */
  async take(caller: Caller, mutation: RateLimitedMutation): Promise<void> {
    const limit = caller.rateLimits?.[mutation];
    if (limit === undefined) return;
    const refillPerMs = limit.requests / (limit.perSeconds * 1000);
    const key = `rate:${encodeURIComponent(caller.tenantId)}:${mutation}`;
    const decision = await this.store.takeToken(key, { capacity: limit.requests, refillPerMs });
    if (decision.allowed) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new GatewayError(
      'RATE_LIMITED',
      `Too many ${mutation} calls: at most ${limit.requests} every ${limit.perSeconds} seconds. Try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  }
}
