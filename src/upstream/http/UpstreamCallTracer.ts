import type { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';

/** What a trace is told of one upstream call attempt: never its path, query, headers or body. */
export interface TracedAttempt {
  service: UpstreamService;
  method: string;
  /** The route template (`/v1/projects/{projectId}/activeNumbers/{phoneNumber}`). */
  route: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
}

/** The span of one attempt, from before the circuit breaker and bulkhead admit it until its outcome. */
export interface AttemptSpan {
  /** Runs `attempt` with this span active: what it sends carries its `traceparent`. */
  run<T>(attempt: () => Promise<T>): Promise<T>;
  /** The breaker and bulkhead let the attempt through (a wait for a connection shows here). */
  admitted(): void;
  /** Ends the span: answered (`error` undefined) or failed, with the wait before a retry when there is one. */
  end(statusCode: number | undefined, error: UpstreamError | undefined, retryInMs: number | undefined): void;
}

/**
 * The tracing hooks of `UpstreamHttpClient` (implemented in `src/observability/tracing/`, absent
 * when tracing is off): one client span per attempt, the trace context on every request sent.
 */
export interface UpstreamCallTracer {
  startAttempt(attempt: TracedAttempt): AttemptSpan;
  /** Adds `traceparent` (and `tracestate`) of the active span to the headers of a request about to be sent. */
  inject(headers: Record<string, string>): void;
  /** The attempt waited this long for its credentials (an OAuth token being fetched, maybe for another caller). */
  waitedForCredentials(waitedMs: number): void;
  /** A GET joined an identical one in flight instead of being sent (an event on the caller's span). */
  joinedSharedRead(service: UpstreamService, method: string, route: string): void;
}
