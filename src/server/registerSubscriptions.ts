import { createHash, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { getOperationAST, GraphQLError, Kind, parse, specifiedRules, validate } from 'graphql';
import type { DocumentNode, ExecutionArgs, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { GraphQLConfig } from '../config.js';
import type { GatewayContext } from '../graphql/GatewayContext.js';
import type { GatewayMetrics } from '../observability/GatewayMetrics.js';
import type { OperationTrace } from '../observability/tracing/OperationTrace.js';
import type { SubscriptionTracing, TracedSubscription } from '../observability/tracing/traceSubscriptions.js';
import type { TrustedOperationPolicy } from '../graphql/trustedDocuments/resolveTrustedOperation.js';
import { resolveTrustedOperation } from '../graphql/trustedDocuments/resolveTrustedOperation.js';
import { nameInvalidArguments } from '../graphql/invalidInputPlugin.js';
import type { Caller } from '../tenancy/Caller.js';
import type { SubscriptionLimiter } from '../tenancy/SubscriptionLimiter.js';
import { rootFieldProjectIds } from '../tenancy/rootFieldProjectIds.js';
import { operationCostError } from './queryLimits/operationCostError.js';
import { validationRules } from './validationRules.js';

/** Who a WebSocket connection belongs to, from the headers its `connectionParams` carry. */
export type SubscriberAuthenticator = (headers: IncomingHttpHeaders) => Promise<{ kind: 'authenticated'; caller: Caller } | { kind: 'rejected'; reason: string }>;

export interface SubscriptionServerOptions {
  /** The same executable schema Apollo Server serves. */
  schema: GraphQLSchema;
  /** `/graphql`: subscriptions share the path of queries, so Sandbox finds them. */
  path: string;
  graphql: GraphQLConfig;
  authenticate: SubscriberAuthenticator;
  /** Builds the context of one subscription, like the HTTP route's; `signal` aborts when it ends. */
  createContext(input: { caller: Caller; requestId: string; logger: Logger; signal: AbortSignal; trace?: OperationTrace }): GatewayContext;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  metrics: GatewayMetrics;
  logger: Logger;
  production: boolean;
  /** With tracing on: a span per subscription and per event it delivers (traceSubscriptions.ts). */
  tracing?: SubscriptionTracing;
  /** With a manifest (GRAPHQL_TRUSTED_DOCUMENTS): what may run, decided as for HTTP. */
  trustedDocuments?: TrustedOperationPolicy;
  /** Subscriptions per connection, and the per-tenant cap and start rate (docs/security.md). */
  limits: { perConnection: number; limiter: SubscriptionLimiter };
}

export interface SubscriptionServer {
  /** Open subscriptions (also `gateway_graphql_active_subscriptions`). */
  readonly activeCount: number;
  /**
   * Stops accepting connections, waits (at most `waitMs`) for the subscriptions ended by the
   * lifecycle to send `complete`, closes every socket with 1001 "going away" (clients with
   * `retryAttempts` reconnect, to a replica that stays), and cuts those that do not close in time.
   */
  close(waitMs: number): Promise<void>;
}

interface Connection {
  /** Random, per connection: with the subscription id, the request id of each subscription. */
  id: string;
  caller: Caller;
  logger: Logger;
  /** One controller per subscription id: aborted when it completes, so its upstream calls stop. */
  operations: Map<string, AbortController>;
  /** Subscription ids counted in the gauge. */
  counted: Set<string>;
  /** Admitted subscriptions by id: each holds one place of the tenant's cap until it ends. */
  admitted: Map<string, () => void>;
  /** With tracing on: the span of each subscription, ended with it. */
  traced: Map<string, TracedSubscription>;
}

/**
 * GraphQL subscriptions over the graphql-ws protocol (`graphql-transport-ws`) on the HTTP
 * server's `upgrade` event. Not through Fastify routes on purpose: an upgraded socket would
 * count as an in-flight request for its whole life and hold graceful shutdown for the grace
 * period, and the HTTP authentication hook cannot read `connectionParams` (browsers cannot set
 * headers on a WebSocket). Authorized like queries: `connectionParams` (`Authorization` or
 * `x-api-key`) authenticate the connection, and each operation's `projectId` is checked against
 * the caller's projects exactly as `projectSelectionPlugin` does for HTTP. Only subscriptions are
 * served here; queries and mutations go over HTTP, with its CSRF and rate-limit protections.
 */
export function registerSubscriptions(app: FastifyInstance, options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, logger, metrics } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.graphql.maxRequestBytes });
  const connections = new WeakMap<Context, Connection>();
  const rules = [...specifiedRules, ...validationRules(options.graphql)];
  let accepting = true;
  let active = 0;

  app.server.on('upgrade', (request, socket, head) => {
    const pathname = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (!accepting || pathname !== options.path) {
      socket.end(`HTTP/1.1 ${accepting ? '404 Not Found' : '503 Service Unavailable'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (webSocket) => wss.emit('connection', webSocket, request));
  });

  /** Takes a place for subscription `id` of the connection, or the typed refusal. */
  const admit = (connection: Connection, id: string): GraphQLError | undefined => {
    const { perConnection, limiter } = options.limits;
    if (connection.admitted.size >= perConnection) {
      return refused(`At most ${perConnection} subscriptions may be open on one connection.`, { reason: 'SUBSCRIPTIONS_PER_CONNECTION', limit: perConnection });
    }
    const admission = limiter.admit(connection.caller.tenantId);
    if (!admission.admitted) {
      const { reason, limit, retryAfterSeconds } = admission;
      const message =
        reason === 'SUBSCRIPTION_RATE'
          ? `Too many subscriptions started: at most ${limit} a minute. Try again in ${retryAfterSeconds ?? 1} seconds.`
          : `At most ${limit} subscriptions may be open at once for this caller.`;
      return refused(message, { reason, limit, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    }
    connection.admitted.set(id, admission.release);
    return undefined;
  };


  // Every error carries the request id, as over HTTP: the one the subscription's logs carry.
  const format = (context: Context, id: string, errors: readonly GraphQLError[]) => {
    const requestId = requestIdOf(connections.get(context), id);
    return errors.map((error) => {
      const formatted = options.formatError(error.toJSON(), error);
      return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    });
  };

  useServer(
    {
      schema,
      isProd: options.production,
      subscribe: options.tracing?.subscribe,
      onConnect: async (context) => {
        const result = await options.authenticate(authenticationHeaders(context.connectionParams, context.extra.request.headers));
        if (result.kind === 'rejected') {
          logger.info({ reason: result.reason }, 'subscription connection refused: not authenticated');
          context.extra.socket.close(CloseCode.Unauthorized, truncate(result.reason));
          return false;
        }
        const connectionLogger = logger.child({ tenantId: result.caller.tenantId });
        connections.set(context, { id: randomUUID(), caller: result.caller, logger: connectionLogger, operations: new Map(), counted: new Set(), admitted: new Map(), traced: new Map() });
        return true;
      },
      onSubscribe: (context, id, payload) => {
        const connection = connections.get(context);
        if (connection === undefined) return [new GraphQLError('The connection is not authenticated.', { extensions: { code: 'UNAUTHENTICATED' } })];
        const trusted = options.trustedDocuments === undefined ? undefined : resolveTrustedOperation({ query: payload.query, documentId: (payload as { documentId?: unknown }).documentId, extensions: payload.extensions }, options.trustedDocuments);
        if (trusted?.kind === 'refused') return [new GraphQLError(trusted.message, { extensions: { code: trusted.code } })];
        let document: DocumentNode;
        if (trusted?.kind === 'trusted') {
          // Parsed and validated once, at start-up (TrustedDocuments.prepare).
          document = trusted.document.document;
        } else {
          try {
            document = parse(payload.query, { maxTokens: options.graphql.maxTokens });
          } catch (error) {
            return [error instanceof GraphQLError ? withCode(error, 'GRAPHQL_PARSE_FAILED') : new GraphQLError('The query does not parse.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
          }
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation === null || operation === undefined || operation.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST /graphql.', { extensions: { code: 'BAD_REQUEST' } })];
        }
        if (trusted?.kind !== 'trusted') {
          const invalid = validate(schema, document, rules);
          // A refused scalar value is BAD_USER_INPUT with its argument, as over HTTP.
          nameInvalidArguments(document, invalid);
          if (invalid.length > 0) return invalid.map((error) => withCode(error, error.extensions['code'] === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED'));
        }
        // Priced with this subscription's variables, as queryCostPlugin prices HTTP operations.
        const tooCostly = operationCostError(schema, document, operation, payload.variables ?? undefined, options.graphql.maxCost);
        if (tooCostly !== undefined) return [tooCostly];
        const project = selectProject(connection.caller, rootFieldProjectIds(schema, document, operation, payload.variables ?? undefined));
        if (project instanceof GraphQLError) return [project];
        // Last, so that only a subscription that would run takes a place and a start.
        const refusal = admit(connection, id);
        if (refusal !== undefined) {
          connection.logger.info({ reason: refusal.extensions['reason'] }, 'subscription refused: limit reached');
          return [refusal];
        }

        const controller = new AbortController();
        connection.operations.set(id, controller);
        const traced = options.tracing?.start({ query: payload.query, document, operation, carrier: traceCarrier(context.connectionParams, context.extra.request.headers) });
        if (traced !== undefined) connection.traced.set(id, traced);
        const contextValue = options.createContext({ caller: connection.caller, requestId: requestIdOf(connection, id), logger: connection.logger, signal: controller.signal, trace: traced?.trace });
        contextValue.selectProject(project);
        const args: ExecutionArgs = { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
        return args;
      },
      onOperation: (context, id, _payload, _args, result) => {
        const connection = connections.get(context);
        if (connection !== undefined && isAsyncIterable(result)) {
          connection.counted.add(id);
          active += 1;
          metrics.activeSubscriptions.inc();
        }
      },
      // Whatever ended the socket, every place its subscriptions held is given back.
      onClose: (context) => {
        const connection = connections.get(context);
        if (connection === undefined) return;
        for (const release of connection.admitted.values()) release();
        connection.admitted.clear();
      },
      onNext: (context, id, _payload, args, result) => {
        if (result.errors === undefined) return undefined;
        // Variables are coerced at execution: a refused scalar value surfaces here.
        nameInvalidArguments(args.document, result.errors);
        // Any other variable refusal (missing, wrong type) is the client's too, as Apollo codes it over HTTP.
        const errors = result.errors.map((error) => (error.extensions['code'] === undefined && error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION ? withCode(error, 'BAD_USER_INPUT') : error));
        return { ...result, errors: format(context, id, errors) };
      },
      onError: (context, id, _payload, errors) => format(context, id, errors),
      // Called for every subscription that ends: completed by either side, or its socket gone.
      onComplete: (context, id) => {
        const connection = connections.get(context);
        if (connection === undefined) return;
        connection.operations.get(id)?.abort();
        connection.operations.delete(id);
        connection.admitted.get(id)?.();
        connection.admitted.delete(id);
        connection.traced.get(id)?.end();
        connection.traced.delete(id);
        if (connection.counted.delete(id)) {
          active -= 1;
          metrics.activeSubscriptions.dec();
        }
      },
    },
    wss,
  );

  return {
    get activeCount() {
      return active;
    },
    async close(waitMs) {
      accepting = false;
      const deadline = Date.now() + waitMs;
      await until(() => active === 0, deadline);
      for (const client of wss.clients) client.close(1001, 'Going away: the gateway is shutting down');
      await until(() => wss.clients.size === 0, deadline);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/**
 * The project of the operation, checked like `projectSelectionPlugin` checks HTTP operations:
 * one project per operation (an omitted `projectId` is the caller's default), one of the caller's.
 */
function selectProject(caller: Caller, named: Array<string | undefined> | undefined): string | GraphQLError {
  const projectIds = new Set((named ?? []).map((projectId) => projectId ?? caller.defaultProjectId));
  if (projectIds.size > 1) {
    return new GraphQLError('One project per operation: every root field must act on the same projectId (an omitted projectId is the default project).', {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'projectId' },
    });
  }
  const projectId = [...projectIds][0] ?? caller.defaultProjectId;
  if (!caller.projectIds.has(projectId)) {
    return new GraphQLError('The requested project is not one of the projects this caller may act on.', { extensions: { code: 'FORBIDDEN', argumentName: 'projectId' } });
  }
  return projectId;
}

/**
 * The credentials of a connection as HTTP headers, so the HTTP authenticator reads them as it
 * reads a request: `connectionParams` first (any key case), then the upgrade request's headers
 * (clients that can set them, such as Node's `ws`).
 */
function authenticationHeaders(params: Readonly<Record<string, unknown>> | undefined, upgrade: IncomingHttpHeaders): IncomingHttpHeaders {
  const fromParams: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    const name = key.toLowerCase();
    if ((name === 'authorization' || name === 'x-api-key') && typeof value === 'string') fromParams[name] = value;
  }
  if (Object.keys(fromParams).length > 0) return fromParams;
  return { authorization: upgrade.authorization, 'x-api-key': upgrade['x-api-key'] };
}

function refused(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'RATE_LIMITED', ...extensions } });
}

/** The trace context a subscription continues: `traceparent` / `tracestate` of its `connectionParams`, else of the upgrade request. */
function traceCarrier(params: Readonly<Record<string, unknown>> | undefined, upgrade: IncomingHttpHeaders): Record<string, string | undefined> {
  const fromParams = (name: string) => {
    const value = Object.entries(params ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
    return typeof value === 'string' ? value : undefined;
  };
  const traceparent = fromParams('traceparent');
  if (traceparent !== undefined) return { traceparent, tracestate: fromParams('tracestate') };
  const header = (name: string) => (typeof upgrade[name] === 'string' ? upgrade[name] : undefined);
  return { traceparent: header('traceparent'), tracestate: header('tracestate') };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/**
 * `ws-<connection>-<subscription id>`: unique across connections (subscription ids are the
 * client's, and reused). An id that does not fit a log line is replaced by its digest.
 */
function requestIdOf(connection: Connection | undefined, id: string): string {
  const subscription = /^[A-Za-z0-9._-]{1,64}$/.test(id) ? id : createHash('sha256').update(id).digest('hex').slice(0, 16);
  return `ws-${connection?.id ?? 'unauthenticated'}-${subscription}`;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** A WebSocket close reason is at most 123 bytes. */
function truncate(reason: string): string {
  return Buffer.byteLength(reason) <= 123 ? reason : `${reason.slice(0, 110)}…`;
}

async function until(done: () => boolean, deadline: number): Promise<void> {
  while (!done() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
