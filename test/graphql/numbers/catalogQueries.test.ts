import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { startNumbersTestGateway } from './numbersTestGateway.js';
import type { NumbersTestGateway } from './numbersTestGateway.js';

const AVAILABLE_FIELDS = 'phoneNumber regionCode type capabilities setupPrice { currencyCode amount } monthlyPrice { currencyCode amount } paymentIntervalMonths supportingDocumentationRequired';

describe('Catalogue queries: available numbers and regions', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  it('availableNumbers searches by region, type, capabilities and pattern', async () => {
    const response = await gateway.query<{ availableNumbers: Array<Record<string, unknown>> }>(
      `{ availableNumbers(regionCode: "US", type: LOCAL, capabilities: [SMS, VOICE], pattern: { pattern: "1201", searchPattern: START }, size: 4) { ${AVAILABLE_FIELDS} } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const found = response.body.data?.availableNumbers ?? [];
    expect(found).toHaveLength(4);
    expect(found[0]).toEqual({
      phoneNumber: expect.stringMatching(/^\+1201/),
      regionCode: 'US',
      type: 'LOCAL',
      capabilities: ['SMS', 'VOICE'],
      setupPrice: { currencyCode: expect.any(String), amount: expect.any(String) },
      monthlyPrice: { currencyCode: expect.any(String), amount: '1.00' },
      paymentIntervalMonths: 1,
      supportingDocumentationRequired: true,
    });
    expect((await gateway.admin.requests('NUMBERS'))[0]?.query).toMatchObject({ capabilities: ['SMS', 'VOICE'] });
  });

  it.each([0, 101])('availableNumbers refuses size: %i before any call', async (size) => {
    const response = await gateway.query(`query($size: Int) { availableNumbers(regionCode: "US", type: LOCAL, size: $size) { phoneNumber } }`, { size });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'size' });
    expect(await gateway.numbersCalls()).toEqual([]);
  });

  it('availableNumber returns an available number, and null for one that is not available (404)', async () => {
    const search = await gateway.query<{ availableNumbers: Array<{ phoneNumber: string }> }>(`{ availableNumbers(regionCode: "GB", type: MOBILE, size: 1) { phoneNumber } }`);
    const candidate = search.body.data?.availableNumbers[0]?.phoneNumber;
    const response = await gateway.query(
      `query($free: PhoneNumber!, $taken: PhoneNumber!) { free: availableNumber(phoneNumber: $free) { phoneNumber type } taken: availableNumber(phoneNumber: $taken) { phoneNumber } }`,
      { free: candidate, taken: SEEDED_PHONE_NUMBERS.provisioned[0] },
    );
    expect(response.body).toEqual({ data: { free: { phoneNumber: candidate, type: 'MOBILE' }, taken: null } });
  });

  it('availableRegions lists the regions offering the given types', async () => {
    const response = await gateway.query<{ availableRegions: Array<{ regionCode: string; regionName: string; types: string[] }> }>(
      `{ availableRegions(types: [MOBILE]) { regionCode regionName types } }`,
    );
    const regions = response.body.data?.availableRegions ?? [];
    expect(regions.map((region) => region.regionCode)).toEqual(expect.arrayContaining(['GB', 'SE']));
    expect(regions.every((region) => region.types.includes('MOBILE'))).toBe(true);
    expect(regions.find((region) => region.regionCode === 'GB')?.regionName).toEqual(expect.any(String));
    expect((await gateway.admin.requests('NUMBERS'))[0]?.query).toEqual({ types: 'MOBILE' });
  });
});

describe('Callback configuration: the HMAC secret is write-only', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  const SECRET = 'Gateway-Test-Secret-0123456789abcdef';

  it('callbackConfiguration says whether a secret is set, never what it is', async () => {
    const response = await gateway.query(`{ callbackConfiguration { projectId hmacSecretConfigured } }`);
    expect(response.body).toEqual({ data: { callbackConfiguration: { projectId: SIMULATOR_PROJECT_ID, hmacSecretConfigured: true } } });
    const asked = await gateway.query(`{ callbackConfiguration { hmacSecret } }`);
    expect(asked.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('updateCallbackConfiguration sets the secret and does not return it', async () => {
    const response = await gateway.query(`mutation($s: String!) { updateCallbackConfiguration(hmacSecret: $s) { projectId hmacSecretConfigured } }`, { s: SECRET });
    expect(response.body).toEqual({ data: { updateCallbackConfiguration: { projectId: SIMULATOR_PROJECT_ID, hmacSecretConfigured: true } } });
    expect(JSON.stringify(response.body)).not.toContain(SECRET);
    expect(await gateway.numbersCalls()).toEqual(['PATCH /v1/projects/{projectId}/callbackConfiguration']);
  });

  it.each(['too-short', 'x'.repeat(65), `${'a'.repeat(31)}_`, `${'a'.repeat(31)}/`])(
    'updateCallbackConfiguration refuses the secret %j before any call, without echoing it',
    async (secret) => {
      const response = await gateway.query(`mutation($s: String!) { updateCallbackConfiguration(hmacSecret: $s) { hmacSecretConfigured } }`, { s: secret });
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'hmacSecret' });
      expect(response.body.errors?.[0]?.message).not.toContain(secret);
      expect(await gateway.numbersCalls()).toEqual([]);
    },
  );
});
