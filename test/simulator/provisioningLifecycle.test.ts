import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMS_ERROR_CODES } from '../../src/simulator/numbers/numbersEnums.js';
import { SHOWCASE_PENDING_NUMBERS, SEEDED_PHONE_NUMBERS, SEED_CAMPAIGN_IDS, SEED_SERVICE_PLAN_IDS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { SEEDED_TRUNK_IDS } from '../../src/simulator/simulatorCredentials.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient, type NumbersTestClient } from './numbersTestClient.js';

describe('Numbers simulator: asynchronous provisioning lifecycle (seed 000)', () => {
  let simulator: RunningSimulator;
  let admin: SimulatorAdmin;
  let numbers: NumbersTestClient;

  beforeAll(async () => {
    simulator = await startSimulator({ provisioning: 'manual' });
    admin = new SimulatorAdmin(simulator.url);
    numbers = createNumbersTestClient(simulator.url, BASIC_AUTHORIZATION);
  });
  afterAll(() => simulator.close());
  beforeEach(() => admin.reset());

  const sms = async (phoneNumber: string) => (await numbers.get(`/activeNumbers/${phoneNumber}`)).body.smsConfiguration;

  it('walks FAILED → resubmit → WAITING → IN_PROGRESS → success, moving values to the top level', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.failedByCode.PARTNER_SERVICE_UNAVAILABLE;
    const failed = await sms(phoneNumber);
    expect(failed).toMatchObject({ servicePlanId: '', campaignId: '', scheduledProvisioning: { status: 'FAILED', errorCodes: ['PARTNER_SERVICE_UNAVAILABLE'] } });
    const { servicePlanId, campaignId } = failed.scheduledProvisioning;
    expect([servicePlanId, campaignId]).toEqual([SEED_SERVICE_PLAN_IDS[0], SEED_CAMPAIGN_IDS[0]]);

    const resubmitted = await numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId, campaignId } });
    expect(resubmitted.body.smsConfiguration).toEqual({
      servicePlanId: '',
      campaignId: '',
      scheduledProvisioning: { servicePlanId, campaignId, status: 'WAITING', lastUpdatedTime: expect.any(String), errorCodes: [] },
    });
    expect(Date.now() - Date.parse(resubmitted.body.smsConfiguration.scheduledProvisioning.lastUpdatedTime)).toBeLessThan(5_000);

    expect(await admin.advance(phoneNumber)).toEqual([{ phoneNumber, kind: 'SMS', status: 'IN_PROGRESS', errorCodes: [] }]);
    expect((await sms(phoneNumber)).scheduledProvisioning.status).toBe('IN_PROGRESS');
    expect(await admin.advance(phoneNumber)).toEqual([{ phoneNumber, kind: 'SMS', status: 'SUCCEEDED', errorCodes: [] }]);
    expect(await sms(phoneNumber)).toEqual({ servicePlanId, campaignId, scheduledProvisioning: null });
    expect(await admin.advance(phoneNumber)).toEqual([]);
  });

  it.each(SMS_ERROR_CODES)('fails with %s when a campaignId is FAIL_<code>', async (code) => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[4];
    await numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId: SEED_SERVICE_PLAN_IDS[0], campaignId: `FAIL_${code}` } });
    await admin.advance(phoneNumber);
    await admin.advance(phoneNumber);
    const result = await sms(phoneNumber);
    expect(result.scheduledProvisioning).toMatchObject({ status: 'FAILED', errorCodes: [code] });
    // The values in effect before the failed job are untouched.
    expect(result.servicePlanId).toBe(SEED_SERVICE_PLAN_IDS[0]);
  });

  it('fails with both codes when servicePlanId and campaignId both say FAIL_, and passes unknown codes through', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[6];
    await numbers.patch(`/activeNumbers/${phoneNumber}`, {
      smsConfiguration: { servicePlanId: 'FAIL_SMS_PROVISIONING_FAILED', campaignId: 'FAIL_CARRIER_TIMEOUT_2027' },
    });
    await admin.advance();
    await admin.advance();
    expect((await sms(phoneNumber)).scheduledProvisioning.errorCodes).toEqual(['SMS_PROVISIONING_FAILED', 'CARRIER_TIMEOUT_2027']);
  });

  it('uses scripted outcomes first, in order, then falls back to the ids', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.failedByCode.CAMPAIGN_MNO_REVIEW;
    await admin.scriptOutcome(phoneNumber, ['CAMPAIGN_PENDING_ACCEPTANCE', 'MNO_SHARING_ERROR']);
    await admin.scriptOutcome(phoneNumber, []);
    const resubmit = () => numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId: 'FAIL_INTERNAL_ERROR' } });

    await resubmit();
    await admin.advance(phoneNumber);
    await admin.advance(phoneNumber);
    expect((await sms(phoneNumber)).scheduledProvisioning.errorCodes).toEqual(['CAMPAIGN_PENDING_ACCEPTANCE', 'MNO_SHARING_ERROR']);

    await resubmit();
    await admin.advance(phoneNumber);
    await admin.advance(phoneNumber);
    expect((await sms(phoneNumber)).scheduledProvisioning).toBeNull();

    await resubmit();
    await admin.advance(phoneNumber);
    await admin.advance(phoneNumber);
    expect((await sms(phoneNumber)).scheduledProvisioning.errorCodes).toEqual(['INTERNAL_ERROR']);
  });

  it('provisions voice (RTC → EST) through the same steps and always succeeds', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[7];
    const before = (await numbers.get(`/activeNumbers/${phoneNumber}`)).body.voiceConfiguration;
    const patched = await numbers.patch(`/activeNumbers/${phoneNumber}`, { voiceConfiguration: { type: 'EST', trunkId: SEEDED_TRUNK_IDS[2] } });
    expect(patched.body.voiceConfiguration).toEqual({
      ...before,
      scheduledVoiceProvisioning: { type: 'EST', appId: '', trunkId: SEEDED_TRUNK_IDS[2], serviceId: '', status: 'WAITING', lastUpdatedTime: expect.any(String) },
    });
    expect((await admin.advance(phoneNumber))[0]).toMatchObject({ kind: 'VOICE', status: 'IN_PROGRESS' });
    expect((await admin.advance(phoneNumber))[0]).toMatchObject({ kind: 'VOICE', status: 'SUCCEEDED' });
    const after = (await numbers.get(`/activeNumbers/${phoneNumber}`)).body.voiceConfiguration;
    expect(after).toEqual({ type: 'EST', appId: '', trunkId: SEEDED_TRUNK_IDS[2], serviceId: '', lastUpdatedTime: expect.any(String), scheduledVoiceProvisioning: null });
  });

  it('moves jobs started through the API on their own when timed, and leaves seeded ones as seeded', async () => {
    await admin.configure({ provisioning: { waitingMs: 20, inProgressMs: 20 } });
    try {
      const phoneNumber = SEEDED_PHONE_NUMBERS.failedByCode.INVALID_NNID;
      await numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId: 'plan-after-failure' } });
      await expect.poll(async () => (await sms(phoneNumber)).scheduledProvisioning, { timeout: 2_000, interval: 20 }).toBeNull();
      expect((await sms(phoneNumber)).servicePlanId).toBe('plan-after-failure');
      // Seeded pending jobs stay as seeded, so every provisioning state can always be found.
      expect((await sms(SEEDED_PHONE_NUMBERS.smsWaiting[0])).scheduledProvisioning).toMatchObject({ status: 'WAITING' });
    } finally {
      await admin.configure({ provisioning: 'manual' });
    }
  });

  it('leaves FAILED, unspecified and unknown statuses alone when advancing', async () => {
    const steps = await admin.advance();
    const touched = new Set(steps.map((step) => step.phoneNumber));
    for (const phoneNumber of [SEEDED_PHONE_NUMBERS.failedWithTwoCodes, SEEDED_PHONE_NUMBERS.statusUnspecified, SEEDED_PHONE_NUMBERS.statusUnknown]) {
      expect(touched.has(phoneNumber)).toBe(false);
    }
    expect([...touched].sort()).toEqual(
      [...SHOWCASE_PENDING_NUMBERS, ...SEEDED_PHONE_NUMBERS.smsWaiting, ...SEEDED_PHONE_NUMBERS.smsInProgress, SEEDED_PHONE_NUMBERS.voiceRtcToFaxWaiting, SEEDED_PHONE_NUMBERS.voiceRtcToEstInProgress, SEEDED_PHONE_NUMBERS.voiceNewRtcWaiting].sort(),
    );
  });

  it('rejects configuration a number cannot take', async () => {
    const smsOnly = SEEDED_PHONE_NUMBERS.sweden[0];
    const response = await numbers.patch(`/activeNumbers/${smsOnly}`, { voiceConfiguration: { type: 'RTC', appId: 'x' } });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].fieldViolations[0].field).toBe('voiceConfiguration');
  });
});
