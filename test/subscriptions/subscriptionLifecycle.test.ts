import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { MAIN_PROJECT_ENTRY, newApiKey, startTenantGateway } from '../support/startTenantGateway.js';
import { sleep, startProvisioningGateway } from './support/startProvisioningGateway.js';
import type { ProvisioningTestGateway } from './support/startProvisioningGateway.js';

const PHONE = SEEDED_PHONE_NUMBERS.sweden[0];
const FOLLOW = `subscription { numberProvisioningChanged(phoneNumber: "${PHONE}") { source status number { phoneNumber } } }`;

async function activeSubscriptions(gateway: ProvisioningTestGateway): Promise<number> {
  return (await gateway.gateway.metrics.activeSubscriptions.get()).values[0]?.value ?? 0;
}

describe('Subscriptions: reconnects, the active-subscriptions gauge, shutdown, authentication', () => {
  let gateway: ProvisioningTestGateway;

  beforeAll(async () => {
    gateway = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'off' } });
  });
  afterAll(() => gateway.close());

  it('counts open subscriptions in gateway_graphql_active_subscriptions, down to 0 when they end', async () => {
    const client = gateway.wsClient();
    const first = gateway.subscribe(client, FOLLOW);
    const second = gateway.subscribe(client, FOLLOW);
    await first.waitFor((events) => events.length === 1);
    await second.waitFor((events) => events.length === 1);
    expect(await activeSubscriptions(gateway)).toBe(2);
    first.unsubscribe();
    second.unsubscribe();
    await expect.poll(() => activeSubscriptions(gateway)).toBe(0);
  });

  it('survives a dropped connection: the client reconnects, re-subscribes and gets the current state first', async () => {
    let socket: WebSocket | undefined;
    const client = gateway.wsClient({ retryAttempts: 5, retryWait: () => sleep(20), on: { connected: (connected) => (socket = connected as WebSocket) } });
    const received = gateway.subscribe(client, FOLLOW);
    await received.waitFor((events) => events.length === 1);
    socket?.terminate();
    await received.waitFor((events) => events.length === 2);
    expect(received.events.map((event) => event.source)).toEqual(['CURRENT_STATE', 'CURRENT_STATE']);
    expect(received.completed).toBe(false);
    await expect.poll(() => activeSubscriptions(gateway)).toBe(1);
    received.unsubscribe();
    await expect.poll(() => activeSubscriptions(gateway)).toBe(0);
  });

  it('drains on shutdown: every subscription completes, then the socket closes with 1001', async () => {
    const draining = await startProvisioningGateway({ env: { PROVISIONING_POLLING: 'off', SHUTDOWN_GRACE_MS: '2000' } });
    const closeCodes: number[] = [];
    // Not lazy: a lazy client would close the socket itself (1000) once its last subscription completed.
    const client = draining.wsClient({ lazy: false, onNonLazyError: () => undefined, on: { closed: (event) => closeCodes.push((event as { code: number }).code) } });
    const received = draining.subscribe(client, FOLLOW);
    await received.waitFor((events) => events.length === 1);
    const started = Date.now();
    await draining.gateway.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(received.completed).toBe(true);
    expect(received.errors).toEqual([]);
    await expect.poll(() => closeCodes).toEqual([1001]);
    await draining.close();
  });

  it('refuses a connection without valid credentials (4401), and authenticates connectionParams when the access allows it', async () => {
    const key = newApiKey();
    const tenantGateway = await startTenantGateway({
      auth: 'apiKey',
      tenantsFile: { tenants: [{ id: 'acme', apiKeys: [{ id: 'k1', sha256: key.sha256 }], projects: [MAIN_PROJECT_ENTRY] }] },
    });
    try {
      const closeCodes: number[] = [];
      const client = createClient({
        url: `${tenantGateway.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { 'x-api-key': 'not-a-valid-key-not-a-valid-key-0000' },
        on: { closed: (event) => closeCodes.push((event as { code: number }).code) },
      });
      const errors: unknown[] = [];
      client.subscribe({ query: FOLLOW }, { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined });
      await expect.poll(() => closeCodes).toEqual([4401]);
      await client.dispose();

      // The tenant's real key, sent as a browser must send it: in connectionParams.
      const events: Array<{ data?: { numberProvisioningChanged?: { source: string } } }> = [];
      const authenticated = createClient({
        url: `${tenantGateway.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${key.key}` },
      });
      const unsubscribe = authenticated.subscribe({ query: FOLLOW }, { next: (event) => events.push(event as (typeof events)[number]), error: (error) => errors.push(error), complete: () => undefined });
      await expect.poll(() => events.length).toBe(1);
      expect(events[0]?.data?.numberProvisioningChanged?.source).toBe('CURRENT_STATE');
      unsubscribe();
      await authenticated.dispose();
    } finally {
      await tenantGateway.close();
    }
  });

  it('refuses upgrades on other paths', async () => {
    const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/elsewhere`, 'graphql-transport-ws');
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      socket.on('error', () => resolve(undefined));
    });
    expect(status).toBe(404);
  });
});
