import { GatewayError } from '../errors/GatewayError.js';

/** A fixed window: at most `maxAttempts` takes per key, counted from the key's first take. */
export interface AttemptWindow {
  maxAttempts: number;
  windowMs: number;
}

/** A token bucket: holds up to `capacity` tokens, refilled at `refillPerMs` tokens per millisecond. */
export interface TokenBucket {
  capacity: number;
  refillPerMs: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Where the gateway's limits live: the OTP report budgets (`ReportAttemptBudget`) and the tenant
 * mutation rate limits (`MutationRateLimiter`). The rules decide the keys and the figures; a
 * store only counts, atomically. Two implementations: `MemoryLimitStore` (this process, the
 * default) and `RedisLimitStore` (every replica, `REDIS_URL`).
 *
 * A store that cannot answer throws `STORE_UNAVAILABLE` (never "allowed"): a limit that cannot
 * be checked fails closed, before anything is sent to Sinch.
 */
export interface LimitStore {
  readonly kind: 'memory' | 'redis';
  /** One more attempt on every key, or none: refused when any key's window is spent. */
  takeAttempts(keys: readonly string[], window: AttemptWindow): Promise<LimitDecision>;
  /** One token from the bucket, or a refusal saying when the next token arrives. */
  takeToken(key: string, bucket: TokenBucket): Promise<LimitDecision>;
  /** Keeps `value` under `key` for `ttlMs`. */
  remember(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value kept under `key`, or undefined once expired or never kept. */
  recall(key: string): Promise<string | undefined>;
  /**
   * A keyed digest (HMAC-SHA-256) of a value that must not appear in a key in clear: a phone
   * number, a verification id. A plain hash would not do for phone numbers: there are few
   * enough of them that anyone who reads the keys could hash them all and read every number back.
   */
  digest(value: string): string;
}

/** What a store throws when it cannot count: the operation is refused, nothing is sent upstream. */
export function storeUnavailable(): GatewayError {
  return new GatewayError(
    'STORE_UNAVAILABLE',
    'The shared limit store is unreachable, so this operation cannot be checked against its limits and was not sent. Try again in a few seconds.',
    { retryAfterSeconds: 1 },
  );
}
