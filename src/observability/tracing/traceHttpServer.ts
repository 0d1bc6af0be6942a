import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { context as contextApi, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Context, Span } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_URL_PATH, ATTR_URL_SCHEME, ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import type { FastifyInstance } from 'fastify';
import type { GatewayTracing } from './GatewayTracing.js';
import { ATTR_GATEWAY_REQUEST_ID, ATTR_NETWORK_PROTOCOL_VERSION } from './spanAttributes.js';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE']);

interface ServerSpan {
  span: Span;
  context: Context;
}

export interface HttpServerTracing {
  /** The context of the request's server span: what its GraphQL operation span is a child of. */
  contextOf(request: IncomingMessage): Context | undefined;
}

/**
 * One SERVER span per HTTP request, continuing the caller's `traceparent` / `tracestate`.
 *
 * The span starts when Node hands the request to Fastify and the whole of Fastify's handling runs
 * in its context (the request and response emitters are bound to it, so the body parser's events
 * are too): every log line of the request, Fastify's own included, carries its ids. Fastify's
 * request listener is wrapped in place rather than through `serverFactory`, which would change
 * how Fastify closes its connections.
 *
 * Named `METHOD /route` once routed (`POST /graphql`); an unmatched request is named by its
 * method alone and records no path: nothing a client typed reaches a span. The query string is
 * never recorded (`GET /graphql?query=…&variables=…` carries the document and its variables).
 */
export function traceHttpServer(app: FastifyInstance, tracing: GatewayTracing): HttpServerTracing {
  const spans = new WeakMap<IncomingMessage, ServerSpan>();
  const server: Server = app.server;
  const listeners = server.listeners('request') as Array<(request: IncomingMessage, response: ServerResponse) => void>;
  server.removeAllListeners('request');
  for (const listener of listeners) {
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const method = (request.method ?? 'GET').toUpperCase();
      const parent = tracing.extract(request.headers);
      const started = tracing.start(
        method,
        {
          kind: SpanKind.SERVER,
          attributes: {
            [ATTR_HTTP_REQUEST_METHOD]: KNOWN_METHODS.has(method) ? method : '_OTHER',
            [ATTR_URL_SCHEME]: 'http',
            [ATTR_NETWORK_PROTOCOL_VERSION]: request.httpVersion,
          },
        },
        parent,
      );
      spans.set(request, started);
      contextApi.bind(started.context, request);
      contextApi.bind(started.context, response);
      response.once('close', () => endServerSpan(started.span, response));
      contextApi.with(started.context, () => listener.call(server, request, response));
    });
  }

  app.addHook('onRequest', (request, _reply, done) => {
    const span = spans.get(request.raw)?.span;
    const route = request.routeOptions.url;
    if (span !== undefined) {
      span.setAttribute(ATTR_GATEWAY_REQUEST_ID, request.id);
      if (route !== undefined) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute(ATTR_HTTP_ROUTE, route);
        // The path is recorded only where it is the route itself: a parameter could be anything.
        if (!/[:*]/.test(route)) span.setAttribute(ATTR_URL_PATH, route);
      }
    }
    done();
  });

  return {
    contextOf(request) {
      return spans.get(request)?.context;
    },
  };
}

function endServerSpan(span: Span, response: ServerResponse): void {
  if (response.headersSent) {
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
  }
  if (!response.writableFinished) {
    // The client went away before the answer was complete.
    span.addEvent('gateway.http.aborted');
  }
  if (response.statusCode >= 500) {
    span.setAttribute(ATTR_ERROR_TYPE, String(response.statusCode));
    span.setStatus({ code: SpanStatusCode.ERROR, message: String(response.statusCode) });
  }
  span.end();
}
