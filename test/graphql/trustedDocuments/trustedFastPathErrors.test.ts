import { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import { makeExecutableSchema } from '@graphql-tools/schema';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormatError } from '../../../src/graphql/formatError.js';
import type { GatewayContext } from '../../../src/graphql/GatewayContext.js';
import { prepareOperations } from '../../../src/graphql/trustedDocuments/PreparedOperation.js';
import { TrustedDocuments } from '../../../src/graphql/trustedDocuments/TrustedDocuments.js';
import { TrustedFastPath } from '../../../src/graphql/trustedDocuments/trustedFastPath.js';
import { GatewayMetrics } from '../../../src/observability/GatewayMetrics.js';
import { createLogger } from '../../../src/server/createLogger.js';
import type { Caller } from '../../../src/tenancy/Caller.js';
import { sha256 } from './manifestFiles.js';

/**
 * The fast path's error paths no resolver of the gateway reaches today (an error carrying
 * `extensions.http`, an error without data), on a schema of their own: the same request goes
 * to Apollo Server and to the fast path, and the answers must be the same.
 */
const typeDefs = /* GraphQL */ `
  type Query {
    teapot: String
    nothing: String!
  }
`;
const resolvers = {
  Query: {
    teapot: () => {
      throw new GraphQLError('short and stout', { extensions: { code: 'BAD_REQUEST', http: { status: 418, headers: new Map([['x-teapot', 'yes']]) } } });
    },
    nothing: () => null,
  },
};
const TEAPOT = 'query Teapot { teapot }';
const NOTHING = 'query Nothing { nothing }';

describe('Trusted fast path: statuses and headers set by errors, as Apollo Server sets them', () => {
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  const formatError = createFormatError(createLogger('silent'));
  const caller: Caller = { tenantId: 't', defaultProjectId: 'p', projectIds: new Set(['p']), rateLimits: undefined, clientsFor: () => { throw new Error('no upstream here'); } };
  const context = (id: string) => ({ requestId: id, caller, selectProject: () => undefined }) as unknown as GatewayContext;
  let apolloApp: FastifyInstance;
  let fastApp: FastifyInstance;
  let apollo: ApolloServer<GatewayContext>;

  beforeAll(async () => {
    const prepared = TrustedDocuments.prepare({ entries: [TEAPOT, NOTHING].map((body) => ({ id: sha256(body), body, name: undefined, type: undefined })), schema, validationRules: [], maxTokens: 1000 });
    const documents = prepared.documents;
    if (documents === undefined) throw new Error(prepared.problems.join('; '));
    const operations = prepareOperations(schema, documents.all(), { compile: true });
    const fastPath = new TrustedFastPath({ schema, callerOf: () => caller, contextFor: (incoming) => context(incoming.id), formatError, metrics: new GatewayMetrics(), tracing: undefined, maxCost: 1000 });
    apollo = new ApolloServer<GatewayContext>({ schema, formatError, includeStacktraceInErrorResponses: false });
    await apollo.start();
    apolloApp = Fastify();
    await apolloApp.register(fastifyApollo(apollo), { path: '/graphql', context: async (incoming) => context(incoming.id) });
    fastApp = Fastify();
    fastApp.addHook('preHandler', async (incoming, reply) => {
      const body = incoming.body as { documentId?: string };
      const document = body.documentId === undefined ? undefined : documents.withId(body.documentId);
      const operation = document === undefined ? undefined : operations.get(document);
      if (operation !== undefined && (await fastPath.run(incoming, reply, operation))) return reply;
      throw new Error('the fast path left a request it should have answered');
    });
    fastApp.post('/graphql', async () => 'unreachable');
    await Promise.all([apolloApp.listen({ port: 0, host: '127.0.0.1' }), fastApp.listen({ port: 0, host: '127.0.0.1' })]);
  });
  afterAll(async () => {
    await Promise.all([apolloApp?.close(), fastApp?.close()]);
    await apollo?.stop();
  });

  const send = async (app: FastifyInstance, body: unknown, requestId: string) => {
    const address = app.server.address() as { port: number };
    const response = await request(`http://127.0.0.1:${address.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body: JSON.stringify(body) });
    return { status: response.statusCode, teapot: response.headers['x-teapot'], contentType: response.headers['content-type'], body: await response.body.text() };
  };

  it.each([
    ["an error's extensions.http: its status and headers", TEAPOT, 418],
    ['a non-null field resolved to null: the error bubbles to data null, 200', NOTHING, 200],
  ])('%s', async (_name, body, status) => {
    const fast = await send(fastApp, { documentId: sha256(body) }, 'r1');
    const reference = await send(apolloApp, { query: body }, 'r1');
    expect(fast.status).toBe(status);
    // Apollo's request id plugin is the gateway's, not this test server's: compare without it.
    const withoutRequestId = (text: string) => text.replace(/,"requestId":"[^"]*"/g, '');
    expect({ ...fast, body: withoutRequestId(fast.body) }).toEqual(reference);
  });
});
