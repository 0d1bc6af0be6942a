import { Pool, errors as undiciErrors } from 'undici';
import type { Dispatcher } from 'undici';
import type { Logger } from 'pino';
import { UpstreamError } from '../UpstreamError.js';
import type { UpstreamService } from '../UpstreamService.js';
import { parseErrorBody } from './parseErrorBody.js';
import { parseRetryAfter } from './parseRetryAfter.js';
import type { RequestAuthenticator } from './RequestAuthenticator.js';

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
  signal?: AbortSignal;
}

export interface UpstreamResponse<T> {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON; `undefined` for an empty body (204, or a 200 with nothing). */
  body: T;
}

export interface UpstreamCallEvent {
  service: UpstreamService;
  method: HttpMethod;
  route: string;
  statusCode: number | undefined;
  durationMs: number;
  error: UpstreamError | undefined;
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
  /** Called after every upstream call, successful or not (metrics, tests). */
  onCall?: (event: UpstreamCallEvent) => void;
}

const JSON_CONTENT_TYPE = 'application/json';

/**
 * One keep-alive undici pool for one upstream origin. It validates nothing about paths (the
 * clients do, with `pathOf`), follows no redirects, caps response sizes, applies connect,
 * headers and body timeouts, and turns every failure into an `UpstreamError`.
 */
export class UpstreamHttpClient {
  readonly service: UpstreamService;
  private readonly pool: Pool;
  private readonly options: UpstreamHttpClientOptions;

  constructor(options: UpstreamHttpClientOptions) {
    this.options = options;
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

  async request<T>(request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const started = performance.now();
    let statusCode: number | undefined;
    try {
      const response = await this.send<T>(request);
      statusCode = response.statusCode;
      this.report(request, started, statusCode, undefined);
      return response;
    } catch (error) {
      const upstreamError = error instanceof UpstreamError ? error : this.transportError(request, error);
      this.report(request, started, upstreamError.httpStatus, upstreamError);
      throw upstreamError;
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private async send<T>(request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('the upstream call exceeded its deadline', 'TimeoutError')),
      this.options.requestTimeoutMs ?? 30_000,
    );
    try {
      const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
      return await this.sendWithin<T>(request, signal);
    } finally {
      clearTimeout(timer);
    }
  }

  private async sendWithin<T>(request: UpstreamRequest, signal: AbortSignal): Promise<UpstreamResponse<T>> {
    const body = request.json !== undefined ? JSON.stringify(request.json) : request.form?.toString();
    const contentType =
      request.json !== undefined ? JSON_CONTENT_TYPE : request.form ? 'application/x-www-form-urlencoded' : undefined;
    const pathWithQuery = request.path + queryString(request.query);

    for (let attempt = 0; ; attempt++) {
      const authHeaders = this.options.authenticator
        ? await this.options.authenticator.headersFor({ method: request.method, path: request.path, contentType, body })
        : {};
      const headers: Record<string, string> = {
        accept: JSON_CONTENT_TYPE,
        'user-agent': this.options.userAgent ?? 'sinch-graphql-gateway',
        ...request.headers,
        ...authHeaders,
      };
      if (contentType) {
        headers['content-type'] = contentType;
      }
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
      return this.readResponse<T>(request, response);
    }
  }

  private async readResponse<T>(request: UpstreamRequest, response: Dispatcher.ResponseData): Promise<UpstreamResponse<T>> {
    const { statusCode, headers } = response;
    const text = await response.body.text();
    if (statusCode >= 200 && statusCode < 300) {
      return { statusCode, headers, body: this.parseSuccessBody<T>(request, statusCode, headers, text) };
    }
    const parsed = parseErrorBody(text);
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

  private transportError(request: UpstreamRequest, error: unknown): UpstreamError {
    return new UpstreamError({
      service: this.service,
      failure: failureOf(error),
      endpoint: `${request.method} ${request.route}`,
      cause: safeCause(error),
    });
  }

  private report(request: UpstreamRequest, started: number, statusCode: number | undefined, error: UpstreamError | undefined): void {
    const durationMs = performance.now() - started;
    this.options.logger?.debug(
      { service: this.service, method: request.method, route: request.route, statusCode, durationMs, errorCode: error?.code },
      'upstream call',
    );
    this.options.onCall?.({ service: this.service, method: request.method, route: request.route, statusCode, durationMs, error });
  }
}

function failureOf(error: unknown): 'TIMEOUT' | 'UNREACHABLE' | 'BAD_RESPONSE' {
  if (
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.RequestAbortedError ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
  ) {
    return 'TIMEOUT';
  }
  if (
    error instanceof undiciErrors.ResponseExceededMaxSizeError ||
    error instanceof undiciErrors.HTTPParserError ||
    error instanceof undiciErrors.HeadersOverflowError
  ) {
    // Something answered, but not with an HTTP response the gateway will read.
    return 'BAD_RESPONSE';
  }
  // ECONNREFUSED, ECONNRESET, EPIPE, UND_ERR_SOCKET, DNS failures: nothing usable came back.
  return 'UNREACHABLE';
}

/**
 * The cause kept on the error (and so in logs). An HTTP parser error carries the raw bytes
 * that failed to parse in `data`; only its name and code are kept.
 */
function safeCause(error: unknown): unknown {
  if (error instanceof undiciErrors.HTTPParserError) {
    return new Error(`HTTP parser error${error.code ? ` ${error.code}` : ''}`);
  }
  return error;
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (query === undefined) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) {
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) {
        params.append(key, item);
      }
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
