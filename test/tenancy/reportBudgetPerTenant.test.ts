import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAIN_PROJECT_ENTRY, newApiKey, startTenantGateway } from '../support/startTenantGateway.js';
import type { TenantGateway } from '../support/startTenantGateway.js';

const START = 'mutation { startVerification(input: { phoneNumber: "+46701234567", method: SMS }) { id } }';
const REPORT = 'mutation ($id: ID!) { reportVerification(input: { id: $id, method: SMS, code: "0000" }) { status } }';

describe('Tenant isolation: the verification report budget', () => {
  const tenantA = newApiKey();
  const tenantB = newApiKey();
  let gateway: TenantGateway;

  beforeAll(async () => {
    // Both tenants act on the same Sinch project: only the gateway's own state could leak between them.
    const generous = { reportVerification: { requests: 100, perSeconds: 60 } };
    gateway = await startTenantGateway({
      auth: 'apiKey',
      tenantsFile: {
        tenants: [
          { id: 'tenant-a', apiKeys: [{ id: 'a-1', sha256: tenantA.sha256 }], projects: [MAIN_PROJECT_ENTRY], rateLimits: generous },
          { id: 'tenant-b', apiKeys: [{ id: 'b-1', sha256: tenantB.sha256 }], projects: [MAIN_PROJECT_ENTRY], rateLimits: generous },
        ],
      },
    });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSimulator());

  const reportPuts = async () => (await gateway.simulatorRequests('VERIFICATION')).filter((entry) => entry.method === 'PUT');

  it('is kept per tenant: tenant A spending a verification\'s budget does not spend tenant B\'s', async () => {
    const started = await gateway.query<{ startVerification: { id: string } }>(START, undefined, { 'x-api-key': tenantA.key });
    const id = started.body.data?.startVerification.id;
    expect(id).toEqual(expect.any(String));
    for (let attempt = 0; attempt < 5; attempt++) await gateway.query(REPORT, { id }, { 'x-api-key': tenantA.key });
    const refused = await gateway.query(REPORT, { id }, { 'x-api-key': tenantA.key });
    expect(refused.body.errors?.[0]?.message).toMatch(/^Too many reports for this verification/);
    expect(await reportPuts()).toHaveLength(5);

    const fromB = await gateway.query(REPORT, { id }, { 'x-api-key': tenantB.key });
    expect(fromB.body.errors?.[0]?.extensions?.['code']).not.toBe('RATE_LIMITED');
    expect(await reportPuts()).toHaveLength(6);
  });
});
