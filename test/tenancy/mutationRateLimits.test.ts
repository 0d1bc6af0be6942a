import { describe, expect, it } from 'vitest';
import { MAIN_PROJECT_ENTRY, newApiKey, SECOND_PROJECT_ENTRY } from '../support/startTenantGateway.js';
import { useTenantGateway } from './useTenantGateway.js';

const RENT_ANY_INPUT = 'input: { regionCode: "US", type: LOCAL, capabilities: [SMS], pattern: { pattern: "1415", searchPattern: START } }';
const RENT_ANY_ROUTE = 'POST /v1/projects/{projectId}/availableNumbers:rentAny';

function aliasedRentAny(count: number): string {
  const fields = Array.from({ length: count }, (_, index) => `rent${index + 1}: rentAnyNumber(${RENT_ANY_INPUT}) { phoneNumber }`);
  return `mutation { ${fields.join(' ')} }`;
}

describe('Rate limits: sensitive mutations, per tenant, per field execution', () => {
  const limited = newApiKey();
  const other = newApiKey();
  const setup = useTenantGateway({
    auth: 'apiKey',
    tenantsFile: {
      tenants: [
        { id: 'limited', apiKeys: [{ id: 'l-1', sha256: limited.sha256 }], projects: [MAIN_PROJECT_ENTRY], rateLimits: { rentAnyNumber: { requests: 5, perSeconds: 3600 } } },
        { id: 'other', apiKeys: [{ id: 'o-1', sha256: other.sha256 }], projects: [SECOND_PROJECT_ENTRY] },
      ],
    },
  });

  const rentCalls = async () => (await setup.gateway.simulatorRequests('NUMBERS')).filter((entry) => entry.route === RENT_ANY_ROUTE);

  it('counts aliases: 7 aliased rentAnyNumber fields with a limit of 5 make 5 upstream rents, then RATE_LIMITED at the alias', async () => {
    const response = await setup.gateway.query(aliasedRentAny(7), undefined, { 'x-api-key': limited.key });
    expect(await rentCalls()).toHaveLength(5);
    // rentAnyNumber is `Number!` and mutation fields run one after another: the first refused
    // field nulls `data` and graphql-js runs no later mutation field, so rent7 never executes.
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      {
        message: expect.stringMatching(/^Too many rentAnyNumber calls: at most 5 every 3600 seconds\. Try again in \d+ seconds\.$/),
        locations: expect.any(Array),
        path: ['rent6'],
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number), requestId: expect.any(String) },
      },
    ]);
    const retryAfterSeconds = response.body.errors?.[0]?.extensions?.['retryAfterSeconds'] as number;
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(720);

    const next = await setup.gateway.query(aliasedRentAny(1), undefined, { 'x-api-key': limited.key });
    expect(next.body.errors).toEqual([expect.objectContaining({ path: ['rent1'], extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })]);
    expect(await rentCalls()).toHaveLength(5);
  });

  it('keeps one tenant\'s buckets away from another\'s', async () => {
    const response = await setup.gateway.query(aliasedRentAny(2), undefined, { 'x-api-key': other.key });
    expect(response.body.errors).toBeUndefined();
    expect(await rentCalls()).toHaveLength(2);
  });

  it('refuses with RATE_LIMITED before any upstream call when the bucket is empty', async () => {
    const response = await setup.gateway.query(`mutation { releaseNumber(phoneNumber: "+12015550100") { phoneNumber } rentAnyNumber(${RENT_ANY_INPUT}) { phoneNumber } }`, undefined, {
      'x-api-key': limited.key,
    });
    expect(response.body.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([[['rentAnyNumber'], 'RATE_LIMITED']]);
    expect(await rentCalls()).toEqual([]);
  });

  it('limits provisioningReport (a query) to two per minute by default: the third is RATE_LIMITED before any list call', async () => {
    const report = '{ provisioningReport { scannedCount } }';
    const listCalls = async () => (await setup.gateway.simulatorRequests('NUMBERS')).filter((entry) => entry.route === 'GET /v1/projects/{projectId}/activeNumbers');
    for (const attempt of [1, 2]) {
      const allowed = await setup.gateway.query(report, undefined, { 'x-api-key': other.key });
      expect(allowed.body.errors, `attempt ${attempt}`).toBeUndefined();
    }
    const before = (await listCalls()).length;
    const refused = await setup.gateway.query(report, undefined, { 'x-api-key': other.key });
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Too many provisioningReport calls: at most 2 every 60 seconds\./),
        path: ['provisioningReport'],
        extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) }),
      }),
    ]);
    expect(await listCalls()).toHaveLength(before);
    const elsewhere = await setup.gateway.query(report, undefined, { 'x-api-key': limited.key });
    expect(elsewhere.body.errors).toBeUndefined();
  });

  it('limits bulk resubmission, dry runs included, to two per minute by default', async () => {
    const bulk = 'mutation { resubmitFailedProvisioning(dryRun: true) { outcomes { phoneNumber } } }';
    for (const attempt of [1, 2]) {
      const allowed = await setup.gateway.query(bulk, undefined, { 'x-api-key': other.key });
      expect(allowed.body.errors, `attempt ${attempt}`).toBeUndefined();
    }
    const refused = await setup.gateway.query(bulk, undefined, { 'x-api-key': other.key });
    expect(refused.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['RATE_LIMITED']);
  });
});
