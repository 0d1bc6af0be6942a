import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config.js';
import { createContext } from '../graphql/createContext.js';
import { createFormatError } from '../graphql/formatError.js';
import { createSchema } from '../graphql/createSchema.js';
import { SingleReportVerificationRule } from '../graphql/validation/SingleReportVerificationRule.js';
import type { GatewayContext } from '../graphql/GatewayContext.js';
import { createUpstreamClients } from '../upstream/UpstreamClients.js';
import type { UpstreamClients } from '../upstream/UpstreamClients.js';
import { EXAMPLE_OPERATION } from './exampleOperation.js';
import { registerHealthRoutes } from './registerHealthRoutes.js';
import { requestIdPlugin } from './requestIdPlugin.js';

export interface GatewayDependencies {
  logger: Logger;
  /** Injected by tests; built from the configuration otherwise. */
  clients?: UpstreamClients;
}

export interface Gateway {
  app: FastifyInstance;
  clients: UpstreamClients;
  /** Starts listening; resolves to the gateway's base URL. */
  listen(): Promise<string>;
  /** Readiness goes false, in-flight requests finish, pools close. */
  close(): Promise<void>;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The composition root: builds the long-lived pieces (upstream pools and clients, schema,
 * Apollo Server, HTTP server) once. Per-request pieces are built by `createContext`.
 */
export async function createGateway(config: GatewayConfig, dependencies: GatewayDependencies): Promise<Gateway> {
  const { logger } = dependencies;
  const projectId = config.sinch.projectId;
  if (projectId === undefined) {
    throw new Error('createGateway needs config.sinch.projectId');
  }
  const clients =
    dependencies.clients ?? createUpstreamClients({ sinch: config.sinch, upstream: config.upstream, logger: logger.child({ component: 'upstream' }) });
  const production = config.nodeEnv === 'production';

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.graphql.maxRequestBytes,
    disableRequestLogging: false,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
  });
  const state = { ready: false };

  const apollo = new ApolloServer<GatewayContext>({
    schema: createSchema(),
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    introspection: config.graphql.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: [SingleReportVerificationRule],
    plugins: [
      fastifyApolloDrainPlugin(app),
      requestIdPlugin(),
      landingPage(config),
    ],
  });
  await apollo.start();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerHealthRoutes(app, () => state.ready);
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request, reply) => {
      const controller = new AbortController();
      reply.raw.once('close', () => controller.abort());
      return createContext({ clients, projectId, requestId: request.id, logger: request.log as Logger, signal: controller.signal });
    },
  });

  return {
    app,
    clients,
    async listen() {
      const address = await app.listen({ host: config.host, port: config.port });
      state.ready = true;
      return address;
    },
    async close() {
      state.ready = false;
      await app.close();
      if (dependencies.clients === undefined) {
        await clients.close();
      }
    },
  };
}

function landingPage(config: GatewayConfig) {
  if (!config.graphql.landingPage) {
    return ApolloServerPluginLandingPageDisabled();
  }
  // Sandbox, embedded, in every environment where the landing page is on (production only when
  // GRAPHQL_LANDING_PAGE=true): it needs no Apollo graph reference.
  return ApolloServerPluginLandingPageLocalDefault({ embed: true, document: EXAMPLE_OPERATION, includeCookies: false });
}
