import { describe, expect, it } from 'vitest';
import { MAIN_PROJECT_ENTRY, newApiKey } from '../support/startTenantGateway.js';
import { useTenantGateway } from './useTenantGateway.js';

const START = 'mutation { startVerification(input: { phoneNumber: "+46701234567", method: SMS }) { id } }';
const REPORT = 'mutation ($id: ID!) { reportVerification(input: { id: $id, method: SMS, code: "0000" }) { status } }';

describe('Tenant isolation: the verification report budget', () => {
  const tenantA = newApiKey();
  const tenantB = newApiKey();
  // Both tenants act on the same Sinch project: only the gateway's own state could leak between them.
  const generous = { reportVerification: { requests: 100, perSeconds: 60 } };
  const setup = useTenantGateway({
    auth: 'apiKey',
    tenantsFile: {
      tenants: [
        { id: 'tenant-a', apiKeys: [{ id: 'a-1', sha256: tenantA.sha256 }], projects: [MAIN_PROJECT_ENTRY], rateLimits: generous },
        { id: 'tenant-b', apiKeys: [{ id: 'b-1', sha256: tenantB.sha256 }], projects: [MAIN_PROJECT_ENTRY], rateLimits: generous },
      ],
    },
  });

  const reportPuts = async () => (await setup.gateway.simulatorRequests('VERIFICATION')).filter((entry) => entry.method === 'PUT');

  it('is kept per tenant: tenant A spending a verification\'s budget does not spend tenant B\'s', async () => {
    const started = await setup.gateway.query<{ startVerification: { id: string } }>(START, undefined, { 'x-api-key': tenantA.key });
    const id = started.body.data?.startVerification.id;
    expect(id).toEqual(expect.any(String));
    for (let attempt = 0; attempt < 5; attempt++) await setup.gateway.query(REPORT, { id }, { 'x-api-key': tenantA.key });
    const refused = await setup.gateway.query(REPORT, { id }, { 'x-api-key': tenantA.key });
    expect(refused.body.errors?.[0]?.message).toMatch(/^Too many reports for this verification/);
    expect(await reportPuts()).toHaveLength(5);

    const fromB = await setup.gateway.query(REPORT, { id }, { 'x-api-key': tenantB.key });
    expect(fromB.body.errors?.[0]?.extensions?.['code']).not.toBe('RATE_LIMITED');
    expect(await reportPuts()).toHaveLength(6);
  });
});
