import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../../src/simulator/numbers/seedActiveNumbers.js';
import { startSimulator } from '../../../src/simulator/startSimulator.js';
import { callSimulatorAdmin } from '../../support/callSimulatorAdmin.js';
import { EVENT_FIELDS, startProvisioningGateway, type ProvisioningTestGateway } from '../../subscriptions/support/startProvisioningGateway.js';
import { createNumbersTestClient } from '../numbersTestClient.js';
import { SIMULATOR_KEY_ID, SIMULATOR_KEY_SECRET } from '../../../src/simulator/simulatorCredentials.js';

const BASIC = `Basic ${Buffer.from(`${SIMULATOR_KEY_ID}:${SIMULATOR_KEY_SECRET}`).toString('base64')}`;
const FAILED = SEEDED_PHONE_NUMBERS.failedByCode.PARTNER_SERVICE_UNAVAILABLE;
const FOLLOW = `subscription ($phoneNumber: PhoneNumber!) { numberProvisioningChanged(phoneNumber: $phoneNumber) { ${EVENT_FIELDS} } }`;

describe('Simulator: seeded numbers call back to a configured URL', () => {
  it('seeds every number with seededCallbackUrl, keeps it across resets, and re-points only numbers the API left alone', async () => {
    const simulator = await startSimulator({ provisioning: 'manual', seededCallbackUrl: 'http://127.0.0.1:9/first' });
    try {
      const numbers = createNumbersTestClient(simulator.url, BASIC);
      const callbackUrlOf = async (phoneNumber: string) => (await numbers.get(`/activeNumbers/${phoneNumber}`)).body.callbackUrl as string;
      expect(await callbackUrlOf(FAILED)).toBe('http://127.0.0.1:9/first');
      await numbers.patch(`/activeNumbers/${SEEDED_PHONE_NUMBERS.sweden[0]}`, { callbackUrl: 'https://elsewhere.example/hook' });
      simulator.setSeededCallbackUrl('http://127.0.0.1:9/second');
      expect(await callbackUrlOf(FAILED)).toBe('http://127.0.0.1:9/second');
      expect(await callbackUrlOf(SEEDED_PHONE_NUMBERS.sweden[0])).toBe('https://elsewhere.example/hook');
      await callSimulatorAdmin(simulator.url, 'POST', '/reset');
      expect(await callbackUrlOf(SEEDED_PHONE_NUMBERS.sweden[0])).toBe('http://127.0.0.1:9/second');
      const refused = await fetch(`${simulator.url}/__admin/config`, { method: 'PUT', body: JSON.stringify({ seededCallbackUrl: 'ftp://nope' }) });
      expect(refused.status).toBe(400);
    } finally {
      await simulator.close();
    }
  });
});

/**
 * What `npm start` sets up (src/main.ts): the simulator's own timers, the seeded numbers pointed at
 * the gateway's webhook, polling with its default 10 s grace. Following a resubmission must show
 * WAITING, IN_PROGRESS and the end within the job's few hundred milliseconds, from callbacks.
 */
describe('Live by default: following a seeded number shows every step as it happens', () => {
  let gateway: ProvisioningTestGateway;

  beforeAll(async () => {
    gateway = await startProvisioningGateway({ simulator: { provisioning: { waitingMs: 200, inProgressMs: 300 } } });
    await callSimulatorAdmin(gateway.simulatorUrl, 'PUT', '/config', { seededCallbackUrl: gateway.webhookUrl });
  });
  afterAll(() => gateway.close());

  it('streams WAITING (mutation), IN_PROGRESS (service plan callback) and SUCCEEDED (campaign callback), before any poll', async () => {
    const received = gateway.subscribe(gateway.wsClient(), FOLLOW, { phoneNumber: FAILED });
    await received.waitFor((events) => events.length === 1);
    const resubmitted = await gateway.query('mutation ($phoneNumber: PhoneNumber!) { resubmitProvisioning(input: { phoneNumber: $phoneNumber }) { phoneNumber } }', { phoneNumber: FAILED });
    expect(resubmitted.body.errors).toBeUndefined();
    await received.waitFor((events) => events.some((event) => event.eventType === 'PROVISIONING_TO_CAMPAIGN'));
    const steps = received.events.map((event) => [event.source, event.number?.sms?.scheduledProvisioning?.status ?? null]);
    expect(steps).toEqual([
      ['CURRENT_STATE', 'FAILED'],
      ['MUTATION', 'WAITING'],
      ['CALLBACK', 'IN_PROGRESS'],
      ['CALLBACK', null],
    ]);
  });
});
