import { Client, request } from 'undici';
import type { Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/server/createGateway.js';
import { createLogger } from '../../src/server/createLogger.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { TestGateway } from '../support/startTestGateway.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { gatewaysUseRedis, readyStoreDetail } from '../support/testStore.js';

const SLOW_QUERY = '{ numbers(first: 2) { totalCount } }';

async function status(url: string, dispatcher?: Dispatcher): Promise<{ status: number; body: unknown }> {
  const response = await request(url, dispatcher === undefined ? {} : { dispatcher });
  return { status: response.statusCode, body: await response.body.json() };
}

describe('Health and readiness', () => {
  let gateway: TestGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  it('answers /health and /ready while serving, with a readiness check composed in', async () => {
    gateway = await startTestGateway();
    expect(await status(`${gateway.url}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await status(`${gateway.url}/ready`)).toMatchObject({ status: 200, body: { status: 'ready', store: readyStoreDetail() } });
    let circuitsOpen = true;
    gateway.gateway.readiness.addCheck({ name: 'upstream circuits', isReady: () => !circuitsOpen });
    expect(await status(`${gateway.url}/ready`)).toMatchObject({ status: 503, body: { status: 'not ready', reason: 'upstream circuits', store: readyStoreDetail() } });
    circuitsOpen = false;
    expect((await status(`${gateway.url}/ready`)).status).toBe(200);
  });

  it('is not ready before it listens', async () => {
    gateway = await startTestGateway();
    expect(gateway.gateway.readiness.phase).toBe('ready');
    const unstarted = await createGateway(gateway.config, { logger: createLogger('silent') });
    const response = await unstarted.app.inject({ method: 'GET', url: '/ready' });
    expect([response.statusCode, response.json()]).toMatchObject([503, { status: 'not ready', reason: 'starting', store: expect.stringMatching(gatewaysUseRedis() ? /^redis: / : /^memory$/) }]);
    expect((await unstarted.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    await unstarted.close();
  });
});

describe('Graceful shutdown: close() drains in-flight requests', () => {
  it('finishes every in-flight request, refuses new connections, while /ready answers 503 and /health 200 on open ones', async () => {
    // Long enough for all eight queries to be held at once on a busy machine.
    const gateway = await startTestGateway({ simulator: { latencyMs: 1_000 } });
    // Warm up: the OAuth token is fetched, so every query below is one slow upstream call.
    expect((await gateway.query(SLOW_QUERY)).status).toBe(200);

    // Eight different pages: identical reads in flight would share one upstream call.
    const inFlight = Array.from({ length: 8 }, (_, index) => gateway.query(`{ numbers(first: ${index + 3}) { totalCount } }`));
    await untilPendingUpstream(gateway, 8);
    // Probes' keep-alive connections, open before the drain (the listener closes at once, and
    // every answer while draining closes its connection).
    const probes = [new Client(gateway.url), new Client(gateway.url)];
    for (const probe of probes) await (await probe.request({ method: 'GET', path: '/health' })).body.dump();
    const closing = gateway.gateway.close();

    expect(gateway.gateway.readiness.phase).toBe('draining');
    const [ready, health] = await Promise.all([status(`${gateway.url}/ready`, probes[0]), status(`${gateway.url}/health`, probes[1])]);
    const fresh = new Client(gateway.url);
    await expect(fresh.request({ method: 'GET', path: '/health' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const responses = await Promise.all(inFlight);
    await Promise.all([...probes, fresh].map((client) => client.destroy()));
    await closing;
    await gateway.close();

    expect(ready).toMatchObject({ status: 503, body: { status: 'not ready', reason: 'draining', store: readyStoreDetail() } });
    expect(health.status).toBe(200);
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { numbers: { totalCount: expect.any(Number) } } });
    }
    expect(gateway.gateway.readiness.phase).toBe('stopped');
    await expect(request(`${gateway.url}/health`)).rejects.toThrow();
  });

  it('cuts the connections still open when the grace period is over', async () => {
    const gateway = await startTestGateway({ simulator: { latencyMs: 0 }, env: { SHUTDOWN_GRACE_MS: '200' } });
    expect((await gateway.query(SLOW_QUERY)).status).toBe(200);
    await new SimulatorAdmin(gateway.simulatorUrl).configure({ latencyMs: 5_000 });

    const stuck = gateway.query(SLOW_QUERY).then(
      () => 'answered',
      () => 'cut',
    );
    await untilPendingUpstream(gateway, 1);
    await gateway.gateway.close();
    expect(await stuck).toBe('cut');
    await gateway.close();
  });
});

/** Resolves once the simulator holds `count` Numbers requests unanswered: the queries are in flight. */
async function untilPendingUpstream(gateway: TestGateway, count: number): Promise<void> {
  const admin = new SimulatorAdmin(gateway.simulatorUrl);
  while ((await admin.requests('NUMBERS')).filter((entry) => entry.status === null).length < count) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
