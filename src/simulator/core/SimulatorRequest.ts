import type { IncomingHttpHeaders } from 'node:http';

/** The upstream API a request belongs to; it is what the request log is filtered by. */
export type SimulatorService = 'AUTH' | 'NUMBERS' | 'VERIFICATION' | 'SIP_TRUNKING';

/**
 * A request as route handlers see it: already read in full, with path parameters decoded.
 * Handlers never touch the socket, which keeps them pure enough to unit test and lets the
 * pipeline log, delay or replace every answer in one place.
 */
export interface SimulatorRequest {
  method: string;
  /** The path exactly as received (still percent-encoded), without the query string. */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text; `''` when there is none. */
  bodyText: string;
  /** Path parameters of the matched route template, percent-decoded. */
  params: Record<string, string>;
}

/** What a handler answers. `body` is serialised as JSON unless `rawBody` is given. */
export interface SimulatorReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string | Buffer;
}

export type RouteHandler = (request: SimulatorRequest) => SimulatorReply | Promise<SimulatorReply>;

export interface RouteDefinition {
  service: SimulatorService;
  method: string;
  /** Template with `{name}` placeholders, e.g. `/v1/projects/{projectId}/activeNumbers/{phoneNumber}:release`. */
  template: string;
  handler: RouteHandler;
}
