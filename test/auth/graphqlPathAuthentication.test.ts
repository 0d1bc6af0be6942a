import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAIN_PROJECT_ENTRY, newApiKey, startTenantGateway } from '../support/startTenantGateway.js';
import type { TenantGateway } from '../support/startTenantGateway.js';

const QUERY = '{ numbers(first: 1) { nodes { phoneNumber } } }';
const Q = encodeURIComponent(QUERY);
const JSON_FIRST = 'application/json, text/html;q=0.5';

interface Shape {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

async function send(gateway: TenantGateway, shape: Shape, credentials: Record<string, string> = {}) {
  const response = await request(`${gateway.url}${shape.path}`, {
    method: shape.method as 'GET',
    headers: { ...shape.headers, ...credentials },
    ...(shape.body === undefined ? {} : { body: shape.body }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, text, contentType: String(response.headers['content-type'] ?? '') };
}

/** Every shape of request to the GraphQL path a client might try without credentials. */
const SHAPES: Array<[string, Shape]> = [
  ['GET query[] preferring JSON over HTML', { method: 'GET', path: `/graphql?query[]=${Q}`, headers: { accept: JSON_FIRST } }],
  ['GET query[] asking for HTML only', { method: 'GET', path: `/graphql?query[]=${Q}`, headers: { accept: 'text/html' } }],
  ['GET query asking for HTML only', { method: 'GET', path: `/graphql?query=${Q}`, headers: { accept: 'text/html' } }],
  ['GET a duplicated query', { method: 'GET', path: `/graphql?query=${Q}&query=${Q}`, headers: { accept: JSON_FIRST } }],
  ['GET an empty query', { method: 'GET', path: '/graphql?query=', headers: { accept: JSON_FIRST } }],
  ['GET extensions only', { method: 'GET', path: '/graphql?extensions=%7B%7D', headers: { accept: 'text/html' } }],
  ['GET query[key]', { method: 'GET', path: `/graphql?query[a]=${Q}`, headers: { accept: JSON_FIRST } }],
  ['GET without a query, preferring JSON', { method: 'GET', path: '/graphql', headers: { accept: JSON_FIRST } }],
  ['GET without a query or Accept', { method: 'GET', path: '/graphql' }],
  ['GET without a query, Accept */*', { method: 'GET', path: '/graphql', headers: { accept: '*/*' } }],
  ['GET with a trailing slash', { method: 'GET', path: `/graphql/?query=${Q}`, headers: { accept: JSON_FIRST } }],
  ['GET in capitals', { method: 'GET', path: `/GRAPHQL?query=${Q}` }],
  ['GET with a percent-encoded letter', { method: 'GET', path: `/%67raphql?query=${Q}`, headers: { accept: JSON_FIRST } }],
  ['GET with a double slash', { method: 'GET', path: `//graphql?query=${Q}`, headers: { accept: JSON_FIRST } }],
  ['HEAD asking for HTML', { method: 'HEAD', path: '/graphql', headers: { accept: 'text/html' } }],
  ['HEAD with a query', { method: 'HEAD', path: `/graphql?query=${Q}` }],
  ['OPTIONS', { method: 'OPTIONS', path: '/graphql', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }],
  ['PUT', { method: 'PUT', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) }],
  ['DELETE', { method: 'DELETE', path: `/graphql?query=${Q}` }],
  ['PATCH', { method: 'PATCH', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) }],
  ['POST JSON', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) }],
  ['POST JSON asking for HTML', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', accept: 'text/html' }, body: JSON.stringify({ query: QUERY }) }],
  ['POST text/plain', { method: 'POST', path: '/graphql', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: QUERY }) }],
  ['POST a form', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${Q}` }],
  ['POST with a query string', { method: 'POST', path: `/graphql?query=${Q}`, headers: { 'content-type': 'application/json' }, body: '{}' }],
  ['POST a batch', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: QUERY }]) }],
  ['POST without a body', { method: 'POST', path: '/graphql' }],
];

describe('Authentication: every request to /graphql, whatever its shape', () => {
  const key = newApiKey();
  let gateway: TenantGateway;

  beforeAll(async () => {
    gateway = await startTenantGateway({
      auth: 'apiKey',
      env: { GRAPHQL_LANDING_PAGE: 'true' },
      tenantsFile: { tenants: [{ id: 'acme', apiKeys: [{ id: 'acme-1', sha256: key.sha256 }], projects: [MAIN_PROJECT_ENTRY] }] },
    });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSimulator());

  it.each(SHAPES)('answers %s without credentials with 401 UNAUTHENTICATED, reaching no upstream', async (_name, shape) => {
    const response = await send(gateway, shape);
    expect(response.status).toBe(401);
    if (shape.method !== 'HEAD') expect(JSON.parse(response.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await gateway.simulatorRequests()).toEqual([]);
  });

  it('serves the Sandbox page, and only the page, to a GET that prefers HTML and carries nothing', async () => {
    const response = await send(gateway, { method: 'GET', path: '/graphql', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('text/html');
    expect(await gateway.simulatorRequests()).toEqual([]);
  });

  /** Malformed shapes, with valid credentials: a typed 4xx, never a 500. */
  const MALFORMED: Array<[string, Shape]> = [
    ['GET query[]', { method: 'GET', path: `/graphql?query[]=${Q}`, headers: { accept: JSON_FIRST, 'apollo-require-preflight': 'true' } }],
    ['GET query[key]', { method: 'GET', path: `/graphql?query[a]=${Q}`, headers: { accept: JSON_FIRST, 'apollo-require-preflight': 'true' } }],
    ['GET an empty query', { method: 'GET', path: '/graphql?query=', headers: { accept: JSON_FIRST, 'apollo-require-preflight': 'true' } }],
    ['GET variables that are not JSON', { method: 'GET', path: `/graphql?query=${Q}&variables=%7Bnot`, headers: { 'apollo-require-preflight': 'true' } }],
    ['GET extensions that are not JSON', { method: 'GET', path: `/graphql?query=${Q}&extensions=%5B`, headers: { 'apollo-require-preflight': 'true' } }],
    ['GET without a query', { method: 'GET', path: '/graphql', headers: { accept: JSON_FIRST, 'apollo-require-preflight': 'true' } }],
    ['POST a query that is a number', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: '{"query":5}' }],
    ['POST a query that is a list', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: [QUERY] }) }],
    ['POST variables that are a list', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: [1] }) }],
    ['POST a batch', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: QUERY }]) }],
    ['POST JSON that does not parse', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: '{"query":' }],
    ['POST a JSON string', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: '"x"' }],
    ['POST null', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: 'null' }],
    ['POST without a body', { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' } }],
  ];

  it.each(MALFORMED)('answers %s, authenticated, with a typed 4xx and no upstream call', async (_name, shape) => {
    const response = await send(gateway, shape, { authorization: `Bearer ${key.key}` });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await gateway.simulatorRequests()).toEqual([]);
  });
});
