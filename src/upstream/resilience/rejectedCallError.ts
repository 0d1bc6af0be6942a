import { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';

export type RejectionReason = 'CIRCUIT_OPEN' | 'BULKHEAD_FULL';

/**
 * The error of a call the gateway refused to send: `UPSTREAM_UNAVAILABLE`, retryable, with
 * `extensions.upstream.status` saying why and no `httpStatus` (nothing was sent). For an open
 * circuit, `retryAfterSeconds` is when the next probe call will be let through.
 */
export function rejectedCallError(service: UpstreamService, endpoint: string, reason: RejectionReason, retryAfterSeconds?: number): UpstreamError {
  return new UpstreamError({ service, failure: 'REJECTED', endpoint, status: reason, retryAfterSeconds });
}
