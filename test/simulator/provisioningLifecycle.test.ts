import { describe, expect, it } from 'vitest';
import { SMS_ERROR_CODES } from '../../src/simulator/numbers/numbersEnums.js';
import { SEEDED_EST_PENDING_NUMBERS, SHOWCASE_PENDING_NUMBERS, SEEDED_PHONE_NUMBERS, SEED_CAMPAIGN_IDS, SEED_SERVICE_PLAN_IDS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { SEEDED_TRUNK_IDS } from '../../src/simulator/simulatorCredentials.js';
import { useManualSimulator } from './useManualSimulator.js';

describe('Numbers simulator: asynchronous provisioning lifecycle (seed 000)', () => {
  const sim = useManualSimulator();


  const sms = async (phoneNumber: string) => (await sim.numbers.get(`/activeNumbers/${phoneNumber}`)).body.smsConfiguration;

  it('walks FAILED → resubmit → WAITING → IN_PROGRESS → success, moving values to the top level', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.failedByCode.PARTNER_SERVICE_UNAVAILABLE;
    const failed = await sms(phoneNumber);
    expect(failed).toMatchObject({ servicePlanId: '', campaignId: '', scheduledProvisioning: { status: 'FAILED', errorCodes: ['PARTNER_SERVICE_UNAVAILABLE'] } });
    const { servicePlanId, campaignId } = failed.scheduledProvisioning;
    expect([servicePlanId, campaignId]).toEqual([SEED_SERVICE_PLAN_IDS[0], SEED_CAMPAIGN_IDS[0]]);

    const resubmitted = await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId, campaignId } });
    expect(resubmitted.body.smsConfiguration).toEqual({
      servicePlanId: '',
      campaignId: '',
      scheduledProvisioning: { servicePlanId, campaignId, status: 'WAITING', lastUpdatedTime: expect.any(String), errorCodes: [] },
    });
    expect(Date.now() - Date.parse(resubmitted.body.smsConfiguration.scheduledProvisioning.lastUpdatedTime)).toBeLessThan(5_000);

    expect(await sim.admin.advance(phoneNumber)).toEqual([{ phoneNumber, kind: 'SMS', status: 'IN_PROGRESS', errorCodes: [] }]);
    expect((await sms(phoneNumber)).scheduledProvisioning.status).toBe('IN_PROGRESS');
    expect(await sim.admin.advance(phoneNumber)).toEqual([{ phoneNumber, kind: 'SMS', status: 'SUCCEEDED', errorCodes: [] }]);
    expect(await sms(phoneNumber)).toEqual({ servicePlanId, campaignId, scheduledProvisioning: null });
    expect(await sim.admin.advance(phoneNumber)).toEqual([]);
  });

  it.each(SMS_ERROR_CODES)('fails with %s when a campaignId is FAIL_<code>', async (code) => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[4];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId: SEED_SERVICE_PLAN_IDS[0], campaignId: `FAIL_${code}` } });
    await sim.admin.advance(phoneNumber);
    await sim.admin.advance(phoneNumber);
    const result = await sms(phoneNumber);
    expect(result.scheduledProvisioning).toMatchObject({ status: 'FAILED', errorCodes: [code] });
    // The values in effect before the failed job are untouched.
    expect(result.servicePlanId).toBe(SEED_SERVICE_PLAN_IDS[0]);
  });

  it('fails with both codes when servicePlanId and campaignId both say FAIL_, and passes unknown codes through', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[6];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, {
      smsConfiguration: { servicePlanId: 'FAIL_SMS_PROVISIONING_FAILED', campaignId: 'FAIL_CARRIER_TIMEOUT_2027' },
    });
    await sim.admin.advance();
    await sim.admin.advance();
    expect((await sms(phoneNumber)).scheduledProvisioning.errorCodes).toEqual(['SMS_PROVISIONING_FAILED', 'CARRIER_TIMEOUT_2027']);
  });

  it('uses scripted outcomes first, in order, then falls back to the ids', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.failedByCode.CAMPAIGN_MNO_REVIEW;
    await sim.admin.scriptOutcome(phoneNumber, ['CAMPAIGN_PENDING_ACCEPTANCE', 'MNO_SHARING_ERROR']);
    await sim.admin.scriptOutcome(phoneNumber, []);
    const resubmit = () => sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId: 'FAIL_INTERNAL_ERROR' } });

    await resubmit();
    await sim.admin.advance(phoneNumber);
    await sim.admin.advance(phoneNumber);
    expect((await sms(phoneNumber)).scheduledProvisioning.errorCodes).toEqual(['CAMPAIGN_PENDING_ACCEPTANCE', 'MNO_SHARING_ERROR']);

    await resubmit();
    await sim.admin.advance(phoneNumber);
    await sim.admin.advance(phoneNumber);
    expect((await sms(phoneNumber)).scheduledProvisioning).toBeNull();

    await resubmit();
    await sim.admin.advance(phoneNumber);
    await sim.admin.advance(phoneNumber);
    expect((await sms(phoneNumber)).scheduledProvisioning.errorCodes).toEqual(['INTERNAL_ERROR']);
  });

  it('provisions voice (RTC → EST) through the same steps and always succeeds', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[7];
    const before = (await sim.numbers.get(`/activeNumbers/${phoneNumber}`)).body.voiceConfiguration;
    const patched = await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { voiceConfiguration: { type: 'EST', trunkId: SEEDED_TRUNK_IDS[2] } });
    expect(patched.body.voiceConfiguration).toEqual({
      ...before,
      scheduledVoiceProvisioning: { type: 'EST', appId: '', trunkId: SEEDED_TRUNK_IDS[2], serviceId: '', status: 'WAITING', lastUpdatedTime: expect.any(String) },
    });
    expect((await sim.admin.advance(phoneNumber))[0]).toMatchObject({ kind: 'VOICE', status: 'IN_PROGRESS' });
    expect((await sim.admin.advance(phoneNumber))[0]).toMatchObject({ kind: 'VOICE', status: 'SUCCEEDED' });
    const after = (await sim.numbers.get(`/activeNumbers/${phoneNumber}`)).body.voiceConfiguration;
    expect(after).toEqual({ type: 'EST', appId: '', trunkId: SEEDED_TRUNK_IDS[2], serviceId: '', lastUpdatedTime: expect.any(String), scheduledVoiceProvisioning: null });
  });

  it('moves jobs started through the API on their own when timed, and leaves seeded ones as seeded', async () => {
    await sim.admin.configure({ provisioning: { waitingMs: 20, inProgressMs: 20 } });
    try {
      const phoneNumber = SEEDED_PHONE_NUMBERS.failedByCode.INVALID_NNID;
      await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId: 'plan-after-failure' } });
      await expect.poll(async () => (await sms(phoneNumber)).scheduledProvisioning, { timeout: 2_000, interval: 20 }).toBeNull();
      expect((await sms(phoneNumber)).servicePlanId).toBe('plan-after-failure');
      // Seeded pending jobs stay as seeded, so every provisioning state can always be found.
      expect((await sms(SEEDED_PHONE_NUMBERS.smsWaiting[0])).scheduledProvisioning).toMatchObject({ status: 'WAITING' });
    } finally {
      await sim.admin.configure({ provisioning: 'manual' });
    }
  });

  it('leaves FAILED, unspecified and unknown statuses alone when advancing', async () => {
    const steps = await sim.admin.advance();
    const touched = new Set(steps.map((step) => step.phoneNumber));
    for (const phoneNumber of [SEEDED_PHONE_NUMBERS.failedWithTwoCodes, SEEDED_PHONE_NUMBERS.statusUnspecified, SEEDED_PHONE_NUMBERS.statusUnknown]) {
      expect(touched.has(phoneNumber)).toBe(false);
    }
    expect([...touched].sort()).toEqual(
      [...SHOWCASE_PENDING_NUMBERS, ...SEEDED_EST_PENDING_NUMBERS, ...SEEDED_PHONE_NUMBERS.smsWaiting, ...SEEDED_PHONE_NUMBERS.smsInProgress, SEEDED_PHONE_NUMBERS.voiceRtcToFaxWaiting, SEEDED_PHONE_NUMBERS.voiceRtcToEstInProgress, SEEDED_PHONE_NUMBERS.voiceNewRtcWaiting].sort(),
    );
  });

  it('rejects configuration a number cannot take', async () => {
    const smsOnly = SEEDED_PHONE_NUMBERS.sweden[0];
    const response = await sim.numbers.patch(`/activeNumbers/${smsOnly}`, { voiceConfiguration: { type: 'RTC', appId: 'x' } });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].fieldViolations[0].field).toBe('voiceConfiguration');
  });
});
