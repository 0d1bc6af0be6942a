import type { UpstreamService } from '../UpstreamService.js';

/**
 * The state of one upstream service's circuit breaker, as readiness and metrics see it.
 * - `closed`: calls go through; their outcomes are counted over a sliding window (FailureRateBreaker).
 * - `open`: calls fail at once with `UPSTREAM_UNAVAILABLE` (status `CIRCUIT_OPEN`), no network.
 * - `half-open`: one probe call is in flight; its outcome closes or re-opens the circuit.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitStateChange {
  service: UpstreamService;
  state: CircuitState;
  previous: CircuitState;
}

export type CircuitStateListener = (change: CircuitStateChange) => void;
