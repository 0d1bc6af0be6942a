import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PreparedOperation } from './PreparedOperation.js';
import { resolveTrustedOperation } from './resolveTrustedOperation.js';
import type { TrustedDocument } from './TrustedDocuments.js';
import type { TrustedFastPath } from './trustedFastPath.js';
import type { OperationRequest, TrustedOperationDecision, TrustedOperationPolicy } from './resolveTrustedOperation.js';

/**
 * The HTTP half of trusted documents, before Apollo Server: every operation of a request (a GET's
 * parameters, a POST's body, each member of a batch) is decided by `resolveTrustedOperation`,
 * and a request with any refused operation is answered HTTP 400 with the typed code of each
 * refusal. It runs after authentication and before the context is built: a refused operation
 * is never parsed, never executed and never reaches Sinch.
 */
export function registerTrustedDocumentsGate(app: FastifyInstance, options: { path: string; policy: TrustedOperationPolicy; fastPath?: GateFastPath }): void {
  const { fastPath } = options;
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== options.path || (request.method !== 'GET' && request.method !== 'POST')) return undefined;
    const decisions = operationsOf(request).map((operation) => (operation === 'ambiguous' ? ambiguous : resolveTrustedOperation(operation, options.policy)));
    const refusals = decisions.filter((decision): decision is Extract<TrustedOperationDecision, { kind: 'refused' }> => decision.kind === 'refused');
    if (refusals.length === 0) {
      // One trusted operation, not a batch: the fast path answers it when it can.
      const [decision] = decisions;
      const prepared = decision?.kind === 'trusted' && decisions.length === 1 && !Array.isArray(request.body) ? fastPath?.prepared.get(decision.document) : undefined;
      if (prepared !== undefined && fastPath !== undefined && (await fastPath.runner.run(request, reply, prepared))) return reply;
      return undefined;
    }
    request.log.info({ codes: refusals.map((refusal) => refusal.code) }, 'request refused: not a trusted document');
    await reply
      .code(400)
      .type('application/json; charset=utf-8')
      .send({ errors: refusals.map((refusal) => ({ message: refusal.message, extensions: { code: refusal.code } })) });
    return undefined;
  });
}

/** The trusted operations prepared at start-up, and the path that runs them without Apollo Server's pipeline. */
export interface GateFastPath {
  prepared: ReadonlyMap<TrustedDocument, PreparedOperation>;
  runner: TrustedFastPath;
}

/**
 * The Apollo Server half: a request the gate let through that names a manifest operation gets
 * that operation's text as its `query`, and loses its `persistedQuery` extension, so Apollo's
 * APQ cache is neither read nor written for it. Apollo then finds the prepared document in the
 * document store (trustedDocumentStore). Anything else is left as it came.
 */
export function trustedDocumentsPlugin<TContext extends object>(policy: TrustedOperationPolicy): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const decision = resolveTrustedOperation({ query: request.query, extensions: request.extensions, documentId: documentIdOf(request) }, policy);
      if (decision.kind === 'open') return;
      // A refusal cannot get here through the gate; should it, the request is left with nothing to run.
      request.query = decision.kind === 'trusted' ? decision.document.body : undefined;
      if (request.extensions?.['persistedQuery'] !== undefined) {
        const { persistedQuery: _persistedQuery, ...extensions } = request.extensions;
        request.extensions = extensions;
      }
    },
  };
}

const ambiguous: TrustedOperationDecision = { kind: 'refused', code: 'BAD_REQUEST', message: 'query, documentId and extensions may each be given once.' };

/** The operations of an HTTP request as the transport received them; Apollo refuses any other shape itself. */
function operationsOf(request: FastifyRequest): Array<OperationRequest | 'ambiguous'> {
  if (request.method === 'GET') {
    const parameters = (request.query ?? {}) as Record<string, unknown>;
    if (['query', 'documentId', 'extensions'].some((name) => Array.isArray(parameters[name]))) return ['ambiguous'];
    return [{ query: parameters['query'], documentId: parameters['documentId'], extensions: parsedJson(parameters['extensions']) }];
  }
  const bodies = Array.isArray(request.body) ? (request.body as unknown[]) : [request.body];
  return bodies.filter(isRecord).map((body) => ({ query: body['query'], documentId: body['documentId'], extensions: body['extensions'] }));
}

function documentIdOf(request: GraphQLRequest): unknown {
  const http = request.http;
  if (http === undefined) return undefined;
  if (http.method === 'GET') return new URLSearchParams(http.search).get('documentId') ?? undefined;
  return isRecord(http.body) ? http.body['documentId'] : undefined;
}

function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
