import { UpstreamHttpClient } from '../../src/upstream/http/UpstreamHttpClient.js';
import type { HttpMethod, UpstreamCallEvent, UpstreamHttpClientOptions } from '../../src/upstream/http/UpstreamHttpClient.js';
import { ServiceGuard } from '../../src/upstream/resilience/ServiceGuard.js';
import type { ServiceGuardOptions } from '../../src/upstream/resilience/ServiceGuard.js';
import type { CircuitStateChange } from '../../src/upstream/resilience/CircuitState.js';
import type { UpstreamError } from '../../src/upstream/UpstreamError.js';

/**
 * Figures the suite asserts, in one place (docs/resilience.md quotes them). Loopback answers in
 * a few milliseconds; the slack absorbs a loaded CI machine and undici's coarse timers.
 */
export const FIGURES = {
  /** The jittered backoff ceiling of the first retry; the second is twice that. */
  baseDelayMs: 50,
  /** "At once": an open circuit, a full bulkhead, a Retry-After that does not fit. */
  atOnceMs: 150,
  slackMs: 1_500,
} as const;

export interface ResilientClient {
  client: UpstreamHttpClient;
  guard: ServiceGuard;
  /** Every attempt the client reported, in order. */
  events: UpstreamCallEvent[];
  /** Every circuit state change, in order. */
  changes: CircuitStateChange[];
  call(method: HttpMethod, options?: { signal?: AbortSignal }): Promise<unknown>;
}

/** The production composition (retries, breaker, bulkhead) around one origin, with test-sized numbers. */
export function resilientClient(
  origin: string,
  options: { guard?: Partial<ServiceGuardOptions>; client?: Partial<UpstreamHttpClientOptions> } = {},
): ResilientClient {
  const events: UpstreamCallEvent[] = [];
  const changes: CircuitStateChange[] = [];
  const service = options.client?.service ?? 'NUMBERS';
  const guard = new ServiceGuard({ service, windowMs: 10_000, minimumCalls: 100, failureRatio: 0.5, resetMs: 10_000, concurrency: 8, queueLimit: 16, ...options.guard });
  guard.onStateChange((change) => changes.push(change));
  const client = new UpstreamHttpClient({
    service,
    origin,
    headersTimeoutMs: 2_000,
    bodyTimeoutMs: 2_000,
    requestTimeoutMs: 10_000,
    retry: { maxRetries: 2, baseDelayMs: FIGURES.baseDelayMs },
    guard,
    onCall: (event) => events.push(event),
    ...options.client,
  });
  return {
    client,
    guard,
    events,
    changes,
    call: async (method, callOptions = {}) =>
      (
        await client.request({
          method,
          path: '/v1/projects/p/things',
          route: '/v1/projects/{projectId}/things',
          json: method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' },
          signal: callOptions.signal,
        })
      ).body,
  };
}

/** Runs `call` and returns how long it took and the UpstreamError it threw (fails if it resolved). */
export async function timedFailure(call: () => Promise<unknown>): Promise<{ error: UpstreamError; elapsedMs: number }> {
  const started = performance.now();
  try {
    await call();
  } catch (error) {
    return { error: error as UpstreamError, elapsedMs: performance.now() - started };
  }
  throw new Error('expected the call to fail');
}

/** Polls until `probe` is true (a socket closing is asynchronous), or gives up after `timeoutMs`. */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 2_000): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (await probe()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return probe();
}
