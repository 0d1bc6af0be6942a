import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { Logger } from 'pino';
import { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';
import { abortsByDeadline, deadlineOf, inheritDeadline } from '../resilience/requestDeadline.js';
import { retryDelayFor } from '../resilience/retryDelayFor.js';
import { isTransientFailure } from '../resilience/retryableFailures.js';
import type { ServiceGuard } from '../resilience/ServiceGuard.js';
import { untilAborted } from '../resilience/untilAborted.js';
import { parseErrorBody } from './parseErrorBody.js';
import { parseRetryAfter } from './parseRetryAfter.js';
import { queryString } from './queryString.js';
import type { RequestAuthenticator } from './RequestAuthenticator.js';
import { failureOf, safeCause } from './transportFailure.js';
import { InFlightReads } from './InFlightReads.js';
import type { AttemptSpan, UpstreamCallTracer } from './UpstreamCallTracer.js';
import { UpstreamTextScrubber } from './UpstreamTextScrubber.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | null | readonly string[];

export interface UpstreamRequest {
  method: HttpMethod;
  /** Built with `pathOf` from validated segments. */
  path: string;
  /** The route template, for errors, logs and metrics (`/v1/projects/{projectId}/activeNumbers`). */
  route: string;
  /** Arrays become repeated keys (`types=MOBILE&types=LOCAL`); join them first where the API wants commas. */
  query?: Record<string, QueryValue>;
  /** Serialised as JSON. */
  json?: unknown;
  /** A body that is not JSON (the OAuth2 token request is a form). */
  form?: URLSearchParams;
  headers?: Record<string, string>;
  /**
   * Values this call sends that the upstream must never be able to hand back to a client or a
   * log (a one-time code in a verification report): removed from its error text like the
   * gateway's own secrets.
   */
  secrets?: readonly string[];
  signal?: AbortSignal;
  /**
   * How a success body is read: `json` (the default) parses it and refuses any other content
   * type; `binary` returns the bytes as a Buffer (a download such as a pcap) and refuses a JSON
   * or text body. Either way the body is bounded by `maxResponseBytes`, and an error status is
   * read as the JSON error envelope.
   */
  responseType?: 'json' | 'binary';
}

export interface UpstreamResponse<T> {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON; `undefined` for an empty body (204, or a 200 with nothing); a Buffer for `responseType: 'binary'`. */
  body: T;
}

/** One attempt of an upstream call: a retried call reports each attempt. */
export interface UpstreamCallEvent {
  service: UpstreamService;
  method: HttpMethod;
  route: string;
  statusCode: number | undefined;
  durationMs: number;
  error: UpstreamError | undefined;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  /** When this attempt failed and will be retried: the wait before the next one. */
  retryInMs: number | undefined;
}

export interface UpstreamRetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. */
  maxRetries: number;
  /** The ceiling of the first jittered backoff; doubled for each further retry. */
  baseDelayMs?: number;
  /** Methods safe to send twice on this origin. Default GET only. */
  methods?: readonly HttpMethod[];
  /** The longest `Retry-After` waited out before another attempt; a longer one fails at once (default 1000). */
  retryAfterMaxMs?: number;
}

export interface UpstreamHttpClientOptions {
  service: UpstreamService;
  origin: string;
  authenticator?: RequestAuthenticator;
  connections?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /**
   * A deadline for the whole call (headers and the complete body, a replay included). The
   * headers and body timeouts only bound the gaps between bytes, so without it an upstream that
   * trickles a byte just inside `bodyTimeoutMs` could hold a request open forever.
   */
  requestTimeoutMs?: number;
  maxResponseBytes?: number;
  keepAliveTimeoutMs?: number;
  userAgent?: string;
  logger?: Logger;
  /** Called after every attempt of an upstream call, successful or not (metrics, tests). */
  onCall?: (event: UpstreamCallEvent) => void;
  /** Retries of idempotent calls (see `retryDelayFor`); none when absent. */
  retry?: UpstreamRetryOptions;
  /** The service's circuit breaker and bulkhead, applied to every attempt; none when absent. */
  guard?: ServiceGuard;
  /** Identical GETs in flight at the same time share one call (InFlightReads.ts). */
  shareReads?: boolean;
  /** A GET that joined an identical one in flight instead of being sent. */
  onSharedRead?: () => void;
  /** Client spans and trace-context propagation (src/observability/tracing); none when tracing is off. */
  tracer?: UpstreamCallTracer;
  /**
   * Removes the gateway's secrets and internal addresses from every string of an error body
   * before it is kept (docs/security.md). Without one, a scrubber that knows only the
   * credentials of each request (and the shapes of credentials and addresses) is used.
   */
  scrubber?: UpstreamTextScrubber;
}

