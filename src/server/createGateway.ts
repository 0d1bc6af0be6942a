import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo from '@as-integrations/fastify';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createGatewayAccess } from '../auth/createGatewayAccess.js';
import { ConfigError } from '../config.js';
import type { GatewayConfig, SinchConfig } from '../config.js';
import { createContext } from '../graphql/createContext.js';
import { requestLifetime } from '../upstream/resilience/requestDeadline.js';
import { createCursorSealer } from '../graphql/cursors/CursorSealer.js';
import { createFormatError } from '../graphql/formatError.js';
import { compiledExecution } from '../graphql/execution/compiledExecution.js';
import { createSchema } from '../graphql/createSchema.js';
import { invalidInputPlugin } from '../graphql/invalidInputPlugin.js';
import type { GatewayContext } from '../graphql/GatewayContext.js';
import { TrustedDocuments } from '../graphql/trustedDocuments/TrustedDocuments.js';
import type { TrustedOperationPolicy } from '../graphql/trustedDocuments/resolveTrustedOperation.js';
import { prepareOperations } from '../graphql/trustedDocuments/PreparedOperation.js';
import { TrustedFastPath } from '../graphql/trustedDocuments/trustedFastPath.js';
import { trustedDocumentStore } from '../graphql/trustedDocuments/trustedDocumentStore.js';
import { registerTrustedDocumentsGate, trustedDocumentsPlugin } from '../graphql/trustedDocuments/trustedDocumentsGate.js';
import { ProvisioningLifecycle } from '../provisioning/ProvisioningLifecycle.js';
import { createProjectNumbersClients } from '../provisioning/ProjectNumbersClients.js';
import { MutationRateLimiter } from '../tenancy/MutationRateLimiter.js';
import { InProcessSubscriptionLimiter } from '../tenancy/SubscriptionLimiter.js';
import { projectSelectionPlugin } from '../tenancy/projectSelectionPlugin.js';
import { withMutationRateLimits } from '../tenancy/withMutationRateLimits.js';
import { createUpstreamClients } from '../upstream/UpstreamClients.js';
import type { UpstreamClients } from '../upstream/UpstreamClients.js';
import { GatewayMetrics } from '../observability/GatewayMetrics.js';
import type { LimitStore } from '../store/LimitStore.js';
import { MemoryLimitStore } from '../store/MemoryLimitStore.js';
import { ProvisioningMetrics } from '../observability/ProvisioningMetrics.js';
import { RedisConnection } from '../store/RedisConnection.js';
import { RedisLimitStore } from '../store/RedisLimitStore.js';
import { SharedPersistedQueryCache } from '../store/SharedPersistedQueryCache.js';
import { IMPLICIT_TENANT_ID } from '../tenancy/implicitCaller.js';
import { metricsPlugin } from '../observability/metricsPlugin.js';
import type { GatewayTracing } from '../observability/tracing/GatewayTracing.js';
import { graphqlTracingPlugin, runInOperation } from '../observability/tracing/graphqlTracingPlugin.js';
import { traceBatches } from '../observability/tracing/traceBatches.js';
import { traceCallbacks } from '../observability/tracing/traceCallbacks.js';
import { traceSubscriptions } from '../observability/tracing/traceSubscriptions.js';
import { traceHttpServer } from '../observability/tracing/traceHttpServer.js';
import { traceUpstreamCalls } from '../observability/tracing/traceUpstreamCalls.js';
import { closeGracefully, trackConnections } from './closeGracefully.js';
import { EXAMPLE_OPERATION } from './exampleOperation.js';
import { gatewaySecrets } from './gatewaySecrets.js';
import { Readiness } from './Readiness.js';
import { registerErrorResponses } from './registerErrorResponses.js';
import { registerExplorer } from './explorer/registerExplorer.js';
import { registerHealthRoutes } from './registerHealthRoutes.js';
import { registerMetricsRoute } from './registerMetricsRoute.js';
import { registerSubscriptions } from './registerSubscriptions.js';
import { registerWebhooks } from './registerWebhooks.js';
import { queryCostPlugin } from './queryLimits/queryCostPlugin.js';
import { requestIdPlugin } from './requestIdPlugin.js';
import { trackInFlightRequests } from './trackInFlightRequests.js';
import { trackUpstreamCircuits } from './trackUpstreamCircuits.js';
import { validationRules } from './validationRules.js';

