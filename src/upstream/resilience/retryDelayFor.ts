import type { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';
import { isTransientFailure } from './retryableFailures.js';

export interface RetryContext {
  /** The service of the client deciding; an error of another service (the token endpoint) was that client's to retry. */
  service: UpstreamService;
  /** Whether sending this request twice is harmless (GET; the token request). */
  idempotent: boolean;
  error: UpstreamError;
  /** Retries already made for this call (0 after the first attempt). */
  retriesDone: number;
  maxRetries: number;
  baseDelayMs: number;
  /** The longest `Retry-After` waited out; a longer one fails the call at once with it. */
  retryAfterMaxMs: number;
  /** False when the service's retry budget is spent (`RetryBudget`): it fails everything. */
  budgetAllows?: boolean;
  /** Time left before the call's deadline (the GraphQL request's, or the client's own). */
  remainingMs: number;
  random?: () => number;
}

/**
 * How long to wait before sending the call again, or undefined to give up and throw `error`.
 *
 * Only idempotent requests are retried: a POST rents a number, a PUT reports a verification
 * code, and a reset connection cannot tell whether the upstream acted on them. Which failures
 * are transient is the table of `retryableFailures.ts`. A `Retry-After` is waited out only
 * when it is short (at most `retryAfterMaxMs`) and ends before the deadline; otherwise the call
 * fails at once and the client receives `retryAfterSeconds` and decides, instead of the gateway
 * holding an interactive request open for seconds. Without `Retry-After` the wait is exponential
 * with full jitter (uniform in [0, base * 2^retry)), so many gateways retrying the same outage
 * do not do it in step.
 */
export function retryDelayFor(context: RetryContext): number | undefined {
  const { error } = context;
  if (!context.idempotent || context.retriesDone >= context.maxRetries || error.service !== context.service) {
    return undefined;
  }
  if (!isTransientFailure(error) || context.budgetAllows === false) {
    return undefined;
  }
  if (error.retryAfterSeconds !== undefined) {
    const waitMs = error.retryAfterSeconds * 1000;
    return waitMs <= context.retryAfterMaxMs && waitMs < context.remainingMs ? waitMs : undefined;
  }
  const delayMs = Math.floor((context.random ?? Math.random)() * context.baseDelayMs * 2 ** context.retriesDone);
  return delayMs < context.remainingMs ? delayMs : undefined;
}
