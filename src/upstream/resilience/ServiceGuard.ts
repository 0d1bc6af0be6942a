import {
  BrokenCircuitError,
  BulkheadPolicy,
  BulkheadRejectedError,
  CircuitState as PolicyState,
  ConsecutiveBreaker,
  IsolatedCircuitError,
  circuitBreaker,
  handleWhen,
} from 'cockatiel';
import type { CircuitBreakerPolicy } from 'cockatiel';
import type { UpstreamService } from '../UpstreamService.js';
import { breakerVerdict } from './breakerVerdict.js';
import type { CircuitState, CircuitStateListener } from './CircuitState.js';
import { rejectedCallError } from './rejectedCallError.js';
import { untilAborted } from './untilAborted.js';

export interface ServiceGuardOptions {
  service: UpstreamService;
  /** Consecutive outage failures (5xx, timeouts, unreachable) that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before it lets one probe through. */
  resetMs: number;
  /** Calls in flight at once: the pool's connections, so the pool never queues on its own. */
  concurrency: number;
  /** Calls allowed to wait for a slot; one more is refused at once (`BULKHEAD_FULL`). */
  queueLimit: number;
}

/** Carries an error the breaker must count, through cockatiel's error filter. */
class CountedFailure {
  constructor(readonly error: unknown) {}
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The circuit breaker and bulkhead of one upstream service (cockatiel's policies), so that a
 * failing or slow service costs its own callers only: an open circuit answers at once, and a
 * service whose calls pile up sheds them instead of holding every GraphQL request.
 *
 * Three adjustments to cockatiel's defaults, each for a reason:
 * - An error the service produced by answering (a 4xx) counts as a success: it proves the
 *   service is up, and resets the consecutive-failure count (see `breakerVerdict`).
 * - While the half-open probe is in flight, other calls are refused at once; cockatiel would
 *   make them wait for the probe, which may take as long as the timeout.
 * - A call waiting in the bulkhead queue gives up when its request's signal aborts; cockatiel
 *   only notices when a slot frees up.
 */
export class ServiceGuard {
  readonly service: UpstreamService;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly bulkhead: BulkheadPolicy;
  private readonly resetMs: number;
  private readonly listeners = new Set<CircuitStateListener>();
  private current: CircuitState = 'closed';
  private openedAt = 0;

  constructor(options: ServiceGuardOptions) {
    this.service = options.service;
    this.resetMs = options.resetMs;
    this.breaker = circuitBreaker(
      handleWhen((error) => error instanceof CountedFailure),
      { halfOpenAfter: options.resetMs, breaker: new ConsecutiveBreaker(options.failureThreshold) },
    );
    this.bulkhead = new BulkheadPolicy(options.concurrency, options.queueLimit);
    this.breaker.onBreak(() => {
      this.openedAt = Date.now();
    });
    this.breaker.onStateChange((policyState) => this.changeState(toCircuitState(policyState)));
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Listens to state changes; returns the function that stops listening. */
  onStateChange(listener: CircuitStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs one attempt of an upstream call under the breaker and the bulkhead. `endpoint` names
   * the call in a refusal. Throws what `attempt` threw, or an `UPSTREAM_UNAVAILABLE`
   * `UpstreamError` with status `CIRCUIT_OPEN` or `BULKHEAD_FULL` without calling it.
   */
  async run<T>(endpoint: string, attempt: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (this.breaker.state === PolicyState.HalfOpen) {
      throw this.circuitOpen(endpoint);
    }
    let outcome: Outcome<T>;
    try {
      outcome = await this.breaker.execute(() => this.countOutcome(endpoint, attempt, signal), signal);
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
        throw this.circuitOpen(endpoint);
      }
      throw error instanceof CountedFailure ? error.error : error;
    }
    if (outcome.ok) {
      return outcome.value;
    }
    throw outcome.error;
  }

  private async countOutcome<T>(endpoint: string, attempt: () => Promise<T>, signal: AbortSignal): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await this.inBulkhead(endpoint, attempt, signal) };
    } catch (error) {
      const verdict = breakerVerdict(error, this.service);
      // A probe that proves nothing must not close the circuit: only a real answer does.
      if (verdict === 'failure' || (verdict === 'neutral' && this.current === 'half-open')) {
        throw new CountedFailure(error);
      }
      if (verdict === 'success') {
        return { ok: false, error };
      }
      throw error;
    }
  }

  private async inBulkhead<T>(endpoint: string, attempt: () => Promise<T>, signal: AbortSignal): Promise<T> {
    try {
      return await untilAborted(
        this.bulkhead.execute(() => attempt(), signal),
        signal,
      );
    } catch (error) {
      if (error instanceof BulkheadRejectedError) {
        throw rejectedCallError(this.service, endpoint, 'BULKHEAD_FULL');
      }
      throw error;
    }
  }

  private circuitOpen(endpoint: string) {
    const remainingMs = Math.max(0, this.openedAt + this.resetMs - Date.now());
    return rejectedCallError(this.service, endpoint, 'CIRCUIT_OPEN', Math.max(1, Math.ceil(remainingMs / 1000)));
  }

  private changeState(state: CircuitState): void {
    const previous = this.current;
    if (state === previous) {
      return;
    }
    this.current = state;
    for (const listener of this.listeners) {
      listener({ service: this.service, state, previous });
    }
  }
}

function toCircuitState(state: PolicyState): CircuitState {
  switch (state) {
    case PolicyState.Closed:
      return 'closed';
    case PolicyState.HalfOpen:
      return 'half-open';
    case PolicyState.Open:
    case PolicyState.Isolated:
      return 'open';
  }
}