export interface GatewayDependencies {
  logger: Logger;
  /** Injected by tests; built from the configuration otherwise. */
  clients?: UpstreamClients;
  /** OpenTelemetry traces (`createTracing`); none when tracing is off. The caller flushes it after `close`. */
  tracing?: GatewayTracing;
  /** Where the explorer's bundle and the error catalogue are read (tests); dist/explorer and docs/error-examples.json otherwise. */
  explorer?: { assetsDirectory?: string; errorExamplesPath?: string };
}

/** The repository (or image) root: two levels above src/server/ and dist/server/. */
const ROOT = new URL('../../', import.meta.url);

export interface Gateway {
  app: FastifyInstance;
  clients: UpstreamClients;
  /** This gateway's own Prometheus registry and metrics (`GET /metrics`). */
  metrics: GatewayMetrics;
  /** What `/ready` answers; compose further conditions in with `readiness.addCheck`. */
  readiness: Readiness;
  /** Provisioning events, polling and bulk resubmission (docs/provisioning.md). */
  provisioning: ProvisioningLifecycle;
  /** The Redis that every replica shares (`REDIS_URL`); undefined when state stays in this process. */
  store: RedisConnection | undefined;
  /** Starts listening; resolves to the gateway's base URL. */
  listen(): Promise<string>;
  /**
   * `/ready` turns 503 at once, in-flight requests finish (within `config.shutdownGraceMs`, then
   * their connections are cut), the server stops listening, pools close. Idempotent.
   */
  close(): Promise<void>;
}

/** What each replica keeps to itself without REDIS_URL: named in the production start-up warning. */
export const PER_REPLICA_WITHOUT_REDIS = [
  'verification report budgets (each replica allows its own guesses at a code)',
  'tenant mutation rate limits (each replica allows the whole limit)',
  'persisted queries (a hash registered on one replica is unknown to the others)',
  'provisioning callback dedupe (a callback delivered to two replicas is processed twice)',
  'live provisioning events (a callback received by one replica reaches only its own subscribers)',
  'provisioning polling (each replica polls the numbers its own subscribers follow)',
] as const;

/** How long a registered persisted query is kept in Redis. */
const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;
/** How long `listen` waits for Redis before it starts without it. */
const STORE_START_WAIT_MS = 5_000;
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/**
 * The reason every request's signal is aborted with when its exchange ends: one shared
 * instance, because `abort()` without a reason builds a DOMException (and its stack) per
 * request, after every response.
 */
const EXCHANGE_ENDED = new DOMException('the exchange ended', 'AbortError');

/**
 * The composition root: builds the long-lived pieces (upstream pools and clients, schema,
 * Apollo Server, HTTP server) once. Per-request pieces are built by `createContext`.
 */
