import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { SIMULATOR_PROJECT_ID } from '../../src/simulator/simulatorCredentials.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/startSimulator.js';
import type { NumbersCallbackEvent } from '../../src/webhooks/NumbersCallbackEvent.js';
import { registerNumbersWebhook } from '../../src/webhooks/registerNumbersWebhook.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient, type NumbersTestClient } from '../simulator/numbersTestClient.js';
import { CallbacksAdmin } from './support/callbacksAdmin.js';

const SECRET = 'e2e-callback-secret-0123456789abcdef';
const PHONE = SEEDED_PHONE_NUMBERS.sweden[0];

describe('Numbers callbacks end to end: simulator → webhook receiver', () => {
  let simulator: RunningSimulator;
  let admin: SimulatorAdmin;
  let callbacks: CallbacksAdmin;
  let numbers: NumbersTestClient;
  let webhook: { url: string; events: NumbersCallbackEvent[]; refreshes: number; close(): Promise<void> };

  /**
   * The receiver as the gateway will run it: the secret comes from the Numbers API's
   * callback configuration, cached, and is re-read only when a signature does not match.
   */
  async function startGatewayReceiver(): Promise<typeof webhook> {
    const app = Fastify();
    const events: NumbersCallbackEvent[] = [];
    let cached: string | undefined;
    let refreshes = 0;
    const fetchSecret = async () => {
      const response = await numbers.get('/callbackConfiguration');
      return response.status === 200 ? (response.body.hmacSecret as string) : undefined;
    };
    await registerNumbersWebhook(app, {
      secret: {
        resolve: async (projectId) => (projectId === SIMULATOR_PROJECT_ID ? (cached ??= await fetchSecret()) : undefined),
        refresh: async (projectId) => {
          if (projectId !== SIMULATOR_PROJECT_ID) return undefined;
          refreshes += 1;
          cached = await fetchSecret();
          return cached;
        },
      },
      onEvent: (event) => {
        events.push(event);
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/webhooks/numbers`,
      events,
      get refreshes() {
        return refreshes;
      },
      close: () => app.close(),
    };
  }

  beforeAll(async () => {
    simulator = await startSimulator({ provisioning: 'manual' });
    admin = new SimulatorAdmin(simulator.url);
    callbacks = new CallbacksAdmin(simulator.url);
    numbers = createNumbersTestClient(simulator.url, BASIC_AUTHORIZATION);
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    await admin.reset();
    await numbers.patch('/callbackConfiguration', { hmacSecret: SECRET });
    await webhook?.close();
    webhook = await startGatewayReceiver();
  });
  afterAll(() => webhook?.close());

  const provision = async (body: Record<string, unknown>) => {
    await numbers.patch(`/activeNumbers/${PHONE}`, { callbackUrl: webhook.url, ...body });
    await admin.advance(PHONE);
    await admin.advance(PHONE);
    return callbacks.flush();
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('delivers signed provisioning results that the receiver verifies and types', async () => {
    const log = await provision({ smsConfiguration: { servicePlanId: 'plan', campaignId: 'CAMPAIGN1' } });
    expect(log.map((entry) => [entry.state, entry.responseStatus])).toEqual([['DELIVERED', 200], ['DELIVERED', 200]]);
    await settle();
    expect(webhook.events).toEqual([
      expect.objectContaining({ projectId: SIMULATOR_PROJECT_ID, resourceType: 'ACTIVE_NUMBER', resourceId: PHONE, eventType: 'PROVISIONING_TO_SMS_PLATFORM', status: 'SUCCEEDED', failureCode: null }),
      expect.objectContaining({ eventType: 'PROVISIONING_TO_CAMPAIGN', status: 'SUCCEEDED' }),
    ]);
    expect(Math.abs((webhook.events[0]?.occurredAt ?? 0) - Date.now())).toBeLessThan(10_000);
    expect(webhook.refreshes).toBe(0);
  });

  it('delivers a failure with its code', async () => {
    await admin.scriptOutcome(PHONE, ['CAMPAIGN_MNO_REJECTED']);
    await provision({ smsConfiguration: { servicePlanId: 'plan', campaignId: 'CAMPAIGN1' } });
    await settle();
    expect(webhook.events).toEqual([
      expect.objectContaining({ eventType: 'PROVISIONING_TO_SMS_PLATFORM', status: 'SUCCEEDED' }),
      expect.objectContaining({ eventType: 'PROVISIONING_TO_CAMPAIGN', status: 'FAILED', failureCode: 'CAMPAIGN_MNO_REJECTED', internalFailureCode: 'CRS0018' }),
    ]);
  });

  it('processes duplicated deliveries once, answering 200 to each', async () => {
    await callbacks.configure({ duplicates: 2 });
    const log = await provision({ smsConfiguration: { servicePlanId: 'plan' } });
    expect(log.map((entry) => entry.responseStatus)).toEqual([200, 200, 200]);
    await settle();
    expect(webhook.events).toHaveLength(1);
  });

  it('follows a secret rotation through one refresh', async () => {
    await provision({ smsConfiguration: { servicePlanId: 'plan' } });
    await numbers.patch('/callbackConfiguration', { hmacSecret: 'rotated-e2e-secret-abcdef0123456789' });
    await provision({ smsConfiguration: { servicePlanId: '' } });
    await settle();
    expect(webhook.events.map((event) => event.eventType)).toEqual(['PROVISIONING_TO_SMS_PLATFORM', 'DEPROVISIONING_FROM_SMS_PLATFORM']);
    expect(webhook.refreshes).toBe(1);
  });

  it('delivers number order transitions', async () => {
    const created = await numbers.post('/numberOrders:createNumberOrder', {
      regionCode: 'CA',
      numberType: 'LOCAL',
      callbackUrl: webhook.url,
      numberOrderOption: { phoneNumbers: ['+16135550203'] },
    });
    expect(created.status).toBe(200);
    const id = created.body.idNumberOrder as string;
    await numbers.post(`/numberOrders/${id}/submit`);
    await callbacks.advanceOrders(id);
    await callbacks.flush();
    await settle();
    expect(webhook.events.map((event) => [event.resourceType, event.resourceId, event.status])).toEqual([
      ['NUMBER_ORDER', id, 'IN_REVIEW'],
      ['NUMBER_ORDER', id, 'COMPLETED'],
    ]);
  });
});
