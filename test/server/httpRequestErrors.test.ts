import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';

/** An operation that would call the Numbers API if it ran: every refusal below must reach no upstream. */
const UPSTREAM_QUERY = '{ number(phoneNumber: "+12015550100") { phoneNumber } }';
const QUERY = JSON.stringify({ query: UPSTREAM_QUERY });

describe('HTTP request errors: every refusal is a GraphQL-shaped JSON error with the request id', () => {
  let gateway: TestGateway;

  const send = async (options: { method?: 'GET' | 'POST'; path?: string; headers?: Record<string, string>; body?: string }) => {
    const response = await request(`${gateway.url}${options.path ?? '/graphql'}`, { method: options.method ?? 'POST', headers: options.headers, body: options.body });
    const body = (await response.body.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; data?: unknown };
    return { status: response.statusCode, requestIdHeader: response.headers['x-request-id'], body };
  };

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { GRAPHQL_MAX_REQUEST_BYTES: '1024' } });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it.each([
    ['an oversized body', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: UPSTREAM_QUERY, padding: 'x'.repeat(2048) }) }, 413, /larger than the limit of 1024 bytes/],
    ['malformed JSON', { headers: { 'content-type': 'application/json' }, body: '{"query": ' }, 400, /not valid JSON/],
    ['an unsupported content type', { headers: { 'content-type': 'application/xml' }, body: '<query/>' }, 415, /Unsupported content type/],
    ['a POST without a content type', { body: QUERY }, 415, /Unsupported content type/],
    ['a text/plain POST without a preflight header (CSRF prevention)', { headers: { 'content-type': 'text/plain' }, body: QUERY }, 400, /Cross-Site Request Forgery/],
    ['a GET without a preflight header (CSRF prevention)', { method: 'GET' as const, path: `/graphql?query=${encodeURIComponent(UPSTREAM_QUERY)}` }, 400, /Cross-Site Request Forgery/],
    ['a batch (a JSON array body)', { headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: UPSTREAM_QUERY }, { query: UPSTREAM_QUERY }]) }, 400, /batching disabled/],
  ])('refuses %s, reaching no upstream', async (_case, options, status, message) => {
    const admin = new SimulatorAdmin(gateway.simulatorUrl);
    await admin.clearRequests();
    const response = await send(options);
    expect(await admin.requests('NUMBERS')).toEqual([]);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ errors: [{ message: expect.stringMatching(message), extensions: { code: 'BAD_REQUEST', requestId: response.requestIdHeader } }] });
    expect(response.body.data).toBeUndefined();
  });

  it('runs a GET query that carries the preflight header', async () => {
    const response = await send({ method: 'GET', path: '/graphql?query=%7B__typename%7D', headers: { 'apollo-require-preflight': 'true' } });
    expect(response).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});

describe('Request ids: in the x-request-id header and in every error', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('generates an id per request, sends it as x-request-id and puts it in each error', async () => {
    const first = await gateway.query('{ numbrs }');
    const second = await gateway.query('{ numbrs }');
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    expect(first.body.errors?.[0]?.extensions?.['requestId']).toBe(first.headers['x-request-id']);
  });

  it("keeps a well-formed incoming x-request-id (a load balancer's) and replaces a malformed one", async () => {
    const kept = await gateway.query('{ numbrs }', undefined, { 'x-request-id': 'lb-trace.0123_abc' });
    expect(kept.headers['x-request-id']).toBe('lb-trace.0123_abc');
    expect(kept.body.errors?.[0]?.extensions?.['requestId']).toBe('lb-trace.0123_abc');
    const replaced = await gateway.query('{ __typename }', undefined, { 'x-request-id': 'not valid\u00e9'.padEnd(80, '!') });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the request id in the errors of an operation that executed (HTTP 200)', async () => {
    const admin = new SimulatorAdmin(gateway.simulatorUrl);
    await admin.addFault({ path: '/activeNumbers', status: 400, times: 0 });
    const response = await gateway.query('{ numbers(first: 1) { totalCount } __typename }');
    await admin.clearFaults();
    expect(response.status).toBe(200);
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: response.headers['x-request-id'] });
  });
});