export async function createGateway(config: GatewayConfig, dependencies: GatewayDependencies): Promise<Gateway> {
  const { logger, tracing } = dependencies;
  const metrics = new GatewayMetrics();
  const provisioningMetrics = new ProvisioningMetrics(metrics.registry);
  const readiness = new Readiness();
  const { redisUrl, keyPrefix } = config.store;
  const store = redisUrl === undefined ? undefined : new RedisConnection({ redisUrl, keyPrefix }, logger.child({ component: 'store' }));
  // OTP report budgets and tenant rate limits: in Redis for every replica, or in this process.
  const limits: LimitStore =
    store === undefined
      ? new MemoryLimitStore()
      : new RedisLimitStore(store, { digestKey: config.store.keySecret, logger: logger.child({ component: 'store' }), onUnavailable: () => metrics.observeStoreUnavailable() });
  followStore(store, readiness, metrics);
  if (store === undefined && config.nodeEnv === 'production') {
    logger.warn(
      { perReplica: PER_REPLICA_WITHOUT_REDIS },
      'REDIS_URL is not set: with more than one replica, these hold per replica only (docs/deploy.md). Set REDIS_URL to share them',
    );
  }
  const observeBatch = (loaderName: string, size: number) => metrics.observeBatchSize(loaderName, size);
  const followCircuits = trackUpstreamCircuits(readiness, metrics);
  // No upstream error keeps a piece of any of these (docs/security.md, "Upstream text").
  const secrets = gatewaySecrets(config);
  const upstreamClientsFor = (sinch: SinchConfig, owner = { tenantId: IMPLICIT_TENANT_ID }) =>
    followCircuits(
      createUpstreamClients({
        sinch,
        // Budgets are per (tenant, project), as in one process (docs/security.md).
        limits: { store: limits, scope: `${encodeURIComponent(owner.tenantId)}:${encodeURIComponent(sinch.projectId ?? '')}` },
        upstream: config.upstream,
        logger: logger.child({ component: 'upstream' }),
        onCall: (event) => metrics.observeUpstreamCall(event),
        onSharedRead: (service) => metrics.observeSharedRead(service),
        tracerFor: tracing && ((origin) => traceUpstreamCalls(tracing, origin)),
        secrets,
      }),
    );
  const clients = dependencies.clients ? followCircuits(dependencies.clients) : upstreamClientsFor(config.sinch);
  // Who may call, as which tenant, with which project's clients (docs/security.md).
  const access = createGatewayAccess({ auth: config.auth, sinch: config.sinch, defaultClients: clients, createClients: upstreamClientsFor, logger });
  const production = config.nodeEnv === 'production';
  // Callbacks in, subscriptions out, polling (docs/provisioning.md).
  const projectNumbers = createProjectNumbersClients({ auth: config.auth, sinch: config.sinch, defaultClients: clients, createClients: upstreamClientsFor });
  const provisioning = new ProvisioningLifecycle({
    projects: projectNumbers,
    polling: config.provisioning.polling,
    bulkConcurrency: config.provisioning.bulkConcurrency,
    reportMaxNumbers: config.provisioning.reportMaxNumbers,
    logger: logger.child({ component: 'provisioning' }),
    store,
    observe: {
      published: (path) => provisioningMetrics.observePublished(path),
      relayed: () => provisioningMetrics.observeRelayed(),
      busState: (state) => provisioningMetrics.eventBusConnected.set(state === 'shared' ? 1 : 0),
      leasesHeld: (held) => provisioningMetrics.pollLeasesHeld.set(held),
      pollSkipped: () => provisioningMetrics.observePollSkipped(),
    },
    eventStreamLength: config.provisioning.eventStreamLength,
  });

  // shared: events reach every replica; local-only: Redis is away, they stay on this one.
  if (store !== undefined) readiness.addDetail('provisioningEvents', () => provisioning.bus.state);

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.graphql.maxRequestBytes,
    // Slow clients (docs/operations.md): a request whose headers or body do not arrive in time
    // is answered 408 and its connection closed; Node checks the deadlines every second.
    http: { headersTimeout: config.http.headersTimeoutMs, requestTimeout: config.http.requestTimeoutMs, connectionsCheckingInterval: 1_000 },
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
  });
  // Beyond the cap Node closes a new connection at once, before reading a byte of it.
  app.server.maxConnections = config.http.maxConnections;
  const inFlight = trackInFlightRequests(app);
  const connections = trackConnections(app);
  const serverTracing = tracing && traceHttpServer(app, tracing);
  const traceBatch = tracing && traceBatches(tracing);

  // Pagination cursors are sealed with this key; set GATEWAY_CURSOR_SECRET to share it across replicas.
  const cursors = createCursorSealer(config.graphql.cursorSecret);
  if (config.graphql.cursorSecret === undefined && production) {
    logger.warn('GATEWAY_CURSOR_SECRET is not set: pagination cursors are valid only on the replica that issued them, until it restarts');
  }
  const schema = withMutationRateLimits(createSchema(), new MutationRateLimiter(limits));
  const trusted = prepareTrustedDocuments(config, schema);
  const formatError = createFormatError(logger, { hideSuggestions: production });
  const apollo = new ApolloServer<GatewayContext>({
    // Apollo parses, validates and formats; execution is graphql-jit's for repeated documents.
    gateway: compiledExecution({
      schema,
      compileAfter: config.graphql.compileAfter,
      onCompiled: () => metrics.observeCompiledOperation(),
      pinnedDocuments: trusted?.documents.all().map((document) => document.document),
      around: tracing && runInOperation,
    }),
    // Trusted documents come out of the store prepared at start-up; docs/trusted-documents.md.
    ...(trusted === undefined ? {} : { documentStore: trustedDocumentStore(trusted.documents) }),
    // With only trusted documents, APQ is off: nothing may register a document.
    ...(trusted?.only === true ? { persistedQueries: false as const } : {}),
    formatError,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    // Refused by IntrospectionDisabledRule (validationRules) instead, with a message naming GRAPHQL_INTROSPECTION.
    introspection: true,
    csrfPrevention: true,
    // With Redis, a hash registered on one replica is found on every other (docs/deploy.md);
    // without it, Apollo's own in-process cache.
    ...(store === undefined || trusted?.only === true ? {} : { persistedQueries: { cache: new SharedPersistedQueryCache(store, logger.child({ component: 'store' })), ttl: PERSISTED_QUERY_TTL_SECONDS } }),
    allowBatchedHttpRequests: false,
    validationRules: validationRules(config.graphql),
    // graphql-js stops parsing past this many tokens: GRAPHQL_PARSE_FAILED, HTTP 400.
    parseOptions: { maxTokens: config.graphql.maxTokens },
    // main.ts owns the signals: Apollo's own handler would re-raise SIGTERM and kill the process mid-drain.
    stopOnTerminationSignals: false,
    plugins: [
      ...(trusted === undefined ? [] : [trustedDocumentsPlugin<GatewayContext>(trusted)]),
      invalidInputPlugin<GatewayContext>(),
      requestIdPlugin(),
      metricsPlugin(metrics),
      ...(tracing === undefined ? [] : [graphqlTracingPlugin<GatewayContext>(tracing)]),
      projectSelectionPlugin(),
      // Cost priced with the request's variables; validation only knows literals (docs/operations.md).
      queryCostPlugin(config.graphql.maxCost),
      landingPage(config),
      // No field sets cache hints, and the default cache-control plugin wraps every resolver to
      // compute them: measured at 25-45% of the gateway's CPU per operation (docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (readiness.phase === 'draining') {
      // Keep-alive clients reconnect, and the load balancer sends them to a replica that stays.
      reply.header('connection', 'close');
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeHttpResponse(request.method, request.routeOptions.url, reply.statusCode);
  });
  registerErrorResponses(app);
  registerHealthRoutes(app, readiness);
  if (config.graphql.explorer) {
    registerExplorer(app, {
      path: '/explorer',
      graphqlPath: '/graphql',
      assetsDirectory: dependencies.explorer?.assetsDirectory ?? fileURLToPath(new URL('dist/explorer/', ROOT)),
      errorExamplesPath: dependencies.explorer?.errorExamplesPath ?? fileURLToPath(new URL('docs/error-examples.json', ROOT)),
      authenticated: config.auth.mode !== 'none',
      logger: logger.child({ component: 'explorer' }),
    });
  }
  registerMetricsRoute(app, metrics);
  access.register(app, { path: '/graphql', landingPage: config.graphql.landingPage });
  // One request's context, for Apollo Server and the trusted fast path alike.
  const contextFor = (request: FastifyRequest, reply: FastifyReply): GatewayContext => {
    const caller = access.callerOf(request);
    // When the exchange ends, for whatever reason, every upstream call of the request still
    // under way (a prefetch whose field was never reached, a retry in backoff) is cancelled;
    // they all end by the request's deadline too.
    const lifetime = requestLifetime(config.graphql.requestDeadlineMs);
    reply.raw.once('close', () => lifetime.end(EXCHANGE_ENDED));
    const traceContext = serverTracing?.contextOf(request.raw);
    return createContext({
      caller,
      requestId: request.id,
      logger: request.log as Logger,
      signal: lifetime.signal,
      provisioning,
      observeBatch,
      trace: traceContext && { context: traceContext },
      traceBatch,
      cursors,
    });
  };
  if (trusted !== undefined) {
    // Trusted operations skip Apollo Server's pipeline when nothing about the request needs it (docs/trusted-documents.md).
    const fastPath = config.graphql.trustedFastPath
      ? {
          prepared: prepareOperations(schema, trusted.documents.all(), { compile: config.graphql.compileAfter > 0 }),
          runner: new TrustedFastPath({ schema, callerOf: (request) => access.callerOf(request), contextFor, formatError, metrics, tracing, maxCost: config.graphql.maxCost }),
        }
      : undefined;
    registerTrustedDocumentsGate(app, { path: '/graphql', policy: trusted, fastPath });
  }
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request, reply) => contextFor(request, reply),
  });
  await registerWebhooks(app, { config: config.provisioning, projects: projectNumbers, lifecycle: provisioning, logger, store, metrics: provisioningMetrics, secrets, traceCallback: tracing && traceCallbacks(tracing) });
  const subscriptions = registerSubscriptions(app, {
    schema,
    path: '/graphql',
    graphql: config.graphql,
    authenticate: (headers) => access.authenticate(headers),
    createContext: (input) => createContext({ ...input, provisioning, observeBatch, cursors, traceBatch }),
    formatError,
    metrics,
    logger: logger.child({ component: 'subscriptions' }),
    production,
    tracing: tracing && traceSubscriptions(tracing),
    trustedDocuments: trusted,
    limits: { perConnection: config.subscriptions.perConnection, limiter: new InProcessSubscriptionLimiter(config.subscriptions) },
  });

  let closing: Promise<void> | undefined;
  const close = async () => {
    readiness.enter('draining');
    // Every subscription stream ends (clients get `complete`), then sockets close with 1001; in
    // parallel with the HTTP drain, so that both fit in one grace period.
    provisioning.close();
    await Promise.all([subscriptions.close(config.shutdownGraceMs), closeGracefully({ app, inFlight, connections, graceMs: config.shutdownGraceMs, logger })]);
    await apollo.stop();
    if (dependencies.clients === undefined) {
      await clients.close();
    }
    await access.close();
    await projectNumbers.close();
    await store?.close();
    readiness.enter('stopped');
  };

  return {
    app,
    clients,
    metrics,
    readiness,
    provisioning,
    store,
    async listen() {
      if (store !== undefined) {
        // Give Redis a moment to answer before the first request, so that a fresh replica does not
        // refuse limited operations it could serve; past that, it starts anyway and fails closed
        // until the connection is up (it keeps trying by itself).
        await store.waitUntilReady(STORE_START_WAIT_MS).catch(() => {
          logger.warn({ redis: store.address }, `Redis did not answer within ${STORE_START_WAIT_MS} ms: starting anyway; limited operations fail closed until it does`);
        });
      }
      const address = await app.listen({ host: config.host, port: config.port });
      readiness.enter('ready');
      return address;
    },
    close() {
      closing ??= close();
      return closing;
    },
  };
}

