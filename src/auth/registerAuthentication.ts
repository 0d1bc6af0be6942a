import type { FastifyInstance, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
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
 *
 * "A request to `path`" is the route Fastify matched or the raw URL (percent-decoded): a method
 * with no route (OPTIONS, PUT, DELETE...), a trailing slash, an encoded letter or another
 * letter case is authenticated too, before the router answers 404, so no shape of request to
 * the GraphQL path is ever answered without credentials except the landing page below.
 */
export function registerAuthentication(app: FastifyInstance, authenticator: Authenticator, options: { path: string; landingPage: boolean }): Authentication {
  const tenants = new WeakMap<FastifyRequest, string>();
  const path = normalisedPath(options.path);
  app.addHook('onRequest', async (request, reply) => {
    const forPath = request.routeOptions.url === options.path || normalisedPath(request.url) === path;
    if (!forPath || (options.landingPage && isLandingPageRequest(request))) return;
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

/** The path of a raw request URL, percent-decoded, without its query, repeated or trailing slashes or letter case. */
function normalisedPath(url: string): string {
  const pathname = url.split('?', 1)[0] ?? '';
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Not valid percent-encoding: compared as it is.
  }
  return decoded.replace(/\/{2,}/g, '/').replace(/\/+$/, '').toLowerCase();
}

/** What Apollo Server weighs HTML against when it decides to serve the landing page. */
const GRAPHQL_MEDIA_TYPES = [
  'application/json',
  'application/graphql-response+json',
  'multipart/mixed; deferSpec=20220824',
  'multipart/mixed; incrementalSpec=v0.2',
  'multipart/mixed',
];

/**
 * The Sandbox page (`GET /graphql`, when `GRAPHQL_LANDING_PAGE` is on) holds no data; it must
 * load before the user can type a key into it. Only a request Apollo Server is certain to
 * answer with the page and nothing else is let through: a GET with no query string at all
 * (not an empty `query`, not `query[]`, not `extensions`) whose Accept header prefers HTML by
 * the same negotiation Apollo makes. Anything else (`Accept: application/json, text/html;q=0.5`,
 * a HEAD, a query string of any shape) is authenticated.
 */
function isLandingPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' || request.url.includes('?')) return false;
  const accept = request.headers.accept;
  if (accept === undefined || accept === '') return false;
  return new Negotiator({ headers: { accept } }).mediaType([...GRAPHQL_MEDIA_TYPES, 'text/html']) === 'text/html';
}
