import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../../src/config.js';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { SEEDED_TRUNK_IDS } from '../../src/simulator/simulatorCredentials.js';
import type { CircuitStateChange } from '../../src/upstream/resilience/CircuitState.js';
import { startFaultServer } from '../support/faultServer.js';
import type { FaultServer } from '../support/faultServer.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { startTestGateway } from '../support/startTestGateway.js';
import type { GraphQLResponse, TestGateway } from '../support/startTestGateway.js';
import { FIGURES, eventually } from './resilienceHarness.js';

const PHONE_NUMBER = SEEDED_PHONE_NUMBERS.provisioned[0];
const TRUNK_ID = SEEDED_TRUNK_IDS[0];
const NUMBER = 'query ($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { phoneNumber } }';
const TRUNK = 'query ($id: ID!) { sipTrunk(id: $id) { id } }';

type Service = 'numbersUrl' | 'sipUrl' | 'verificationUrl';
const pointAt = (service: Service, origin: string) => (config: GatewayConfig): GatewayConfig => ({ ...config, sinch: { ...config.sinch, [service]: origin } });

const timedQuery = async (gateway: TestGateway, document: string, variables: Record<string, unknown>) => {
  const started = performance.now();
  const response = await gateway.query(document, variables);
  return { response, elapsedMs: performance.now() - started };
};
const errorAt = (response: GraphQLResponse, field: string) => response.body.errors?.find((error) => error.path?.[0] === field);

