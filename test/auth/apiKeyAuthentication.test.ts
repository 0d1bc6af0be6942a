import { Writable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAIN_PROJECT_ENTRY, newApiKey, startTenantGateway } from '../support/startTenantGateway.js';
import type { TenantGateway } from '../support/startTenantGateway.js';

const NUMBERS = '{ numbers(first: 1) { nodes { phoneNumber } } }';

describe('Authentication: GATEWAY_AUTH=apiKey', () => {
  const current = newApiKey();
  const next = newApiKey();
  const logLines: string[] = [];
  let gateway: TenantGateway;

  beforeAll(async () => {
    gateway = await startTenantGateway({
      auth: 'apiKey',
      format: 'yaml',
      tenantsFile: {
        tenants: [{ id: 'acme', apiKeys: [{ id: 'acme-2026-01', sha256: current.sha256 }, { id: 'acme-2026-07', sha256: next.sha256 }], projects: [MAIN_PROJECT_ENTRY] }],
      },
      logDestination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString('utf8'));
          done();
        },
      }),
    });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSimulator());

  it('answers 401 UNAUTHENTICATED with a GraphQL-shaped body, reaching no upstream, without a key', async () => {
    const response = await gateway.query(NUMBERS);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="sinch-graphql-gateway"');
    expect(response.body).toEqual({
      errors: [{ message: 'An API key is required: send Authorization: Bearer <key> or x-api-key: <key>.', extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }],
    });
    expect(await gateway.simulatorRequests()).toEqual([]);
  });

  it.each([
    ['an unknown key', { authorization: `Bearer ${newApiKey().key}` }],
    ['a key too short to be generated', { 'x-api-key': 'short-key' }],
    ['a key under another scheme', { authorization: `Basic ${current.key}` }],
    ['an empty x-api-key', { 'x-api-key': '' }],
  ])('refuses %s with 401 and no upstream call', async (_case, headers) => {
    const response = await gateway.query(NUMBERS, undefined, headers);
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await gateway.simulatorRequests()).toEqual([]);
  });

  it('accepts the key as Authorization: Bearer and as x-api-key', async () => {
    const ways: Array<Record<string, string>> = [{ authorization: `Bearer ${current.key}` }, { 'x-api-key': current.key }];
    for (const headers of ways) {
      const response = await gateway.query(NUMBERS, undefined, headers);
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.['numbers']).toEqual({ nodes: [{ phoneNumber: expect.any(String) }] });
    }
  });

  it('accepts both keys of a tenant while one is being rotated', async () => {
    const response = await gateway.query(NUMBERS, undefined, { authorization: `Bearer ${next.key}` });
    expect(response.status).toBe(200);
  });

  it('leaves /health, /ready and /metrics open', async () => {
    for (const path of ['/health', '/ready', '/metrics']) {
      const response = await request(`${gateway.url}${path}`);
      await response.body.dump();
      expect({ path, status: response.statusCode }).toEqual({ path, status: 200 });
    }
  });

  it('serves the Sandbox page without a key, but no GET operation', async () => {
    const page = await request(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(await page.body.text()).toContain('<html');
    const operation = await request(`${gateway.url}/graphql?query=${encodeURIComponent(NUMBERS)}`, { headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' } });
    expect(operation.statusCode).toBe(401);
    await operation.body.dump();
    expect(await gateway.simulatorRequests()).toEqual([]);
  });

  it('never logs a key, whether it was accepted or refused', async () => {
    const refused = newApiKey().key;
    await gateway.query(NUMBERS, undefined, { authorization: `Bearer ${refused}` });
    await gateway.query(NUMBERS, undefined, { 'x-api-key': current.key });
    const logs = logLines.join('');
    expect(logs).toContain('"tenantId":"acme"');
    expect(logs).toContain('request refused: not authenticated');
    for (const key of [refused, current.key, next.key]) expect(logs).not.toContain(key);
  });
});