const JSON_CONTENT_TYPE = 'application/json';
const NEVER_ABORTED = new AbortController().signal;

/**
 * One keep-alive undici pool for one upstream origin. It validates nothing about paths (the
 * clients do, with `pathOf`), follows no redirects, caps response sizes, applies connect,
 * headers and body timeouts, and turns every failure into an `UpstreamError`. With `retry` and
 * `guard` it also retries idempotent calls and runs each attempt under the service's circuit
 * breaker and bulkhead (docs/resilience.md).
 */
export class UpstreamHttpClient {
  readonly service: UpstreamService;
  private readonly pool: Pool;
  private readonly options: UpstreamHttpClientOptions;
  private readonly reads: InFlightReads | undefined;
  private readonly scrubber: UpstreamTextScrubber;

  constructor(options: UpstreamHttpClientOptions) {
    this.options = options;
    this.scrubber = options.scrubber ?? new UpstreamTextScrubber({ sinchOrigins: [options.origin] });
    this.reads = options.shareReads === true ? new InFlightReads() : undefined;
    this.service = options.service;
    this.pool = new Pool(options.origin, {
      connections: options.connections ?? 32,
      connectTimeout: options.connectTimeoutMs ?? 5_000,
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      bodyTimeout: options.bodyTimeoutMs ?? 10_000,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
      maxResponseSize: options.maxResponseBytes ?? 5 * 1024 * 1024,
    });
  }

  /**
   * Sends the request, retrying it where that is safe, until it succeeds, fails for good, or
   * its deadline passes: the earlier of `requestTimeoutMs` and the GraphQL request's deadline.
   * With `shareReads`, a GET identical to one in flight waits for that one's answer
   * (InFlightReads.ts).
   */
  async request<T>(request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const reads = this.reads;
    if (reads === undefined) {
      return this.send<T>(request);
    }
    if (request.method !== 'GET') {
      return reads.write(() => this.send<T>(request));
    }
    const key = request.path + queryString(request.query) + (request.headers === undefined ? '' : `\n${JSON.stringify(request.headers)}`);
    const share = (signal: AbortSignal) => this.send<unknown>({ ...request, signal: inheritDeadline(signal, request.signal) });
    const tracer = this.options.tracer;
    const onJoin = tracer === undefined ? this.options.onSharedRead : () => {
      this.options.onSharedRead?.();
      tracer.joinedSharedRead(this.service, request.method, request.route);
    };
    try {
      return (await reads.read(key, request.signal, share, onJoin)) as UpstreamResponse<T>;
    } catch (error) {
      // This caller's request ended while the shared call went on for the others.
      throw error instanceof UpstreamError ? error : this.transportError(request, error);
    }
  }

  /** The logical call, every attempt of it, under the service's circuit breaker when there is one. */
  private send<T>(request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const guard = this.options.guard;
    if (guard === undefined) {
      return this.sendAttempts<T>(request);
    }
    const signal = request.signal ?? NEVER_ABORTED;
    if (signal.aborted) {
      // Over before it began: not sent, and not shown to the breaker.
      return Promise.reject(this.transportError(request, signal.reason));
    }
    const started = performance.now();
    return guard.run(`${request.method} ${request.route}`, () => this.sendAttempts<T>(request), signal).catch((error: unknown) => {
      // Refused by this service's open circuit before any attempt: reported as the call's only
      // attempt. (Another service's refusal, the token endpoint's, was reported as an attempt.)
      if (error instanceof UpstreamError && error.service === this.service && error.status === 'CIRCUIT_OPEN') {
        const span = this.options.tracer?.startAttempt({ service: this.service, method: request.method, route: request.route, attempt: 1 });
        this.report(request, 1, started, undefined, error, undefined, span);
      }
      throw error;
    });
  }

