import { context as contextApi, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_REQUEST_RESEND_COUNT, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions';
import type { AttemptSpan, TracedAttempt, UpstreamCallTracer } from '../../upstream/http/UpstreamCallTracer.js';
import type { UpstreamError } from '../../upstream/UpstreamError.js';
import type { GatewayTracing } from './GatewayTracing.js';
import {
  ATTR_GATEWAY_ERROR_CODE,
  ATTR_GATEWAY_RETRY_DELAY_MS,
  ATTR_GATEWAY_RETRY_NEXT_ATTEMPT,
  ATTR_GATEWAY_UPSTREAM_FAILURE,
  ATTR_GATEWAY_UPSTREAM_REFUSED,
  ATTR_GATEWAY_WAIT_MS,
  ATTR_SINCH_ERROR_CODE,
  ATTR_SINCH_ERROR_STATUS,
  ATTR_SINCH_SERVICE,
  ATTR_URL_TEMPLATE,
  codeLike,
  EVENT_UPSTREAM_CREDENTIALS_WAIT,
  EVENT_UPSTREAM_QUEUED,
  EVENT_UPSTREAM_REFUSED,
  EVENT_UPSTREAM_RETRY,
  EVENT_UPSTREAM_SHARED_READ,
} from './spanAttributes.js';

/** Waits shorter than this (for a connection, for credentials) are not worth an event. */
const QUEUED_EVENT_MS = 1;

/**
 * Client spans for the upstream calls of one origin: one per attempt, named `METHOD route
 * template` (`GET /v1/projects/{projectId}/activeNumbers/{phoneNumber}`), never the path with
 * its phone numbers and ids. A retried call shows as several spans (`http.request.resend_count`
 * 1, 2, …), the failed one carrying the retry and its wait; an attempt the circuit breaker or the
 * bulkhead refused carries `gateway.upstream.refused`; a wait for a connection is an event.
 * Errors record the gateway's code and Sinch's own code and status, never a message.
 */
export function traceUpstreamCalls(tracing: GatewayTracing, origin: string): UpstreamCallTracer {
  const url = new URL(origin);
  const server: Attributes = {
    [ATTR_SERVER_ADDRESS]: url.hostname,
    [ATTR_SERVER_PORT]: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
  };
  return {
    startAttempt(attempt) {
      return new TracedUpstreamAttempt(tracing, attempt, server);
    },
    inject(headers) {
      tracing.inject(headers);
    },
    waitedForCredentials(waitedMs) {
      if (waitedMs >= QUEUED_EVENT_MS) trace.getActiveSpan()?.addEvent(EVENT_UPSTREAM_CREDENTIALS_WAIT, { [ATTR_GATEWAY_WAIT_MS]: Math.round(waitedMs) });
    },
    joinedSharedRead(service, method, route) {
      trace.getActiveSpan()?.addEvent(EVENT_UPSTREAM_SHARED_READ, { [ATTR_SINCH_SERVICE]: service, [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_TEMPLATE]: route });
    },
  };
}

class TracedUpstreamAttempt implements AttemptSpan {
  readonly #span;
  readonly #context;
  readonly #startedAt = performance.now();
  readonly #attempt: number;

  constructor(tracing: GatewayTracing, attempt: TracedAttempt, server: Attributes) {
    const attributes: Attributes = {
      ...server,
      [ATTR_HTTP_REQUEST_METHOD]: attempt.method,
      [ATTR_URL_TEMPLATE]: attempt.route,
      [ATTR_SINCH_SERVICE]: attempt.service,
    };
    if (attempt.attempt > 1) attributes[ATTR_HTTP_REQUEST_RESEND_COUNT] = attempt.attempt - 1;
    const started = tracing.start(`${attempt.method} ${attempt.route}`, { kind: SpanKind.CLIENT, attributes });
    this.#attempt = attempt.attempt;
    this.#span = started.span;
    this.#context = started.context;
  }

  run<T>(attempt: () => Promise<T>): Promise<T> {
    return contextApi.with(this.#context, attempt);
  }

  admitted(): void {
    const waitedMs = performance.now() - this.#startedAt;
    if (waitedMs >= QUEUED_EVENT_MS) this.#span.addEvent(EVENT_UPSTREAM_QUEUED, { [ATTR_GATEWAY_WAIT_MS]: Math.round(waitedMs) });
  }

  end(statusCode: number | undefined, error: UpstreamError | undefined, retryInMs: number | undefined): void {
    const span = this.#span;
    if (statusCode !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
    if (error !== undefined) {
      span.setAttributes(errorAttributes(error));
      if (error.failure === 'REJECTED') {
        span.addEvent(EVENT_UPSTREAM_REFUSED, { [ATTR_GATEWAY_UPSTREAM_REFUSED]: error.status ?? 'REFUSED' });
      }
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.code });
    }
    if (retryInMs !== undefined) {
      span.addEvent(EVENT_UPSTREAM_RETRY, { [ATTR_GATEWAY_RETRY_DELAY_MS]: Math.round(retryInMs), [ATTR_GATEWAY_RETRY_NEXT_ATTEMPT]: this.#attempt + 1 });
    }
    span.end();
  }
}

function errorAttributes(error: UpstreamError): Attributes {
  const attributes: Attributes = {
    [ATTR_ERROR_TYPE]: error.httpStatus !== undefined ? String(error.httpStatus) : error.failure,
    [ATTR_GATEWAY_ERROR_CODE]: error.code,
    [ATTR_GATEWAY_UPSTREAM_FAILURE]: error.failure,
  };
  if (error.failure === 'REJECTED' && error.status !== undefined) {
    attributes[ATTR_GATEWAY_UPSTREAM_REFUSED] = error.status;
    return attributes;
  }
  const code = codeLike(error.upstreamCode);
  const status = codeLike(error.status);
  if (code !== undefined) attributes[ATTR_SINCH_ERROR_CODE] = code;
  if (status !== undefined) attributes[ATTR_SINCH_ERROR_STATUS] = status;
  return attributes;
}
