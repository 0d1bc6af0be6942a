import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS, SEED_CAMPAIGN_IDS, SEED_SERVICE_PLAN_IDS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { ROUTES, startNumbersTestGateway } from './numbersTestGateway.js';
import type { NumbersTestGateway } from './numbersTestGateway.js';

const SMS_FIELDS = /* GraphQL */ `
  phoneNumber
  sms {
    servicePlanId campaignId
    scheduledProvisioning {
      status servicePlanId campaignId resubmittable
      errors { __typename ... on ProvisioningErrorDetails { code description suggestedAction resubmittable } }
    }
  }
`;
const RESUBMIT = `mutation($input: ResubmitProvisioningInput!) { resubmitProvisioning(input: $input) { ${SMS_FIELDS} } }`;
const NUMBER = `query($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { ${SMS_FIELDS} } }`;

type Sms = { servicePlanId: string | null; campaignId: string | null; scheduledProvisioning: Record<string, unknown> | null };

describe('Mutation.resubmitProvisioning: the resubmission flow of seed 000', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  const phoneNumber = SEEDED_PHONE_NUMBERS.failedByCode.PARTNER_SERVICE_UNAVAILABLE;

  async function sms(target = phoneNumber): Promise<Sms> {
    const response = await gateway.query<{ number: { sms: Sms } }>(NUMBER, { phoneNumber: target });
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.number.sms ?? expect.unreachable();
  }

  async function resubmit(input: Record<string, unknown>) {
    return gateway.query<{ resubmitProvisioning: { phoneNumber: string; sms: Sms } }>(RESUBMIT, { input });
  }

  it('walks FAILED → resubmit → WAITING → IN_PROGRESS → provisioned, with the failed request\'s values', async () => {
    expect(await sms()).toMatchObject({
      servicePlanId: null,
      campaignId: null,
      scheduledProvisioning: { status: 'FAILED', resubmittable: true, errors: [expect.objectContaining({ __typename: 'PartnerServiceUnavailableError' })] },
    });
    await gateway.admin.clearRequests();

    const resubmitted = await resubmit({ phoneNumber });
    expect(resubmitted.body.errors).toBeUndefined();
    expect(resubmitted.body.data?.resubmitProvisioning.sms).toEqual({
      servicePlanId: null,
      campaignId: null,
      scheduledProvisioning: {
        status: 'WAITING',
        servicePlanId: SEED_SERVICE_PLAN_IDS[0],
        campaignId: SEED_CAMPAIGN_IDS[0],
        resubmittable: false,
        errors: [],
      },
    });
    expect(await gateway.numbersCalls()).toEqual([ROUTES.getActiveNumber, ROUTES.updateActiveNumber]);

    await gateway.admin.advance(phoneNumber);
    expect((await sms()).scheduledProvisioning).toMatchObject({ status: 'IN_PROGRESS', errors: [] });

    await gateway.admin.advance(phoneNumber);
    expect(await sms()).toEqual({ servicePlanId: SEED_SERVICE_PLAN_IDS[0], campaignId: SEED_CAMPAIGN_IDS[0], scheduledProvisioning: null });
  });

  it('ends FAILED again with the new error code when provisioning fails again', async () => {
    await gateway.admin.scriptOutcome(phoneNumber, ['CAMPAIGN_PENDING_ACCEPTANCE']);
    expect((await resubmit({ phoneNumber })).body.errors).toBeUndefined();
    await gateway.admin.advance(phoneNumber);
    await gateway.admin.advance(phoneNumber);
    expect((await sms()).scheduledProvisioning).toEqual({
      status: 'FAILED',
      servicePlanId: SEED_SERVICE_PLAN_IDS[0],
      campaignId: SEED_CAMPAIGN_IDS[0],
      resubmittable: true,
      errors: [
        {
          __typename: 'CampaignPendingAcceptanceError',
          code: 'CAMPAIGN_PENDING_ACCEPTANCE',
          description: 'Sinch has not yet accepted this campaign.* (*May not apply to all customers)',
          suggestedAction: 'Please wait up to 24 hours for Sinch to accept your campaign and try again. Contact Sinch if additional assistance is needed.',
          resubmittable: true,
        },
      ],
    });
  });

  it('resubmits with a corrected service plan and campaign when given', async () => {
    const response = await resubmit({ phoneNumber: SEEDED_PHONE_NUMBERS.failedByCode.SMS_PROVISIONING_FAILED, servicePlanId: SEED_SERVICE_PLAN_IDS[1], campaignId: SEED_CAMPAIGN_IDS[1] });
    expect(response.body.data?.resubmitProvisioning.sms.scheduledProvisioning).toMatchObject({
      status: 'WAITING',
      servicePlanId: SEED_SERVICE_PLAN_IDS[1],
      campaignId: SEED_CAMPAIGN_IDS[1],
    });
  });

  it.each([
    ['a provisioned number (no scheduled provisioning)', SEEDED_PHONE_NUMBERS.provisioned[0], null],
    ['a number still WAITING', SEEDED_PHONE_NUMBERS.smsWaiting[0], 'WAITING'],
    ['a number IN_PROGRESS', SEEDED_PHONE_NUMBERS.smsInProgress[0], 'IN_PROGRESS'],
    ['a number in an unknown status', SEEDED_PHONE_NUMBERS.statusUnknown, 'AWAITING_CARRIER_2027'],
  ])('refuses %s with FAILED_PRECONDITION after one GET and without any PATCH', async (_label, target, provisioningStatus) => {
    const response = await resubmit({ phoneNumber: target });
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]).toMatchObject({
      path: ['resubmitProvisioning'],
      extensions: { code: 'FAILED_PRECONDITION', phoneNumber: target, provisioningStatus },
    });
    expect(await gateway.numbersCalls()).toEqual([ROUTES.getActiveNumber]);
  });

  it('refuses a number that is not the project\'s with NOT_FOUND and without any PATCH', async () => {
    const response = await resubmit({ phoneNumber: '+19995550100' });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await gateway.numbersCalls()).toEqual([ROUTES.getActiveNumber]);
  });

  it('uses the number a previous mutation of the operation returned instead of fetching it again', async () => {
    const response = await gateway.query(
      `mutation($n: PhoneNumber!) {
        rename: updateNumber(input: { phoneNumber: $n, displayName: "Retry me" }) { displayName }
        resubmitProvisioning(input: { phoneNumber: $n }) { displayName sms { scheduledProvisioning { status } } }
      }`,
      { n: phoneNumber },
    );
    expect(response.body).toEqual({
      data: {
        rename: { displayName: 'Retry me' },
        resubmitProvisioning: { displayName: 'Retry me', sms: { scheduledProvisioning: { status: 'WAITING' } } },
      },
    });
    expect(await gateway.numbersCalls()).toEqual([ROUTES.updateActiveNumber, ROUTES.updateActiveNumber]);
  });
});