  private async sendAttempts<T>(request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const timeoutMs = this.options.requestTimeoutMs ?? 30_000;
    const now = performance.now();
    const requestDeadline = deadlineOf(request.signal);
    const endsAt = Math.min(now + timeoutMs, requestDeadline ?? Infinity);
    const outer = request.signal;
    let signal: AbortSignal;
    let release: (() => void) | undefined;
    if (outer !== undefined && requestDeadline !== undefined && requestDeadline <= now + timeoutMs && abortsByDeadline(outer)) {
      // The GraphQL request's deadline comes first (the usual case: 15 s against 30 s) and its
      // signal aborts by itself then: it is this call's, with no controller, timer or listener
      // of the call's own (bench/profile.md, third round). A shared read's signal only inherits
      // a deadline (it aborts when its last caller leaves), so it keeps the call's own timer.
      signal = outer;
    } else {
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(new DOMException('the upstream call exceeded its deadline', 'TimeoutError')), timeoutMs);
      // The request's signal aborts this call's too. A listener rather than AbortSignal.any: on
      // Node 20 that builds a composite signal (weak references, a registry entry) per call, about
      // 3% of the gateway's CPU on a page of numbers (bench/profile.md).
      const relay = () => deadline.abort(outer?.reason);
      if (outer?.aborted === true) {
        relay();
      } else {
        outer?.addEventListener('abort', relay, { once: true });
      }
      signal = deadline.signal;
      release = () => {
        clearTimeout(timer);
        outer?.removeEventListener('abort', relay);
      };
    }
    try {
      for (let attempt = 1; ; attempt++) {
        const started = performance.now();
        const span = this.options.tracer?.startAttempt({ service: this.service, method: request.method, route: request.route, attempt });
        try {
          const response = await (span === undefined ? this.attempt<T>(request, signal) : span.run(() => this.attempt<T>(request, signal, span)));
          this.options.guard?.retryBudget.recordSuccess();
          this.report(request, attempt, started, response.statusCode, undefined, undefined, span);
          return response;
        } catch (error) {
          const upstreamError = error instanceof UpstreamError ? error : this.transportError(request, error);
          this.spendRetryBudget(upstreamError);
          const retryInMs = this.retryDelay(request, upstreamError, attempt, endsAt);
          this.report(request, attempt, started, upstreamError.httpStatus, upstreamError, retryInMs, span);
          if (retryInMs === undefined) {
            throw upstreamError;
          }
          // Aborted while waiting (the client left, or the deadline came early): the last error stands.
          await sleep(retryInMs, undefined, { signal }).catch(() => {
            throw upstreamError;
          });
          // The circuit opened meanwhile (other calls found the service down): no more attempts.
          if (this.options.guard?.refusesAttempts === true) {
            throw upstreamError;
          }
        }
      }
    } finally {
      release?.();
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /**
   * One attempt, under the bulkhead when there is one. A call whose request is already over is
   * not sent, and not shown to the breaker: the service did nothing wrong.
   */
  private async attempt<T>(request: UpstreamRequest, signal: AbortSignal, span?: AttemptSpan): Promise<UpstreamResponse<T>> {
    if (signal.aborted) {
      throw this.transportError(request, signal.reason);
    }
    const send = () => {
      span?.admitted();
      return this.sendWithin<T>(request, signal).catch((error: unknown) => {
        throw error instanceof UpstreamError ? error : this.transportError(request, error);
      });
    };
    const guard = this.options.guard;
    return guard ? guard.attempt(`${request.method} ${request.route}`, send, signal) : send();
  }

  /** A transient failure of this service takes from its retry budget; any other answer gives back. */
  private spendRetryBudget(error: UpstreamError): void {
    const budget = this.options.guard?.retryBudget;
    if (budget === undefined || error.service !== this.service) {
      return;
    }
    if (isTransientFailure(error)) {
      budget.recordFailure();
    } else if (error.failure === 'HTTP_STATUS') {
      budget.recordSuccess();
    }
  }

  private retryDelay(request: UpstreamRequest, error: UpstreamError, attempt: number, endsAt: number): number | undefined {
    const retry = this.options.retry;
    if (retry === undefined) {
      return undefined;
    }
    return retryDelayFor({
      service: this.service,
      idempotent: (retry.methods ?? ['GET']).includes(request.method),
      error,
      retriesDone: attempt - 1,
      maxRetries: retry.maxRetries,
      baseDelayMs: retry.baseDelayMs ?? 100,
      retryAfterMaxMs: retry.retryAfterMaxMs ?? 1_000,
      budgetAllows: this.options.guard?.retryBudget.allowsRetry,
      remainingMs: endsAt - performance.now(),
    });
  }

  private async sendWithin<T>(request: UpstreamRequest, signal: AbortSignal): Promise<UpstreamResponse<T>> {
    const body = request.json !== undefined ? JSON.stringify(request.json) : request.form?.toString();
    const contentType =
      request.json !== undefined ? JSON_CONTENT_TYPE : request.form ? 'application/x-www-form-urlencoded' : undefined;
    const pathWithQuery = request.path + queryString(request.query);

    for (let attempt = 0; ; attempt++) {
      // The token may come from a request shared with other callers: stop waiting for it when
      // this call's deadline passes, without cancelling it for them.
      const tracer = this.options.tracer;
      const authStarted = tracer === undefined ? 0 : performance.now();
      const authHeaders = this.options.authenticator
        ? await untilAborted(this.options.authenticator.headersFor({ method: request.method, path: request.path, contentType, body }), signal)
        : {};
      tracer?.waitedForCredentials(performance.now() - authStarted);
      const headers: Record<string, string> = {
        // A download still gets its errors in the JSON envelope.
        accept: request.responseType === 'binary' ? `application/octet-stream, ${JSON_CONTENT_TYPE}` : JSON_CONTENT_TYPE,
        'user-agent': this.options.userAgent ?? 'sinch-graphql-gateway',
        ...request.headers,
        ...authHeaders,
      };
      if (contentType) {
        headers['content-type'] = contentType;
      }
      this.options.tracer?.inject(headers);
      const response = await this.pool.request({
        method: request.method,
        path: pathWithQuery,
        headers,
        body,
        signal,
      });
      if (
        response.statusCode === 401 &&
        attempt === 0 &&
        this.options.authenticator?.shouldReplay?.(response.headers, authHeaders) === true
      ) {
        await response.body.dump();
        continue;
      }
      return this.readResponse<T>(request, response, headers);
    }
  }

  private async readResponse<T>(request: UpstreamRequest, response: Dispatcher.ResponseData, sentHeaders: Record<string, string>): Promise<UpstreamResponse<T>> {
    const { statusCode, headers } = response;
    // The status line arrived: a body over the size cap, cut off or stalled, still keeps it.
    const bodyFailure = (error: unknown) => {
      throw new UpstreamError({ ...this.transportFacts(request, error), httpStatus: statusCode });
    };
    if (request.responseType === 'binary' && statusCode >= 200 && statusCode < 300) {
      await this.refuseNonBinary(request, response);
      return { statusCode, headers, body: Buffer.from(await response.body.arrayBuffer().catch(bodyFailure)) as T };
    }
    const text = await response.body.text().catch(bodyFailure);
    if (statusCode >= 200 && statusCode < 300) {
      return { statusCode, headers, body: this.parseSuccessBody<T>(request, statusCode, headers, text) };
    }
    // Nothing the upstream wrote is kept before the gateway's secrets and addresses are out of it.
    const credentials = UpstreamTextScrubber.requestCredentials(sentHeaders);
    for (const secret of request.secrets ?? []) credentials.add(secret);
    const parsed = this.scrubber.scrubBody(parseErrorBody(text), credentials);
    throw new UpstreamError({
      service: this.service,
      failure: 'HTTP_STATUS',
      endpoint: `${request.method} ${request.route}`,
      httpStatus: statusCode,
      status: parsed.status,
      upstreamCode: parsed.code,
      upstreamMessage: parsed.message,
      reference: parsed.reference,
      details: parsed.details,
      retryAfterSeconds: parseRetryAfter(headerValue(headers['retry-after'])),
      projectId: projectOf(request.path),
    });
  }

  private parseSuccessBody<T>(
    request: UpstreamRequest,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    text: string,
  ): T {
    if (text.trim() === '') {
      return undefined as T;
    }
    const contentType = headerValue(headers['content-type']) ?? '';
    try {
      if (contentType !== '' && !/\bjson\b/i.test(contentType)) {
        throw new Error(`content type ${contentType} is not JSON`);
      }
      return JSON.parse(text) as T;
    } catch (error) {
      // The SyntaxError of JSON.parse quotes the start of the body: it must not become the cause.
      const reason = error instanceof SyntaxError ? 'the body is not valid JSON' : (error as Error).message;
      throw new UpstreamError({
        service: this.service,
        failure: 'BAD_RESPONSE',
        endpoint: `${request.method} ${request.route}`,
        httpStatus: statusCode,
        cause: new Error(`${statusCode} response rejected: ${reason}`),
      });
    }
  }

  /** Throws when a binary download came back as JSON or text (an error page with a 200, say). */
  private async refuseNonBinary(request: UpstreamRequest, response: Dispatcher.ResponseData): Promise<void> {
    const { statusCode } = response;
    const contentType = headerValue(response.headers['content-type']) ?? '';
    if (/\bjson\b|^text\//i.test(contentType)) {
      await response.body.dump();
      throw new UpstreamError({
        service: this.service,
        failure: 'BAD_RESPONSE',
        endpoint: `${request.method} ${request.route}`,
        httpStatus: statusCode,
        cause: new Error(`${statusCode} response rejected: content type ${contentType} is not a binary download`),
      });
    }
  }

  private transportError(request: UpstreamRequest, error: unknown): UpstreamError {
    return new UpstreamError(this.transportFacts(request, error));
  }

  private transportFacts(request: UpstreamRequest, error: unknown) {
    return { service: this.service, failure: failureOf(error), endpoint: `${request.method} ${request.route}`, cause: safeCause(error) };
  }

  private report(
    request: UpstreamRequest,
    attempt: number,
    started: number,
    statusCode: number | undefined,
    error: UpstreamError | undefined,
    retryInMs: number | undefined,
    span: AttemptSpan | undefined,
  ): void {
    span?.end(statusCode, error, retryInMs);
    const durationMs = performance.now() - started;
    const event: UpstreamCallEvent = { service: this.service, method: request.method, route: request.route, statusCode, durationMs, error, attempt, retryInMs };
    const logger = this.options.logger;
    // The log line's fields are built only when it is written: at the default level a call's
    // line is not (bench/profile.md, third round).
    if (logger !== undefined && (retryInMs !== undefined || logger.isLevelEnabled('debug'))) {
      const { error: _error, ...fields } = event;
      const line = { ...fields, errorCode: error?.code, upstreamStatus: error?.status };
      if (retryInMs !== undefined) {
        logger.info(line, 'upstream call failed; retrying');
      } else {
        logger.debug(line, 'upstream call');
      }
    }
    this.options.onCall?.(event);
  }
}

/** The `{projectId}` of a `/v1/projects/{projectId}/...` path (Numbers, SIP Trunking), decoded. */
function projectOf(path: string): string | undefined {
  const match = /^\/v1\/projects\/([^/]+)/.exec(path);
  if (match?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
