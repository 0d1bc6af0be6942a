import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import goldenEvent from '../../fixtures/numbers/number-sinch-event.json' with { type: 'json' };
import { signCallbackBody } from '../../../src/simulator/numbers/callbacks/signCallbackBody.js';
import { SEED_HMAC_SECRET } from '../../../src/simulator/numbers/NumbersState.js';
import { SEEDED_PHONE_NUMBERS, SEED_SERVICE_PLAN_IDS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { SIMULATOR_PROJECT_ID } from '../../../src/simulator/simulatorCredentials.js';
import { createOpenApiValidator } from '../../support/openApiValidator.js';
import { NUMBERS_SPEC_DEVIATIONS, NUMBERS_SPEC_PATH } from '../numbersSpecDeviations.js';
import { useNumbersSimulator } from './useNumbersSimulator.js';

/** REFERENCE §4.6 golden vector (S2 `callbacks-webhook.test.ts`). */
export const GOLDEN_BODY =
  '{"eventId":"01hpa0mww4m79q8j2dwn3ggbgz","timestamp":"2024-02-10T17:22:09.412722588","projectId":"37b62a7b-0177-abcd-efgh-e10f848de123","resourceId":"+17818510001","resourceType":"ACTIVE_NUMBER","eventType":"DEPROVISIONING_FROM_VOICE_PLATFORM","status":"SUCCEEDED","failureCode":null}';

/**
 * Callbacks are an `x-webhooks` entry, not a path, so validateResponse cannot reach them
 * as is: this exposes `CallbackPayload` under a pseudo path. And the SDK's golden vector
 * sends `"failureCode": null` on success, which the spec's string enum does not allow.
 */
const callbackValidator = createOpenApiValidator(NUMBERS_SPEC_PATH, [
  ...NUMBERS_SPEC_DEVIATIONS,
  {
    pointer: '/paths',
    merge: { '/callback': { post: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/CallbackPayload' } } } } } } } },
    reason: 'CallbackPayload is only referenced from x-webhooks; expose it to validateResponse',
  },
  {
    pointer: '/components/schemas/CallbackPayloadActiveNumber/properties/failureCode',
    merge: { nullable: true },
    reason: 'successful callbacks carry "failureCode": null (REFERENCE §4.6 golden vector)',
  },
]);

function expectSpecCallback(payload: unknown): void {
  expect(callbackValidator.validateResponse('POST', '/callback', 200, payload).errors).toEqual([]);
}

describe('Numbers simulator: provisioning callbacks', () => {
  const sim = useNumbersSimulator();

  const finishJobs = async (phoneNumber: string) => {
    await sim.admin.advance(phoneNumber);
    await sim.admin.advance(phoneNumber);
    await sim.callbacks.flush();
  };

  it('signs the golden vector of REFERENCE §4.6 exactly like the SDK', () => {
    expect(signCallbackBody(GOLDEN_BODY, 'callback-secret')).toBe('dcf80daac2f232f4b23d5f719db3aa0fdca6af43');
    expect(signCallbackBody(Buffer.from(GOLDEN_BODY), 'callback-secret')).toBe('dcf80daac2f232f4b23d5f719db3aa0fdca6af43');
  });

  it('accepts the SDK fixture event and the golden body as CallbackPayloads', () => {
    expectSpecCallback(goldenEvent);
    expectSpecCallback(JSON.parse(GOLDEN_BODY));
  });

  it('posts one signed SUCCEEDED callback when a number is linked to a service plan, and none for WAITING → IN_PROGRESS', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.sweden[0];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl: sim.receiver.url, smsConfiguration: { servicePlanId: SEED_SERVICE_PLAN_IDS[1] } });
    await sim.admin.advance(phoneNumber);
    await sim.callbacks.flush();
    expect(sim.receiver.received).toEqual([]);

    await sim.admin.advance(phoneNumber);
    await sim.callbacks.flush();
    expect(sim.receiver.received).toHaveLength(1);
    const [callback] = sim.receiver.received;
    expect(callback?.method).toBe('POST');
    expect(callback?.headers['content-type']).toBe('application/json');
    expect(callback?.headers['x-sinch-signature']).toBe(createHmac('sha1', SEED_HMAC_SECRET).update(callback?.rawBody ?? '').digest('hex'));
    expect(callback?.body).toEqual({
      eventId: expect.stringMatching(/^[0-9a-hjkmnp-tv-z]{26}$/),
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/),
      projectId: SIMULATOR_PROJECT_ID,
      resourceId: phoneNumber,
      resourceType: 'ACTIVE_NUMBER',
      eventType: 'PROVISIONING_TO_SMS_PLATFORM',
      status: 'SUCCEEDED',
      failureCode: null,
    });
    // No timezone on the wire, but it is UTC and recent.
    expect(Math.abs(Date.parse(`${callback?.body.timestamp}Z`) - Date.now())).toBeLessThan(10_000);
    expectSpecCallback(callback?.body);
  });

  it('reports the SMS platform before the campaign when both are linked, each with its own event id', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.failedByCode.PARTNER_SERVICE_UNAVAILABLE;
    const { scheduledProvisioning } = (await sim.numbers.get(`/activeNumbers/${phoneNumber}`)).body.smsConfiguration;
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, {
      callbackUrl: sim.receiver.url,
      smsConfiguration: { servicePlanId: scheduledProvisioning.servicePlanId, campaignId: scheduledProvisioning.campaignId },
    });
    await finishJobs(phoneNumber);
    const bodies = sim.receiver.received.map((callback) => callback.body);
    expect(bodies.map((body) => [body.eventType, body.status])).toEqual([
      ['PROVISIONING_TO_SMS_PLATFORM', 'SUCCEEDED'],
      ['PROVISIONING_TO_CAMPAIGN', 'SUCCEEDED'],
    ]);
    expect(new Set(bodies.map((body) => body.eventId)).size).toBe(2);
    bodies.forEach(expectSpecCallback);
  });

  it('sends a FAILED campaign callback with the first error code and an internal failure code', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.sweden[1];
    await sim.admin.scriptOutcome(phoneNumber, ['CAMPAIGN_NOT_AVAILABLE', 'MNO_SHARING_ERROR']);
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl: sim.receiver.url, smsConfiguration: { servicePlanId: 'plan', campaignId: 'CAMPAIGN1' } });
    await finishJobs(phoneNumber);
    // The service plan part succeeded (reported when the job went IN_PROGRESS); the campaign part failed.
    expect(sim.receiver.received.map((callback) => callback.body)).toEqual([
      expect.objectContaining({ eventType: 'PROVISIONING_TO_SMS_PLATFORM', status: 'SUCCEEDED', failureCode: null }),
      expect.objectContaining({ eventType: 'PROVISIONING_TO_CAMPAIGN', status: 'FAILED', failureCode: 'CAMPAIGN_NOT_AVAILABLE', internalFailureCode: 'CRS0018' }),
    ]);
    expectSpecCallback(sim.receiver.received[1]?.body);
  });

  it('reports a service plan that could not be linked on the SMS platform event, with no success before it', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.sweden[1];
    await sim.admin.scriptOutcome(phoneNumber, ['SMS_PROVISIONING_FAILED']);
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl: sim.receiver.url, smsConfiguration: { servicePlanId: 'plan', campaignId: 'CAMPAIGN1' } });
    await finishJobs(phoneNumber);
    expect(sim.receiver.received.map((callback) => callback.body)).toEqual([
      expect.objectContaining({ eventType: 'PROVISIONING_TO_SMS_PLATFORM', status: 'FAILED', failureCode: 'SMS_PROVISIONING_FAILED' }),
    ]);
  });

  it('reports the service plan part when a job linking a plan and a campaign goes IN_PROGRESS, the campaign at the end', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.sweden[1];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl: sim.receiver.url, smsConfiguration: { servicePlanId: 'plan', campaignId: 'CAMPAIGN1' } });
    await sim.admin.advance(phoneNumber);
    await sim.callbacks.flush();
    expect(sim.receiver.received.map((callback) => [callback.body.eventType, callback.body.status])).toEqual([['PROVISIONING_TO_SMS_PLATFORM', 'SUCCEEDED']]);
    expect((await sim.numbers.get(`/activeNumbers/${phoneNumber}`)).body.smsConfiguration.scheduledProvisioning.status).toBe('IN_PROGRESS');
    await sim.admin.advance(phoneNumber);
    await sim.callbacks.flush();
    expect(sim.receiver.received.map((callback) => [callback.body.eventType, callback.body.status])).toEqual([
      ['PROVISIONING_TO_SMS_PLATFORM', 'SUCCEEDED'],
      ['PROVISIONING_TO_CAMPAIGN', 'SUCCEEDED'],
    ]);
  });

  it('attributes a failure without a campaign to the SMS platform and passes codes through verbatim', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.sweden[0];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl: sim.receiver.url, smsConfiguration: { servicePlanId: 'FAIL_CARRIER_TIMEOUT_2027' } });
    await finishJobs(phoneNumber);
    const [callback] = sim.receiver.received;
    expect(callback?.body).toMatchObject({ eventType: 'PROVISIONING_TO_SMS_PLATFORM', status: 'FAILED', failureCode: 'CARRIER_TIMEOUT_2027' });
    expect(callback?.body).not.toHaveProperty('internalFailureCode');
  });

  it('reports unlinking as deprovisioning, campaign first', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[0];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl: sim.receiver.url, smsConfiguration: { servicePlanId: '', campaignId: '' } });
    await finishJobs(phoneNumber);
    expect(sim.receiver.received.map((callback) => callback.body.eventType)).toEqual(['DEPROVISIONING_FROM_CAMPAIGN', 'DEPROVISIONING_FROM_SMS_PLATFORM']);
  });

  it('reports voice provisioning and deprovisioning', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[1];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl: sim.receiver.url, voiceConfiguration: { type: 'EST', trunkId: 'trunk-1' } });
    await finishJobs(phoneNumber);
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { voiceConfiguration: { type: 'RTC', appId: '' } });
    await finishJobs(phoneNumber);
    expect(sim.receiver.received.map((callback) => [callback.body.eventType, callback.body.status])).toEqual([
      ['PROVISIONING_TO_VOICE_PLATFORM', 'SUCCEEDED'],
      ['DEPROVISIONING_FROM_VOICE_PLATFORM', 'SUCCEEDED'],
    ]);
    sim.receiver.received.forEach((callback) => expectSpecCallback(callback.body));
  });

  it('signs with the secret configured at the time of the transition', async () => {
    const rotated = 'rotated-secret-0123456789abcdef0123456789';
    await sim.numbers.patch('/callbackConfiguration', { hmacSecret: rotated });
    const phoneNumber = SEEDED_PHONE_NUMBERS.sweden[0];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl: sim.receiver.url, smsConfiguration: { servicePlanId: 'plan' } });
    await finishJobs(phoneNumber);
    const [callback] = sim.receiver.received;
    expect(callback?.headers['x-sinch-signature']).toBe(signCallbackBody(callback?.rawBody ?? '', rotated));
  });

  it('sends nothing for numbers without a callbackUrl', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.sweden[0];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { smsConfiguration: { servicePlanId: 'plan' } });
    await finishJobs(phoneNumber);
    expect(sim.receiver.received).toEqual([]);
    expect(await sim.callbacks.list()).toEqual([]);
  });

  it('lists sent callbacks with their delivery status, never the secret or the signature', async () => {
    const phoneNumber = SEEDED_PHONE_NUMBERS.sweden[0];
    await sim.numbers.patch(`/activeNumbers/${phoneNumber}`, { callbackUrl: sim.receiver.url, smsConfiguration: { servicePlanId: 'plan' } });
    await finishJobs(phoneNumber);
    const listed = await sim.callbacks.list(phoneNumber);
    expect(listed).toEqual([
      expect.objectContaining({ url: sim.receiver.url, copy: 0, signed: true, state: 'DELIVERED', attempts: 1, responseStatus: 200, error: null, payload: sim.receiver.received[0]?.body }),
    ]);
    const text = JSON.stringify(listed);
    expect(text).not.toContain(SEED_HMAC_SECRET);
    expect(text).not.toContain(String(sim.receiver.received[0]?.headers['x-sinch-signature']));
  });
});
