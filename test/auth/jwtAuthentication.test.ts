import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAIN_PROJECT_ENTRY, startTenantGateway } from '../support/startTenantGateway.js';
import type { TenantGateway } from '../support/startTenantGateway.js';
import { startJwksServer } from '../support/startJwksServer.js';
import type { JwksServer } from '../support/startJwksServer.js';

const NUMBERS = '{ numbers(first: 1) { nodes { phoneNumber } } }';

describe('Authentication: GATEWAY_AUTH=jwt', () => {
  let identityProvider: JwksServer;
  let gateway: TenantGateway;

  beforeAll(async () => {
    identityProvider = await startJwksServer();
    gateway = await startTenantGateway({
      auth: 'jwt',
      tenantsFile: { tenants: [{ id: 'acme', projects: [MAIN_PROJECT_ENTRY] }] },
      env: {
        GATEWAY_JWT_ISSUER: identityProvider.issuer,
        GATEWAY_JWT_AUDIENCE: identityProvider.audience,
        GATEWAY_JWKS_URL: identityProvider.jwksUrl,
        GATEWAY_JWT_TENANT_CLAIM: 'https://example.com/tenant',
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await identityProvider.close();
  });
  beforeEach(() => gateway.resetSimulator());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('serves a token signed by a JWKS key, with this issuer and audience, naming a tenant in the configured claim', async () => {
    const token = await identityProvider.sign({ sub: 'user-1', 'https://example.com/tenant': 'acme' });
    const response = await gateway.query(NUMBERS, undefined, bearer(token));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['numbers']).toEqual({ nodes: [{ phoneNumber: expect.any(String) }] });
    expect(identityProvider.fetches()).toBe(1);
  });

  const refusals: Array<[string, () => Promise<string>]> = [
    ['another issuer', () => identityProvider.sign({ 'https://example.com/tenant': 'acme' }, { issuer: 'https://evil.example.com/' })],
    ['another audience', () => identityProvider.sign({ 'https://example.com/tenant': 'acme' }, { audience: 'another-api' })],
    ['an expired token', () => identityProvider.sign({ 'https://example.com/tenant': 'acme' }, { expiresIn: Math.floor(Date.now() / 1000) - 120 })],
    ['a key the JWKS does not publish', async () => identityProvider.sign({ 'https://example.com/tenant': 'acme' }, { key: await identityProvider.unpublishedKey() })],
    ['an unknown tenant', () => identityProvider.sign({ 'https://example.com/tenant': 'globex' })],
    ['no tenant claim', () => identityProvider.sign({ tenant: 'acme' })],
    ['an unsigned token', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"https://example.com/tenant":"acme"}').toString('base64url')}.`],
    ['garbage', async () => 'not-a-jwt'],
  ];

  it.each(refusals)('refuses %s with 401 UNAUTHENTICATED and no upstream call', async (_case, token) => {
    const response = await gateway.query(NUMBERS, undefined, bearer(await token()));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="sinch-graphql-gateway"');
    expect(response.body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }]);
    expect(await gateway.simulatorRequests()).toEqual([]);
  });

  it('refuses a request without a bearer token', async () => {
    const response = await gateway.query(NUMBERS);
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.message).toBe('A bearer token is required: send Authorization: Bearer <JWT>.');
  });
});
