import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authenticator } from './Authenticator.js';

export interface Authentication {
  /** The tenant the request authenticated as; undefined when the hook did not run for it. */
  tenantOf(request: FastifyRequest): string | undefined;
}

/**
 * Authenticates every request to `path` before its body is read, so an anonymous caller costs
 * no parsing and reaches neither Apollo nor any upstream. A refusal is HTTP 401 with a GraphQL-
 * shaped body (`errors[0].extensions.code = UNAUTHENTICATED`) that clients can handle like any
 * other error. Other routes (`/health`, `/ready`, `/metrics`) are not touched: probes and
 * scrapers carry no tenant credentials. Keys and tokens are never logged: the hook logs the
 * outcome and the tenant only.
 */
export function registerAuthentication(app: FastifyInstance, authenticator: Authenticator, options: { path: string; landingPage: boolean }): Authentication {
  const tenants = new WeakMap<FastifyRequest, string>();
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== options.path || (options.landingPage && isLandingPageRequest(request))) return;
    const result = await authenticator.authenticate(request.headers);
    if (result.kind === 'authenticated') {
      tenants.set(request, result.tenantId);
      // Every later line of the request (resolvers, "request completed") names the tenant.
      request.log = request.log.child({ tenantId: result.tenantId });
      reply.log = request.log;
      return;
    }
    request.log.info({ reason: result.reason }, 'request refused: not authenticated');
    await reply
      .code(401)
      .header('www-authenticate', authenticator.challenge)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message: result.reason, extensions: { code: 'UNAUTHENTICATED', requestId: request.id } }] });
  });
  return { tenantOf: (request) => tenants.get(request) };
}

/**
 * The Sandbox page (`GET /graphql` asking for HTML, when `GRAPHQL_LANDING_PAGE` is on) holds no
 * data; it must load before the user can type a key into it. Only a GET that carries nothing to
 * execute (no `query`, no persisted-query `extensions`) is let through: should Apollo decide not
 * to serve the page, there is no operation to run, and the context refuses anyway.
 */
function isLandingPageRequest(request: FastifyRequest): boolean {
  const query = (request.query ?? {}) as Record<string, unknown>;
  return request.method === 'GET' && (request.headers.accept ?? '').includes('text/html') && query['query'] === undefined && query['extensions'] === undefined;
}
