import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS, SEED_SERVICE_PLAN_IDS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { SEEDED_TRUNK_IDS } from '../../../src/simulator/simulatorCredentials.js';
import { ROUTES, startNumbersTestGateway } from './numbersTestGateway.js';
import type { NumbersTestGateway } from './numbersTestGateway.js';

const NUMBER_FIELDS = /* GraphQL */ `
  phoneNumber displayName callbackUrl expireAt type capabilities
  sms { servicePlanId campaignId scheduledProvisioning { status servicePlanId campaignId } }
  voice { type appId trunkId scheduledProvisioning { type status trunkId } }
`;
const UPDATE = `mutation($input: UpdateNumberInput!) { updateNumber(input: $input) { ${NUMBER_FIELDS} } }`;

describe('Number mutations', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  const [phoneNumber] = SEEDED_PHONE_NUMBERS.provisioned;

  it('updateNumber changes the display name and callback URL at once', async () => {
    const response = await gateway.query(UPDATE, { input: { phoneNumber, displayName: 'Reception', callbackUrl: 'https://example.com/numbers' } });
    expect(response.body.data?.['updateNumber']).toMatchObject({ displayName: 'Reception', callbackUrl: 'https://example.com/numbers' });
    expect(await gateway.numbersCalls()).toEqual([ROUTES.updateActiveNumber]);
  });

  it('updateNumber schedules an SMS change, keeping the current values until it succeeds', async () => {
    const response = await gateway.query(UPDATE, { input: { phoneNumber, sms: { servicePlanId: SEED_SERVICE_PLAN_IDS[1] } } });
    expect(response.body.data?.['updateNumber']).toMatchObject({
      sms: { servicePlanId: SEED_SERVICE_PLAN_IDS[0], scheduledProvisioning: { status: 'WAITING', servicePlanId: SEED_SERVICE_PLAN_IDS[1], campaignId: null } },
    });
  });

  it('updateNumber moves a number to an Elastic SIP trunk', async () => {
    const response = await gateway.query(UPDATE, { input: { phoneNumber, voice: { type: 'EST', trunkId: SEEDED_TRUNK_IDS[1] } } });
    expect(response.body.data?.['updateNumber']).toMatchObject({
      voice: { type: 'RTC', scheduledProvisioning: { type: 'EST', status: 'WAITING', trunkId: SEEDED_TRUNK_IDS[1] } },
    });
    await gateway.admin.advance(phoneNumber);
    await gateway.admin.advance(phoneNumber);
    const after = await gateway.query(`query($n: PhoneNumber!) { number(phoneNumber: $n) { voice { type trunkId appId scheduledProvisioning { status } } } }`, { n: phoneNumber });
    expect(after.body.data?.['number']).toEqual({ voice: { type: 'EST', trunkId: SEEDED_TRUNK_IDS[1], appId: null, scheduledProvisioning: null } });
  });

  it.each([
    ['nothing to change', { phoneNumber }, 'input'],
    ['an EST voice input with an appId', { phoneNumber, voice: { type: 'EST', appId: 'app' } }, 'input.voice'],
    ['a voice input with two identifiers', { phoneNumber, voice: { type: 'RTC', appId: 'app', trunkId: SEEDED_TRUNK_IDS[0] } }, 'input.voice'],
    ['a FAX voice input without its serviceId', { phoneNumber, voice: { type: 'FAX' } }, 'input.voice'],
  ])('updateNumber refuses %s with BAD_USER_INPUT before any call', async (_label, input, argumentName) => {
    const response = await gateway.query(UPDATE, { input });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(await gateway.numbersCalls()).toEqual([]);
  });

  it('updateNumber reports a number that is not the project\'s as NOT_FOUND', async () => {
    const response = await gateway.query(UPDATE, { input: { phoneNumber: '+19995550100', displayName: 'x' } });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { service: 'NUMBERS', httpStatus: 404 } });
  });

  it('releaseNumber returns the number with its expiry date', async () => {
    const response = await gateway.query(`mutation($n: PhoneNumber!) { releaseNumber(phoneNumber: $n) { phoneNumber expireAt } }`, { n: phoneNumber });
    expect(response.body.data?.['releaseNumber']).toEqual({ phoneNumber, expireAt: '2026-12-02T09:00:00.000Z' });
    expect(await gateway.numbersCalls()).toEqual(['POST /v1/projects/{projectId}/activeNumbers/{phoneNumber}:release']);
  });

  it('rentNumber rents a number found in the catalogue; number() then serves it from the primed loader', async () => {
    const search = await gateway.query<{ availableNumbers: Array<{ phoneNumber: string }> }>(`{ availableNumbers(regionCode: "US", type: LOCAL, size: 1) { phoneNumber } }`);
    const candidate = search.body.data?.availableNumbers[0]?.phoneNumber ?? '';
    await gateway.admin.clearRequests();
    const response = await gateway.query(
      `mutation($input: RentNumberInput!) { rentNumber(input: $input) { ${NUMBER_FIELDS} } }`,
      { input: { phoneNumber: candidate, sms: { servicePlanId: SEED_SERVICE_PLAN_IDS[0] }, callbackUrl: 'https://example.com/cb' } },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['rentNumber']).toMatchObject({
      phoneNumber: candidate,
      callbackUrl: 'https://example.com/cb',
      sms: { servicePlanId: null, scheduledProvisioning: { status: 'WAITING', servicePlanId: SEED_SERVICE_PLAN_IDS[0] } },
    });
    const after = await gateway.query(`query($n: PhoneNumber!) { number(phoneNumber: $n) { phoneNumber } }`, { n: candidate });
    expect(after.body.data?.['number']).toEqual({ phoneNumber: candidate });
  });

  it('rentAnyNumber rents a US local number matching the criteria', async () => {
    const response = await gateway.query(
      `mutation($input: RentAnyNumberInput!) { rentAnyNumber(input: $input) { ${NUMBER_FIELDS} } }`,
      { input: { regionCode: 'US', type: 'LOCAL', capabilities: ['SMS'], pattern: { pattern: '1415', searchPattern: 'START' }, voice: { type: 'RTC', appId: 'app-1' } } },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['rentAnyNumber']).toMatchObject({
      phoneNumber: expect.stringMatching(/^\+1415/),
      type: 'LOCAL',
      capabilities: expect.arrayContaining(['SMS']),
      voice: { scheduledProvisioning: { type: 'RTC', status: 'WAITING' } },
    });
    expect(await gateway.numbersCalls()).toEqual(['POST /v1/projects/{projectId}/availableNumbers:rentAny']);
  });
});
