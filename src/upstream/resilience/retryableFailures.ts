import type { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';

/**
 * Which failed attempts are worth sending again, per service: the one table of
 * docs/resilience.md ("What is retried"). It decides only whether a failure is *transient*;
 * `retryDelayFor` adds the other conditions (an idempotent request, retries left, a budget, a
 * wait that fits the deadline).
 *
 * - `statuses`: HTTP statuses that say "not now" rather than "no": the request was not
 *   processed, and the same one may succeed in a moment.
 * - `permanentCodes`: the service's own error codes that, under one of those statuses, say
 *   "no" after all. Verification's 50301 "Server configuration error; please contact support"
 *   is a 503 that no retry fixes; 42901 "Cannot initiate verification to the same number too
 *   quickly" is a 429 whose wait is far longer than a retry's.
 *
 * A refused or reset connection is transient for every service (nothing was processed, or an
 * idempotent request can safely be sent again). A timeout is not: the time budget is spent.
 * A 500 is not either: the upstream may have done the work, and Sinch documents no 500 that a
 * retry fixes (Verification's 50000 says "try again", which the client may do).
 */
export const RETRYABLE_FAILURES: Record<UpstreamService, { statuses: readonly number[]; permanentCodes: readonly string[] }> = {
  NUMBERS: { statuses: [429, 502, 503, 504], permanentCodes: [] },
  VERIFICATION: { statuses: [429, 502, 503, 504], permanentCodes: ['42901', '50301'] },
  SIP_TRUNKING: { statuses: [429, 502, 503, 504], permanentCodes: [] },
  AUTH: { statuses: [429, 502, 503, 504], permanentCodes: [] },
};

/** Whether `error`, of its own service, is a transient failure worth another attempt. */
export function isTransientFailure(error: UpstreamError): boolean {
  if (error.failure === 'UNREACHABLE') {
    return true;
  }
  if (error.failure !== 'HTTP_STATUS') {
    return false;
  }
  const entry = RETRYABLE_FAILURES[error.service];
  return entry.statuses.includes(error.httpStatus ?? 0) && !(error.upstreamCode !== undefined && entry.permanentCodes.includes(error.upstreamCode));
}
