import { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';

/**
 * What one failed call says about the health of `service`, for its circuit breaker:
 * - `failure`: the service is down or too slow: a 5xx, a timeout, a refused or reset connection.
 * - `success`: the service answered (a 4xx, or a body the gateway rejects): it is up, and a
 *   client error must never open a circuit.
 * - `neutral`: says nothing about it: a call cancelled because the GraphQL client went away, a
 *   call the gateway itself shed, an error of another service (the token endpoint during a
 *   Numbers call), or a defect that is not an `UpstreamError`.
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
      return (error.httpStatus ?? 0) >= 500 ? 'failure' : 'success';
    case 'BAD_RESPONSE':
      return 'success';
  }
}

/**
 * A plain abort (`controller.abort()`: the HTTP exchange with the GraphQL client closed) rather
 * than a timeout. Deadlines and undici's own timeouts abort with a `TimeoutError` or an undici
 * timeout error, and those do count against the service.
 */
function isCancellation(cause: unknown): boolean {
  return cause instanceof Error && cause.name === 'AbortError';
}
