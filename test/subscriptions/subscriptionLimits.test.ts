import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { startProvisioningGateway } from './support/startProvisioningGateway.js';
import type { ProvisioningTestGateway, Received } from './support/startProvisioningGateway.js';

const NUMBER = SEEDED_PHONE_NUMBERS.provisioned[0] ?? '';
const FOLLOW = 'subscription ($phoneNumber: PhoneNumber!) { numberProvisioningChanged(phoneNumber: $phoneNumber) { source } }';

/** Waits until the subscription got its first event (admitted and running) or an error (refused). */
async function settled(received: Received): Promise<'running' | Record<string, unknown>> {
  const deadline = Date.now() + 30_000;
  while (received.events.length === 0 && received.errors.length === 0) {
    if (Date.now() > deadline) throw new Error('the subscription neither ran nor was refused');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (received.events.length > 0) return 'running';
  return ((received.errors[0] as { extensions?: Record<string, unknown> }).extensions ?? {}) as Record<string, unknown>;
}

describe('Subscriptions: caps per connection and per tenant, and a start rate', () => {
  let gateway: ProvisioningTestGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  it('refuses a subscription past SUBSCRIPTIONS_PER_CONNECTION with RATE_LIMITED, and the connection goes on', async () => {
    gateway = await startProvisioningGateway({ env: { SUBSCRIPTIONS_PER_CONNECTION: '3' } });
    const client = gateway.wsClient();
    const open = [];
    for (let index = 0; index < 3; index += 1) {
      const received = gateway.subscribe(client, FOLLOW, { phoneNumber: NUMBER });
      expect(await settled(received)).toBe('running');
      open.push(received);
    }
    const fourth = gateway.subscribe(client, FOLLOW, { phoneNumber: NUMBER });
    expect(await settled(fourth)).toMatchObject({ code: 'RATE_LIMITED', reason: 'SUBSCRIPTIONS_PER_CONNECTION', limit: 3 });
    // Ending one gives its place back.
    open[0]?.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await settled(gateway.subscribe(client, FOLLOW, { phoneNumber: NUMBER }))).toBe('running');
  });

  it('refuses a subscription past SUBSCRIPTIONS_PER_TENANT over all the tenant\'s connections', async () => {
    gateway = await startProvisioningGateway({ env: { SUBSCRIPTIONS_PER_TENANT: '4' } });
    const outcomes = [];
    for (let index = 0; index < 6; index += 1) {
      outcomes.push(await settled(gateway.subscribe(gateway.wsClient(), FOLLOW, { phoneNumber: NUMBER })));
    }
    expect(outcomes.slice(0, 4)).toEqual(['running', 'running', 'running', 'running']);
    expect(outcomes.slice(4)).toEqual([expect.objectContaining({ code: 'RATE_LIMITED', reason: 'SUBSCRIPTIONS_PER_TENANT', limit: 4 }), expect.objectContaining({ reason: 'SUBSCRIPTIONS_PER_TENANT' })]);
  });

  it('refuses starts past SUBSCRIPTION_STARTS_PER_MINUTE, even when each ends at once, with retryAfterSeconds', async () => {
    gateway = await startProvisioningGateway({ env: { SUBSCRIPTION_STARTS_PER_MINUTE: '5' } });
    const client = gateway.wsClient();
    const outcomes = [];
    for (let index = 0; index < 7; index += 1) {
      const received = gateway.subscribe(client, FOLLOW, { phoneNumber: NUMBER });
      outcomes.push(await settled(received));
      received.unsubscribe();
    }
    expect(outcomes.slice(0, 5)).toEqual(['running', 'running', 'running', 'running', 'running']);
    expect(outcomes[5]).toMatchObject({ code: 'RATE_LIMITED', reason: 'SUBSCRIPTION_RATE', limit: 5, retryAfterSeconds: expect.any(Number) });
  });

  it('bounds the upstream reads 1000 subscription attempts over 100 sockets cause', async () => {
    gateway = await startProvisioningGateway();
    await gateway.admin.clearRequests();
    const attempts: Received[] = [];
    for (let socket = 0; socket < 100; socket += 1) {
      const client = gateway.wsClient();
      for (let index = 0; index < 10; index += 1) attempts.push(gateway.subscribe(client, FOLLOW, { phoneNumber: NUMBER }));
    }
    const outcomes = await Promise.all(attempts.map((received) => settled(received)));
    const running = outcomes.filter((outcome) => outcome === 'running').length;
    // The defaults: 60 starts a minute (plus the one a second it refills while this runs), 100 open per tenant.
    expect(running).toBeGreaterThan(0);
    expect(running).toBeLessThanOrEqual(100);
    expect(outcomes.filter((outcome) => outcome !== 'running').every((outcome) => (outcome as Record<string, unknown>)['code'] === 'RATE_LIMITED')).toBe(true);
    // One first read per admitted subscription, and one poller for the number however many follow it.
    expect(await gateway.numberReads(NUMBER)).toBeLessThanOrEqual(running + 5);
  }, 60_000);
});