/** The gateway end to end, over a real simulator, with one upstream replaced by a fault server. */
describe('Upstream resilience through GraphQL', () => {
  let gateway: TestGateway | undefined;
  let faults: FaultServer | undefined;

  afterEach(async () => {
    await gateway?.close();
    await faults?.close();
    gateway = undefined;
    faults = undefined;
  });

  const start = async (service: Service, env: Record<string, string>) => {
    faults = await startFaultServer();
    gateway = await startTestGateway({ env, configure: pointAt(service, faults.origin) });
    return { gateway, faults };
  };

  it('answers a 429 with Retry-After: 7 at once with RATE_LIMITED and retryAfterSeconds 7 (defaults: 15 s deadline, 1 s cap)', async () => {
    const running = await start('numbersUrl', {});
    running.faults.handle(() => ({ status: 429, headers: { 'retry-after': '7' }, body: { error: { code: 429, message: 'slow down', status: 'RESOURCE_EXHAUSTED' } } }));
    const { response, elapsedMs } = await timedQuery(running.gateway, NUMBER, { phoneNumber: PHONE_NUMBER });
    expect(errorAt(response, 'number')?.extensions).toMatchObject({ code: 'RATE_LIMITED', upstream: { service: 'NUMBERS', httpStatus: 429, retryAfterSeconds: 7 } });
    expect(running.faults.requests).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs + FIGURES.slackMs);
  });

  it('answers UPSTREAM_TIMEOUT at the request deadline when Numbers hangs, and sends it nothing more afterwards', async () => {
    const deadlineMs = 800;
    const running = await start('numbersUrl', { GRAPHQL_REQUEST_DEADLINE_MS: String(deadlineMs), UPSTREAM_HEADERS_TIMEOUT_MS: '20000' });
    running.faults.handle(() => ({ hang: true }));
    const { response, elapsedMs } = await timedQuery(running.gateway, NUMBER, { phoneNumber: PHONE_NUMBER });
    expect(response.body.data).toEqual({ number: null });
    expect(errorAt(response, 'number')?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', upstream: { service: 'NUMBERS', httpStatus: null } });
    expect(elapsedMs).toBeGreaterThanOrEqual(deadlineMs - 50);
    expect(elapsedMs).toBeLessThan(deadlineMs + FIGURES.slackMs);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(running.faults.requests).toHaveLength(1);
    // Closing the gateway waits for running upstream requests: none is left, so nothing stays open.
    expect(await eventually(async () => (await running.faults.openConnections()) <= 2)).toBe(true);
    gateway = undefined;
    await running.gateway.close();
    expect(await eventually(async () => (await running.faults.openConnections()) === 0)).toBe(true);
  });

  it('keeps Numbers fast while SIP hangs: Numbers queries finish well inside the SIP deadline, excess SIP calls are shed', async () => {
    const deadlineMs = 3_000;
    const { gateway, faults } = await start('sipUrl', {
      GRAPHQL_REQUEST_DEADLINE_MS: String(deadlineMs),
      UPSTREAM_HEADERS_TIMEOUT_MS: '20000',
      UPSTREAM_CONNECTIONS: '2',
      UPSTREAM_QUEUE_LIMIT: '2',
      // Six separate SIP calls are the point: shared, the identical reads would be one call.
      UPSTREAM_SHARE_READS: 'false',
    });
    faults.handle(() => ({ hang: true }));
    // Two SIP calls take both connections; of the next four, two wait in the queue and two are shed.
    const sipQueries = Array.from({ length: 2 }, () => timedQuery(gateway, TRUNK, { id: TRUNK_ID }));
    await eventually(async () => faults.requests.length === 2);
    sipQueries.push(...Array.from({ length: 4 }, () => timedQuery(gateway, TRUNK, { id: TRUNK_ID })));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const numbersQueries = await Promise.all(Array.from({ length: 4 }, () => timedQuery(gateway, NUMBER, { phoneNumber: PHONE_NUMBER })));
    for (const { response, elapsedMs } of numbersQueries) {
      expect(response.body).toEqual({ data: { number: { phoneNumber: PHONE_NUMBER } } });
      expect(elapsedMs).toBeLessThan(deadlineMs / 3);
    }
    const sip = await Promise.all(sipQueries);
    const shed = sip.filter(({ response }) => errorAt(response, 'sipTrunk')?.extensions?.['upstream'] !== undefined && (errorAt(response, 'sipTrunk')?.extensions?.['upstream'] as { status?: string }).status === 'BULKHEAD_FULL');
    const timedOut = sip.filter(({ response }) => errorAt(response, 'sipTrunk')?.extensions?.['code'] === 'UPSTREAM_TIMEOUT');
    expect([shed.length, timedOut.length]).toEqual([2, 4]);
    for (const { elapsedMs } of shed) {
      expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs + 500);
    }
    for (const { elapsedMs } of timedOut) {
      expect(elapsedMs).toBeGreaterThanOrEqual(deadlineMs - 50);
    }
    // The queued calls were sent when the first two gave up, and timed out in turn.
    expect(faults.requests).toHaveLength(4);
  });

  it('returns partial data: Numbers answers while SIP and Verification fail, each failure nulls only its own field', async () => {
    const { gateway, faults } = await start('sipUrl', { UPSTREAM_RETRY_BASE_DELAY_MS: String(FIGURES.baseDelayMs) });
    faults.handle(() => ({ status: 503, body: { code: 503, status: 'UNAVAILABLE', message: 'down' } }));
    await new SimulatorAdmin(gateway.simulatorUrl).addFault({ method: 'GET', path: '^/verification/', status: 503, times: 0, body: { errorCode: 50300, message: 'down' } });
    const response = await gateway.query(
      'query ($phoneNumber: PhoneNumber!, $trunkId: ID!) { number(phoneNumber: $phoneNumber) { phoneNumber } sipTrunk(id: $trunkId) { id } verification(id: "abc-123") { id } }',
      { phoneNumber: PHONE_NUMBER, trunkId: TRUNK_ID },
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ number: { phoneNumber: PHONE_NUMBER }, sipTrunk: null, verification: null });
    expect(errorAt(response, 'sipTrunk')?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { service: 'SIP_TRUNKING', httpStatus: 503 } });
    expect(errorAt(response, 'verification')?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { service: 'VERIFICATION', httpStatus: 503 } });
    expect(response.body.errors).toHaveLength(2);
    // A GET answered 503 is sent three times (two retries).
    expect(faults.requests).toHaveLength(3);
  });

  it('opens the SIP circuit after 3 failures: CIRCUIT_OPEN at once, only SIP open; then half-opens and closes on an answer', async () => {
    const resetMs = 500;
    const { gateway, faults } = await start('sipUrl', { UPSTREAM_CIRCUIT_MIN_CALLS: '3', UPSTREAM_CIRCUIT_RESET_MS: String(resetMs) });
    const changes: CircuitStateChange[] = [];
    gateway.gateway.clients.onCircuitStateChange((change) => changes.push(change));
    faults.handle(() => ({ status: 500, body: { code: 500, status: 'INTERNAL', message: 'boom' } }));
    for (let index = 0; index < 3; index++) {
      const { response } = await timedQuery(gateway, TRUNK, { id: TRUNK_ID });
      expect(errorAt(response, 'sipTrunk')?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { httpStatus: 500 } });
    }
    expect(gateway.gateway.clients.circuitStates()).toEqual({ NUMBERS: 'closed', VERIFICATION: 'closed', SIP_TRUNKING: 'open', AUTH: 'closed' });

    const { response, elapsedMs } = await timedQuery(gateway, TRUNK, { id: TRUNK_ID });
    expect(response.body.data).toEqual({ sipTrunk: null });
    expect(errorAt(response, 'sipTrunk')?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { service: 'SIP_TRUNKING', httpStatus: null, status: 'CIRCUIT_OPEN', retryable: true, retryAfterSeconds: 1 },
    });
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs + 200);
    expect(faults.requests).toHaveLength(3);
    await expect(timedQuery(gateway, NUMBER, { phoneNumber: PHONE_NUMBER })).resolves.toMatchObject({ response: { body: { data: { number: { phoneNumber: PHONE_NUMBER } } } } });

    await new Promise((resolve) => setTimeout(resolve, resetMs + 50));
    faults.handle(() => ({ status: 404, body: { code: 404, status: 'NOT_FOUND', message: 'no such trunk' } }));
    const { response: probe } = await timedQuery(gateway, TRUNK, { id: TRUNK_ID });
    expect(probe.body).toEqual({ data: { sipTrunk: null } });
    expect(gateway.gateway.clients.circuitStates().SIP_TRUNKING).toBe('closed');
    expect(changes.map((change) => `${change.service}:${change.state}`)).toEqual(['SIP_TRUNKING:open', 'SIP_TRUNKING:half-open', 'SIP_TRUNKING:closed']);
  });
});
