import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

const MISSPELLED = '{ numbrs { totalCount } }';
const INTROSPECTION = '{ __schema { queryType { name } } }';

/** What `GET /graphql` answers a browser: Sandbox's HTML when the landing page is on. */
async function landingPage(gateway: TestGateway): Promise<{ status: number; html: string }> {
  const response = await request(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
  return { status: response.statusCode, html: await response.body.text() };
}

describe('NODE_ENV=production: the schema is not disclosed', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true' } });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('hides field suggestions ("Did you mean")', async () => {
    const response = await gateway.query(MISSPELLED);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe('Cannot query field "numbrs" on type "Query".');
  });

  it('refuses introspection', async () => {
    const response = await gateway.query(INTROSPECTION);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/Introspection is off on this gateway \(GRAPHQL_INTROSPECTION/);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_DISABLED' });
    // Through a fragment, by __type, or by a field of an introspection type reached otherwise.
    for (const document of ['{ ... on Query { __schema { types { name } } } }', '{ __type(name: "Query") { name } }', 'fragment F on Query { __schema { queryType { name } } } { ...F }']) {
      expect((await gateway.query(document)).body.errors?.[0]?.extensions).toMatchObject({ reason: 'INTROSPECTION_DISABLED' });
    }
    expect((await gateway.query('{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves no landing page', async () => {
    const page = await landingPage(gateway);
    expect(page.html).not.toMatch(/<html/i);
  });
});

describe('NODE_ENV=production with GRAPHQL_INTROSPECTION and GRAPHQL_LANDING_PAGE on', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'production', GATEWAY_AUTH: 'none', SINCH_SIMULATOR: 'true', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_LANDING_PAGE: 'true' } });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('allows introspection and serves Sandbox, but still hides suggestions', async () => {
    expect((await gateway.query(INTROSPECTION)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await landingPage(gateway)).html).toMatch(/<html/i);
    expect((await gateway.query(MISSPELLED)).body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('Outside production: the schema helps the developer', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { NODE_ENV: 'development' } });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('suggests fields, allows introspection and serves Sandbox', async () => {
    expect((await gateway.query(MISSPELLED)).body.errors?.[0]?.message).toMatch(/Did you mean "numbers"/);
    expect((await gateway.query(INTROSPECTION)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await landingPage(gateway);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<html/i);
  });
});
