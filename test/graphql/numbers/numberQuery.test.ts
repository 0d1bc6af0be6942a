import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SEEDED_PHONE_NUMBERS,
  SEED_CAMPAIGN_IDS,
  SEED_FAX_SERVICE_ID,
  SEED_RTC_APP_IDS,
  SEED_SERVICE_PLAN_IDS,
  TWO_FAILURE_CODES,
  UNKNOWN_ERROR_CODE,
  UNKNOWN_PROVISIONING_STATUS,
} from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { SEEDED_TRUNK_IDS, SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { ROUTES, startNumbersTestGateway } from './numbersTestGateway.js';
import type { NumbersTestGateway } from './numbersTestGateway.js';

const NUMBER = /* GraphQL */ `
  query Number($phoneNumber: PhoneNumber!) {
    number(phoneNumber: $phoneNumber) {
      phoneNumber projectId displayName regionCode type capabilities
      money { currencyCode amount }
      paymentIntervalMonths nextChargeDate expireAt callbackUrl
      sms {
        servicePlanId campaignId
        scheduledProvisioning {
          status rawStatus servicePlanId campaignId lastUpdatedTime resubmittable
          errors { __typename ... on ProvisioningErrorDetails { code upstreamCode resubmittable } }
        }
      }
      voice {
        type appId trunkId serviceId lastUpdatedTime
        scheduledProvisioning { type status rawStatus appId trunkId serviceId lastUpdatedTime }
      }
    }
  }
`;

describe('Query.number', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  async function number(phoneNumber: string) {
    const response = await gateway.query<{ number: Record<string, unknown> | null }>(NUMBER, { phoneNumber });
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.number;
  }

  it('returns a provisioned number with empty strings as null', async () => {
    expect(await number(SEEDED_PHONE_NUMBERS.provisioned[0])).toEqual({
      phoneNumber: SEEDED_PHONE_NUMBERS.provisioned[0],
      projectId: SIMULATOR_PROJECT_ID,
      displayName: 'Support line 1',
      regionCode: 'US',
      type: 'LOCAL',
      capabilities: ['SMS', 'VOICE'],
      money: { currencyCode: expect.any(String), amount: expect.any(String) },
      paymentIntervalMonths: 1,
      nextChargeDate: '2026-12-02T09:00:00.000Z',
      expireAt: null,
      callbackUrl: null,
      sms: { servicePlanId: SEED_SERVICE_PLAN_IDS[0], campaignId: SEED_CAMPAIGN_IDS[0], scheduledProvisioning: null },
      voice: { type: 'RTC', appId: SEED_RTC_APP_IDS[0], trunkId: null, serviceId: null, lastUpdatedTime: '2026-11-02T09:00:00.000Z', scheduledProvisioning: null },
    });
  });

  it('returns an EST number with its trunk and a FAX number with its service', async () => {
    expect(await number(SEEDED_PHONE_NUMBERS.est[0])).toMatchObject({ voice: { type: 'EST', trunkId: SEEDED_TRUNK_IDS[0], appId: null, serviceId: null } });
    expect(await number(SEEDED_PHONE_NUMBERS.fax[0])).toMatchObject({ capabilities: ['VOICE'], voice: { type: 'FAX', serviceId: SEED_FAX_SERVICE_ID } });
  });

  it('shows a voice change in flight under voice.scheduledProvisioning', async () => {
    expect(await number(SEEDED_PHONE_NUMBERS.voiceRtcToFaxWaiting)).toMatchObject({
      voice: {
        type: 'RTC',
        appId: SEED_RTC_APP_IDS[0],
        scheduledProvisioning: { type: 'FAX', status: 'WAITING', rawStatus: 'WAITING', appId: null, trunkId: null, serviceId: SEED_FAX_SERVICE_ID },
      },
    });
  });

  it('is null, without an error, for a number Sinch answers 404 for', async () => {
    expect(await number('+19995550100')).toBeNull();
    expect(await gateway.numbersCalls()).toEqual([ROUTES.getActiveNumber]);
  });

  it('is an error, not null, when Sinch fails otherwise', async () => {
    await gateway.admin.addFault({ path: 'activeNumbers/', times: 0, status: 503, body: { error: { code: 503, message: 'down', status: 'UNAVAILABLE' } } });
    const response = await gateway.query(NUMBER, { phoneNumber: SEEDED_PHONE_NUMBERS.provisioned[0] });
    expect(response.body.data).toEqual({ number: null });
    expect(response.body.errors?.[0]).toMatchObject({ path: ['number'], extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
  });

  it('reads both spellings of the 10DLC limit as TenDlcLimitExceededError', async () => {
    expect(await number(SEEDED_PHONE_NUMBERS.failedByCode.EXCEEDED_10DLC_LIMIT)).toMatchObject({
      sms: {
        scheduledProvisioning: {
          status: 'FAILED',
          resubmittable: false,
          errors: [{ __typename: 'TenDlcLimitExceededError', code: '10DLC_LIMIT_EXCEEDED', upstreamCode: 'EXCEEDED_10DLC_LIMIT', resubmittable: false }],
        },
      },
    });
  });

  it('lists every error of a request that failed with two codes; resubmittable only if both are', async () => {
    const scheduled = ((await number(SEEDED_PHONE_NUMBERS.failedWithTwoCodes)) as { sms: { scheduledProvisioning: Record<string, unknown> } }).sms.scheduledProvisioning;
    expect(scheduled['errors']).toEqual(TWO_FAILURE_CODES.map((code) => expect.objectContaining({ code })));
    expect(scheduled['resubmittable']).toBe(true);
  });

  it('never crashes on an unknown error code: UnknownProvisioningError keeps it', async () => {
    expect(await number(SEEDED_PHONE_NUMBERS.failedWithUnknownCode)).toMatchObject({
      sms: {
        scheduledProvisioning: {
          status: 'FAILED',
          resubmittable: false,
          errors: [{ __typename: 'UnknownProvisioningError', code: UNKNOWN_ERROR_CODE, upstreamCode: UNKNOWN_ERROR_CODE, resubmittable: false }],
        },
      },
    });
  });

  it('never crashes on an unknown or unspecified provisioning status: UNSPECIFIED with the raw value', async () => {
    expect(await number(SEEDED_PHONE_NUMBERS.statusUnknown)).toMatchObject({
      sms: { scheduledProvisioning: { status: 'UNSPECIFIED', rawStatus: UNKNOWN_PROVISIONING_STATUS, resubmittable: false, errors: [] } },
    });
    expect(await number(SEEDED_PHONE_NUMBERS.statusUnspecified)).toMatchObject({
      sms: { scheduledProvisioning: { status: 'UNSPECIFIED', rawStatus: 'PROVISIONING_STATUS_UNSPECIFIED' } },
    });
  });
});

describe('Query.number: loader de-duplication, counted in the simulator request log', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  it('fetches the same number asked for twice through aliases once', async () => {
    const response = await gateway.query(
      `query($n: PhoneNumber!) { a: number(phoneNumber: $n) { displayName } b: number(phoneNumber: $n) { sms { servicePlanId } } }`,
      { n: SEEDED_PHONE_NUMBERS.provisioned[2] },
    );
    expect(response.body.errors).toBeUndefined();
    expect(await gateway.numbersCalls()).toEqual([ROUTES.getActiveNumber]);
  });

  it('fetches different numbers in parallel, one GET each', async () => {
    const [first, second] = SEEDED_PHONE_NUMBERS.provisioned;
    await gateway.query(`query($a: PhoneNumber!, $b: PhoneNumber!) { a: number(phoneNumber: $a) { phoneNumber } b: number(phoneNumber: $b) { phoneNumber } }`, { a: first, b: second });
    expect(await gateway.numbersCalls()).toEqual([ROUTES.getActiveNumber, ROUTES.getActiveNumber]);
  });

  it('answers number(x) for a number the list already returned without any GET', async () => {
    const listed = SEEDED_PHONE_NUMBERS.provisioned[3];
    const response = await gateway.query<{ number: { displayName: string } }>(
      `query($n: PhoneNumber!) { numbers(first: 20) { nodes { phoneNumber } } number(phoneNumber: $n) { displayName } }`,
      { n: listed },
    );
    expect(response.body.data?.number).toEqual({ displayName: 'Support line 4' });
    expect(await gateway.numbersCalls()).toEqual([ROUTES.listActiveNumbers]);
  });

  it('lists once when the same page is asked for twice', async () => {
    await gateway.query(`{ a: numbers(first: 5) { totalCount } b: numbers(first: 5) { nodes { phoneNumber } } }`);
    expect(await gateway.numbersCalls()).toEqual([ROUTES.listActiveNumbers]);
  });
});
