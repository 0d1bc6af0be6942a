import type { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';

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
  /** Time left before the call's deadline (the GraphQL request's, or the client's own). */
  remainingMs: number;
  random?: () => number;
}

/** Statuses that say "not now" rather than "no": the request was not processed. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * How long to wait before sending the call again, or undefined to give up and throw `error`.
 *
 * Only idempotent requests are retried: a POST rents a number, a PUT reports a verification
 * code, and a reset connection cannot tell whether the upstream acted on them. A 500 is not
 * retried (the upstream may have done the work), nor is a timeout (the time budget is already
 * spent waiting). A `Retry-After` is honoured exactly when the wait ends before the deadline;
 * otherwise the call fails at once and the client receives `retryAfterSeconds`, instead of the
 * gateway holding its request open for nothing. Without `Retry-After` the wait is exponential
 * with full jitter (uniform in [0, base * 2^retry)), so many gateways retrying the same outage
 * do not do it in step.
 */
export function retryDelayFor(context: RetryContext): number | undefined {
  const { error } = context;
  if (!context.idempotent || context.retriesDone >= context.maxRetries || error.service !== context.service) {
    return undefined;
  }
  const retryable = error.failure === 'UNREACHABLE' || (error.failure === 'HTTP_STATUS' && RETRYABLE_STATUSES.has(error.httpStatus ?? 0));
  if (!retryable) {
    return undefined;
  }
  const delayMs =
    error.retryAfterSeconds !== undefined
      ? error.retryAfterSeconds * 1000
      : Math.floor((context.random ?? Math.random)() * context.baseDelayMs * 2 ** context.retriesDone);
  return delayMs < context.remainingMs ? delayMs : undefined;
}
