import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { metricTotal } from '../support/metricTotal.js';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { CALLBACK_SECRET, SIMULATOR_PROJECT_ID, startProvisioningGateway } from '../subscriptions/support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from '../subscriptions/support/startProvisioningGateway.js';

const PHONE = SEEDED_PHONE_NUMBERS.sweden[0];
const EVENTS = 'subscription { provisioningEvents(filter: { sources: [CALLBACK] }) { eventId eventType status failureCode error { __typename } number { phoneNumber } } }';

/** A callback as Sinch sends it: timestamp without zone, microseconds. */
function callbackBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    eventId: randomUUID(),
    timestamp: new Date().toISOString().replace('Z', '000'),
    projectId: SIMULATOR_PROJECT_ID,
    resourceId: PHONE,
    resourceType: 'ACTIVE_NUMBER',
    eventType: 'PROVISIONING_TO_CAMPAIGN',
    status: 'FAILED',
    failureCode: 'CAMPAIGN_MNO_REVIEW',
    internalFailureCode: 'CRS0018',
    ...overrides,
  });
}

const sign = (body: string, secret = CALLBACK_SECRET) => createHmac('sha1', secret).update(body).digest('hex');

describe('Numbers webhook: registered by the gateway at POST /webhooks/numbers', () => {
  let gateway: ProvisioningTestGateway;

  const post = async (body: string, signature = sign(body), path = '/webhooks/numbers') => {
    const response = await request(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sinch-signature': signature }, body });
    return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
  };
  /** Waits until the gateway has registered `count` subscriptions: an event published before that would not reach them. */
  const subscriptionsOpen = (count: number) => expect.poll(() => metricTotal(gateway, 'gateway_graphql_active_subscriptions'), { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  const secretReads = async () => (await gateway.admin.requests('NUMBERS')).filter((entry) => entry.path.endsWith('/callbackConfiguration')).length;

  beforeAll(async () => {
    gateway = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'off' } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.clearRequests());

  it('accepts a signed callback, reads the secret from the callback configuration once, and publishes the event with the typed error and the fresh number', async () => {
    const received = gateway.subscribe(gateway.wsClient(), EVENTS);
    await subscriptionsOpen(1);
    const body = callbackBody();
    expect(await post(body)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    await received.waitFor((events) => events.length === 1);
    expect(received.events[0]).toEqual({
      eventId: JSON.parse(body).eventId,
      eventType: 'PROVISIONING_TO_CAMPAIGN',
      status: 'FAILED',
      failureCode: 'CAMPAIGN_MNO_REVIEW',
      error: { __typename: 'CampaignMnoReviewError' },
      number: { phoneNumber: PHONE },
    });
    expect(await post(callbackBody({ status: 'SUCCEEDED', failureCode: null }))).toMatchObject({ status: 200 });
    // The secret is cached per project: two callbacks, at most one read (none when an earlier test cached it).
    expect(await secretReads()).toBeLessThanOrEqual(1);
    received.unsubscribe();
  });

  it('refuses a wrong signature with 401 after one refresh of the secret', async () => {
    const body = callbackBody();
    expect(await post(body, sign(body, 'not-the-secret-0123456789abcdef0123'))).toMatchObject({ status: 401, body: { error: { code: 'WEBHOOK_SIGNATURE_INVALID' } } });
    expect(await secretReads()).toBe(1);
  });

  it('does not process a callback older than 24 h (answered 200: Sinch stops retrying), and processes a duplicate eventId once', async () => {
    const old = callbackBody({ timestamp: new Date(Date.now() - 25 * 3_600_000).toISOString().replace('Z', '000') });
    expect(await post(old)).toEqual({ status: 200, body: { received: true, processed: false, code: 'WEBHOOK_EVENT_TOO_OLD' } });
    const ahead = callbackBody({ timestamp: new Date(Date.now() + 3_600_000).toISOString().replace('Z', '000') });
    expect(await post(ahead)).toMatchObject({ status: 401, body: { error: { code: 'WEBHOOK_TIMESTAMP_OUT_OF_WINDOW' } } });

    const received = gateway.subscribe(gateway.wsClient(), EVENTS);
    await subscriptionsOpen(1);
    const body = callbackBody();
    expect(await post(body)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(await post(body)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    await received.waitFor((events) => events.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.events).toHaveLength(1);
    received.unsubscribe();
  });

  it('refuses callbacks of a project the gateway does not serve without calling Sinch', async () => {
    const body = callbackBody({ projectId: '0b8e2d6c-5a4f-4e3d-9c2b-1a0f9e8d7c6b' });
    expect(await post(body)).toMatchObject({ status: 401, body: { error: { code: 'WEBHOOK_SIGNATURE_INVALID' } } });
    expect(await gateway.admin.requests('NUMBERS')).toEqual([]);
  });

  it('uses SINCH_CALLBACK_SECRET and NUMBERS_WEBHOOK_PATH when set, never reading the callback configuration', async () => {
    const configured = await startProvisioningGateway({ env: { SINCH_CALLBACK_SECRET: 'shared-secret-for-all-projects-0123', NUMBERS_WEBHOOK_PATH: '/hooks/sinch' } });
    try {
      const body = callbackBody();
      const response = await request(`${configured.url}/hooks/sinch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sinch-signature': sign(body, 'shared-secret-for-all-projects-0123') },
        body,
      });
      expect(response.statusCode).toBe(200);
      await response.body.dump();
      const requests = await configured.admin.requests('NUMBERS');
      expect(requests.filter((entry) => entry.path.endsWith('/callbackConfiguration'))).toEqual([]);
    } finally {
      await configured.close();
    }
  });
});
