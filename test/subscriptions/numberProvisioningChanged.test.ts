import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { CALLBACK_SECRET, EVENT_FIELDS, startProvisioningGateway } from './support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from './support/startProvisioningGateway.js';

const FAILED = SEEDED_PHONE_NUMBERS.failedByCode.PARTNER_SERVICE_UNAVAILABLE;
const SWEDEN = SEEDED_PHONE_NUMBERS.sweden[0];
const FOLLOW = `subscription ($phoneNumber: PhoneNumber!) { numberProvisioningChanged(phoneNumber: $phoneNumber) { ${EVENT_FIELDS} } }`;

describe('Subscription numberProvisioningChanged: a real graphql-ws client over a real WebSocket', () => {
  let gateway: ProvisioningTestGateway;

  beforeAll(async () => {
    // Polling from the start, fast: the simulator's callbacks and the polls both feed the subscription.
    gateway = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'always', PROVISIONING_POLL_MIN_MS: '30', PROVISIONING_POLL_MAX_MS: '120' } });
  });
  afterAll(() => gateway.close());
  beforeEach(async () => {
    await gateway.admin.reset();
    await gateway.query('mutation ($secret: String!) { updateCallbackConfiguration(hmacSecret: $secret) { hmacSecretConfigured } }', { secret: CALLBACK_SECRET });
  });
  afterEach(() => gateway.admin.clearFaults());

  const pointAtGateway = (phoneNumber: string) =>
    gateway.query('mutation ($input: UpdateNumberInput!) { updateNumber(input: $input) { callbackUrl } }', { input: { phoneNumber, callbackUrl: gateway.webhookUrl } });

  it('done means: resubmitting a failed number (another client) streams WAITING, IN_PROGRESS and the outcome, without client polling', async () => {
    await pointAtGateway(FAILED);
    const received = gateway.subscribe(gateway.wsClient(), FOLLOW, { phoneNumber: FAILED });
    await received.waitFor((events) => events.length === 1);
    expect(received.events[0]).toMatchObject({
      source: 'CURRENT_STATE',
      eventType: 'SMS_PROVISIONING',
      status: 'FAILED',
      failureCode: 'PARTNER_SERVICE_UNAVAILABLE',
      error: { __typename: 'PartnerServiceUnavailableError', code: 'PARTNER_SERVICE_UNAVAILABLE', resubmittable: true },
    });

    const resubmitted = await gateway.query('mutation ($phoneNumber: PhoneNumber!) { resubmitProvisioning(input: { phoneNumber: $phoneNumber }) { phoneNumber } }', { phoneNumber: FAILED });
    expect(resubmitted.body.errors).toBeUndefined();
    await received.waitFor((events) => events.some((event) => event.status === 'WAITING'));
    expect(received.events[1]).toMatchObject({ source: 'MUTATION', status: 'WAITING', number: { sms: { scheduledProvisioning: { status: 'WAITING' } } } });

    // IN_PROGRESS arrives as a callback: the service plan part of the job is done, the campaign part runs.
    await gateway.admin.advance(FAILED);
    await gateway.callbacks.flush();
    await received.waitFor((events) => events.some((event) => event.source === 'CALLBACK'));
    expect(received.events.find((event) => event.source === 'CALLBACK')).toMatchObject({
      eventType: 'PROVISIONING_TO_SMS_PLATFORM',
      status: 'SUCCEEDED',
      number: { sms: { scheduledProvisioning: { status: 'IN_PROGRESS' } } },
    });

    await gateway.admin.advance(FAILED);
    await gateway.callbacks.flush();
    await received.waitFor((events) => events.some((event) => event.eventType === 'PROVISIONING_TO_CAMPAIGN'));
    const callback = received.events.find((event) => event.eventType === 'PROVISIONING_TO_CAMPAIGN');
    expect(callback).toMatchObject({ source: 'CALLBACK', status: 'SUCCEEDED', error: null, number: { sms: { scheduledProvisioning: null } } });
    expect(received.events.at(-1).number.sms).toMatchObject({ servicePlanId: expect.any(String), scheduledProvisioning: null });
    expect(received.errors).toEqual([]);
  });

  it('ends out-of-order callbacks in the true state: every event carries the number re-read after it', async () => {
    await gateway.callbacks.configure({ hold: true });
    const received = gateway.subscribe(gateway.wsClient(), FOLLOW, { phoneNumber: SWEDEN });
    await received.waitFor((events) => events.length === 1);
    // Link, then unlink: the true end state is "no service plan".
    await gateway.query('mutation { updateNumber(input: { phoneNumber: "' + SWEDEN + '", callbackUrl: "' + gateway.webhookUrl + '", sms: { servicePlanId: "plan-a" } }) { phoneNumber } }');
    await gateway.admin.advance(SWEDEN);
    await gateway.admin.advance(SWEDEN);
    await gateway.query('mutation { updateNumber(input: { phoneNumber: "' + SWEDEN + '", sms: { servicePlanId: "" } }) { phoneNumber } }');
    await gateway.admin.advance(SWEDEN);
    await gateway.admin.advance(SWEDEN);

    const released = await gateway.callbacks.release('reverse');
    expect(released.map((entry) => entry.payload.eventType)).toEqual(['DEPROVISIONING_FROM_SMS_PLATFORM', 'PROVISIONING_TO_SMS_PLATFORM']);
    await gateway.callbacks.flush();
    await received.waitFor((events) => events.filter((event) => event.source === 'CALLBACK').length === 2);
    const callbacks = received.events.filter((event) => event.source === 'CALLBACK');
    // The stale PROVISIONING_TO_SMS_PLATFORM arrives last, yet shows the number as it truly is.
    expect(callbacks.map((event) => event.eventType)).toEqual(['DEPROVISIONING_FROM_SMS_PLATFORM', 'PROVISIONING_TO_SMS_PLATFORM']);
    for (const event of callbacks) expect(event.number.sms).toEqual({ servicePlanId: null, campaignId: null, scheduledProvisioning: null });
  });

  it('answers NOT_FOUND for a number the project does not rent, and FORBIDDEN for another project', async () => {
    const missing = gateway.subscribe(gateway.wsClient(), FOLLOW, { phoneNumber: '+12025550999' });
    await missing.waitFor(() => missing.errors.length > 0);
    expect(missing.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });

    const other = gateway.subscribe(gateway.wsClient(), `subscription { numberProvisioningChanged(phoneNumber: "${SWEDEN}", projectId: "0b8e2d6c-5a4f") { eventId } }`);
    await other.waitFor(() => other.errors.length > 0);
    expect(other.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', argumentName: 'projectId' } });
  });

  it('serves only subscriptions over WebSocket', async () => {
    const query = gateway.subscribe(gateway.wsClient(), '{ number(phoneNumber: "' + SWEDEN + '") { phoneNumber } }');
    await query.waitFor(() => query.errors.length > 0);
    expect(query.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
  });
});
