import {
  BrokenCircuitError,
  BulkheadPolicy,
  BulkheadRejectedError,
  CircuitState as PolicyState,
  IsolatedCircuitError,
  circuitBreaker,
  handleWhen,
} from 'cockatiel';
import type { CircuitBreakerPolicy } from 'cockatiel';
import { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';
import { breakerVerdict } from './breakerVerdict.js';
import type { CircuitState, CircuitStateListener } from './CircuitState.js';
import { FailureRateBreaker } from './FailureRateBreaker.js';
import { rejectedCallError } from './rejectedCallError.js';
import { RetryBudget } from './RetryBudget.js';
import { untilAborted } from './untilAborted.js';

export interface ServiceGuardOptions {
  service: UpstreamService;
  /** The sliding window over which the failure rate is measured. */
  windowMs: number;
  /** Calls the window must hold before the rate can open the circuit. */
  minimumCalls: number;
  /** The share of failed calls in the window, in (0, 1], that opens the circuit. */
  failureRatio: number;
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
 * The breaker judges logical calls: `run` wraps a call with all its retries and counts its
 * final outcome once, so a client retrying one broken resource weighs one call per request,
 * not three. The bulkhead (`attempt`) holds each attempt, since each takes a connection.
 *
 * Three adjustments to cockatiel's defaults, each for a reason:
 * - An error the service produced by answering (a 4xx) counts as a success: it proves the
 *   service is up (see `breakerVerdict`); a 429 counts as nothing.
 * - While the half-open probe is in flight, other calls are refused at once; cockatiel would
 *   make them wait for the probe, which may take as long as the timeout.
 * - A call waiting in the bulkhead queue gives up when its request's signal aborts; cockatiel
 *   only notices when a slot frees up.
 */
export class ServiceGuard {
  readonly service: UpstreamService;
  /** Retry throttling of this service: no retries while it fails nearly everything. */
  readonly retryBudget = new RetryBudget();
  private readonly breaker: CircuitBreakerPolicy;
  private readonly failureRate: FailureRateBreaker;
  private readonly bulkhead: BulkheadPolicy;
  private readonly resetMs: number;
  private readonly listeners = new Set<CircuitStateListener>();
  private current: CircuitState = 'closed';
  private openedAt = 0;

  constructor(options: ServiceGuardOptions) {
    this.service = options.service;
    this.resetMs = options.resetMs;
    this.failureRate = new FailureRateBreaker({ windowMs: options.windowMs, minimumCalls: options.minimumCalls, failureRatio: options.failureRatio });
    this.breaker = circuitBreaker(
      handleWhen((error) => error instanceof CountedFailure),
      { halfOpenAfter: options.resetMs, breaker: this.failureRate },
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

  /** Calls and failures the breaker counts in its window now (diagnostics, tests). */
  windowCounts(): { calls: number; failures: number } {
    return this.failureRate.counts();
  }

  /**
   * Whether the circuit is open now: a call in progress must not start another attempt (its
   * retry would be one more call to a service judged down).
   */
  get refusesAttempts(): boolean {
    return this.breaker.state === PolicyState.Open || this.breaker.state === PolicyState.Isolated;
  }

  /**
   * Runs one logical upstream call (every attempt of it) under the breaker, which counts its
   * final outcome once. `endpoint` names the call in a refusal. Throws what `call` threw, or an
   * `UPSTREAM_UNAVAILABLE` `UpstreamError` with status `CIRCUIT_OPEN` without calling it.
   */
  async run<T>(endpoint: string, call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (this.breaker.state === PolicyState.HalfOpen) {
      throw this.circuitOpen(endpoint);
    }
    let outcome: Outcome<T>;
    try {
      outcome = await this.breaker.execute(() => this.countOutcome(call), signal);
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

  private async countOutcome<T>(call: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      const verdict = breakerVerdict(error, this.service);
      const probing = this.current === 'half-open';
      // A probe that proves nothing must not close the circuit: only a real answer does, and a
      // 429 is one (the service is up), though it counts for nothing while the circuit is closed.
      if (verdict === 'success' || (probing && verdict === 'neutral' && this.answeredByService(error))) {
        return { ok: false, error };
      }
      if (verdict === 'failure' || (probing && verdict === 'neutral')) {
        throw new CountedFailure(error);
      }
      throw error;
    }
  }

  private answeredByService(error: unknown): boolean {
    return error instanceof UpstreamError && error.service === this.service && error.failure === 'HTTP_STATUS';
  }

  /**
   * Runs one attempt under the bulkhead. Throws what `attempt` threw, or an
   * `UPSTREAM_UNAVAILABLE` `UpstreamError` with status `BULKHEAD_FULL` without calling it.
   */
  async attempt<T>(endpoint: string, attempt: () => Promise<T>, signal: AbortSignal): Promise<T> {
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
