import { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';

/**
 * What one failed logical call (its last attempt) says about the health of `service`, for its
 * circuit breaker (docs/resilience.md, "What counts"):
 * - `failure`: the service is down or too slow: a 5xx other than 501, a 408, a timeout, a
 *   refused or reset connection.
 * - `success`: the service answered (a 4xx, a 501, or a body the gateway rejects): it is up,
 *   and a client error, or one broken resource, must never open a circuit.
 * - `neutral`: says nothing about it: a 429 (the service is up and asks this project to slow
 *   down; `Retry-After` handles that, and opening would only add a second wait), a call
 *   cancelled because the GraphQL client went away, a call the gateway itself shed, an error of
 *   another service (the token endpoint during a Numbers call), or a defect that is not an
 *   `UpstreamError`.
 */
export type BreakerVerdict = 'failure' | 'success' | 'neutral';

export function breakerVerdict(error: unknown, service: UpstreamService): BreakerVerdict {
  if (!(error instanceof UpstreamError) || error.service !== service) {
    return 'neutral';
  }
  switch (error.failure) {
    case 'REJECTED':
      return 'neutral';
    case 'TIMEOUT':
      return isCancellation(error.cause) ? 'neutral' : 'failure';
    case 'UNREACHABLE':
      return 'failure';
    case 'HTTP_STATUS':
      return httpStatusVerdict(error.httpStatus ?? 0);
    case 'BAD_RESPONSE':
      return 'success';
  }
}

function httpStatusVerdict(httpStatus: number): BreakerVerdict {
  if (httpStatus === 429) {
    return 'neutral';
  }
  if (httpStatus === 408 || (httpStatus >= 500 && httpStatus !== 501)) {
    return 'failure';
  }
  return 'success';
}

/**
 * A plain abort (`controller.abort()`: the HTTP exchange with the GraphQL client closed) rather
 * than a timeout. Deadlines and undici's own timeouts abort with a `TimeoutError` or an undici
 * timeout error, and those do count against the service.
 */
function isCancellation(cause: unknown): boolean {
  return cause instanceof Error && cause.name === 'AbortError';
}
