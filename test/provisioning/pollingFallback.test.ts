import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { sleep, startProvisioningGateway } from '../subscriptions/support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from '../subscriptions/support/startProvisioningGateway.js';

const WAITING = SEEDED_PHONE_NUMBERS.smsWaiting[0];
const PROVISIONED = SEEDED_PHONE_NUMBERS.provisioned[0];
const follow = (phoneNumber: string) => `subscription { numberProvisioningChanged(phoneNumber: "${phoneNumber}") { source eventType status number { sms { scheduledProvisioning { status } } } } }`;

/** The seeded numbers have no callbackUrl: nothing is called back, only polling can tell. */
describe('Polling fallback (PROVISIONING_POLLING=auto): only watched numbers with a pending request', () => {
  let gateway: ProvisioningTestGateway;

  beforeAll(async () => {
    gateway = await startProvisioningGateway({
      env: { PROVISIONING_POLLING: 'auto', PROVISIONING_CALLBACK_GRACE_MS: '300', PROVISIONING_POLL_MIN_MS: '40', PROVISIONING_POLL_MAX_MS: '160' },
    });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.admin.reset());

  it('starts polling a pending number after the callback grace period, streams IN_PROGRESS and SUCCEEDED, then stops', async () => {
    const received = gateway.subscribe(gateway.wsClient(), follow(WAITING));
    await received.waitFor((events) => events.length === 1);
    expect(received.events[0]).toMatchObject({ source: 'CURRENT_STATE', status: 'WAITING' });
    // Within the grace period, only the subscription's own read.
    expect(await gateway.numberReads(WAITING)).toBe(1);
    await expect.poll(() => gateway.numberReads(WAITING), { timeout: 2_000 }).toBeGreaterThan(1);

    await gateway.admin.advance(WAITING);
    await received.waitFor((events) => events.some((event) => event.status === 'IN_PROGRESS'));
    await gateway.admin.advance(WAITING);
    await received.waitFor((events) => events.some((event) => event.status === 'SUCCEEDED'));
    expect(received.events.map((event) => [event.source, event.status])).toEqual([
      ['CURRENT_STATE', 'WAITING'],
      ['POLL', 'IN_PROGRESS'],
      ['POLL', 'SUCCEEDED'],
    ]);
    expect(received.events[2].number.sms.scheduledProvisioning).toBeNull();

    const readsWhenFinal = await gateway.numberReads(WAITING);
    await sleep(400);
    expect(await gateway.numberReads(WAITING)).toBe(readsWhenFinal);
    received.unsubscribe();
  });

  it('backs off while nothing changes', async () => {
    const received = gateway.subscribe(gateway.wsClient(), follow(WAITING));
    await received.waitFor((events) => events.length === 1);
    await sleep(300 + 40 + 80 + 160 + 160 + 60);
    // Grace, then polls at +40, +80, +160, +160 (capped): about 4, never the 10 a fixed 40 ms would make.
    const polls = (await gateway.numberReads(WAITING)) - 1;
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(6);
    received.unsubscribe();
  });

  it('makes no GET once the last subscriber has left, and none for a number with nothing pending', async () => {
    const client = gateway.wsClient();
    const first = gateway.subscribe(client, follow(WAITING));
    const second = gateway.subscribe(client, follow(WAITING));
    const idle = gateway.subscribe(client, follow(PROVISIONED));
    await first.waitFor((events) => events.length === 1);
    await second.waitFor((events) => events.length === 1);
    await idle.waitFor((events) => events.length === 1);
    expect(idle.events[0]).toMatchObject({ source: 'CURRENT_STATE', status: 'IDLE' });
    await expect.poll(() => gateway.numberReads(WAITING), { timeout: 2_000 }).toBeGreaterThan(2);
    first.unsubscribe();
    await sleep(250);
    // One subscriber left: still polled.
    const stillPolling = await gateway.numberReads(WAITING);
    await expect.poll(() => gateway.numberReads(WAITING), { timeout: 2_000 }).toBeGreaterThan(stillPolling);

    second.unsubscribe();
    await expect.poll(() => gateway.gateway.provisioning.poller.stats.watched).toBe(1);
    const afterLast = await gateway.numberReads(WAITING);
    await sleep(500);
    expect(await gateway.numberReads(WAITING)).toBe(afterLast);
    expect(await gateway.numberReads(PROVISIONED)).toBe(1);
    expect(gateway.gateway.provisioning.poller.stats).toEqual({ watched: 1, polling: 0 });
    idle.unsubscribe();
    await expect.poll(() => gateway.gateway.provisioning.poller.stats).toEqual({ watched: 0, polling: 0 });
  });

  it('never polls with PROVISIONING_POLLING=off', async () => {
    const off = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'off', PROVISIONING_POLL_MIN_MS: '20' } });
    try {
      const received = off.subscribe(off.wsClient(), follow(WAITING));
      await received.waitFor((events) => events.length === 1);
      await sleep(300);
      expect(await off.numberReads(WAITING)).toBe(1);
    } finally {
      await off.close();
    }
  });
});