/**
 * The manifest's operations parsed and validated against this schema with the request-time
 * rules; a manifest that does not fit the schema stops the gateway from starting (ConfigError,
 * every problem listed), rather than refusing its operations one request at a time.
 */
function prepareTrustedDocuments(config: GatewayConfig, schema: GraphQLSchema): TrustedOperationPolicy | undefined {
  const manifest = config.graphql.trustedDocuments;
  if (manifest === undefined) return undefined;
  const prepared = TrustedDocuments.prepare({
    entries: manifest.entries,
    schema,
    validationRules: validationRules(config.graphql),
    maxTokens: config.graphql.maxTokens,
  });
  if (prepared.documents === undefined) {
    throw new ConfigError(prepared.problems.map((problem) => `GRAPHQL_TRUSTED_DOCUMENTS: ${problem}`));
  }
  return { documents: prepared.documents, only: manifest.only };
}

/**
 * `/ready` and `/metrics` show where the limits live and whether Redis answers. Redis away does
 * not make the replica unready: reads and unlimited mutations keep working, and a 503 from
 * every replica at once would take the whole gateway out of the load balancer.
 */
function followStore(store: RedisConnection | undefined, readiness: Readiness, metrics: GatewayMetrics): void {
  if (store === undefined) {
    metrics.observeStoreState('memory', true);
    readiness.addDetail('store', () => 'memory');
    return;
  }
  metrics.observeStoreState('redis', store.isReady);
  store.onStateChange((state) => metrics.observeStoreState('redis', state === 'ready'));
  readiness.addDetail('store', () => `redis: ${store.state}`);
}

function landingPage(config: GatewayConfig) {
  if (!config.graphql.landingPage) {
    return ApolloServerPluginLandingPageDisabled();
  }
  // Sandbox, embedded, in every environment where the landing page is on (production only when
  // GRAPHQL_LANDING_PAGE=true): it needs no Apollo graph reference.
  return ApolloServerPluginLandingPageLocalDefault({ embed: true, document: EXAMPLE_OPERATION, includeCookies: false });
}

/**
 * HOOK(auth): who a graphql-ws connection is, from the `Authorization` / `x-api-key` its
 * `connectionParams` carry. `GatewayAccess` exposes no header-based entry point yet (only
 * `callerOf(request)`, after its HTTP hook ran), so until it does only `GATEWAY_AUTH=none` has
 * subscribers; with `apiKey` or `jwt` every connection is refused (close code 4401). Replace the
 * body with a call to the access's authentication once it takes headers.
 */
