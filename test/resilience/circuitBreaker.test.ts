import { describe, expect, it } from 'vitest';
import { FIGURES, resilientClient, timedFailure } from './resilienceHarness.js';
import { useFaultServerHarness } from './useFaultServerHarness.js';

const THRESHOLD = 3;
const RESET_MS = 400;

describe('Upstream resilience: circuit breaker', () => {
  const setup = useFaultServerHarness();

  const fresh = () => {
    setup.harness = resilientClient(setup.server.origin, { guard: { minimumCalls: THRESHOLD, resetMs: RESET_MS } });
    return setup.harness;
  };
  const failTimes = async (count: number, method: 'GET' | 'POST' = 'POST') => {
    for (let index = 0; index < count; index++) {
      await timedFailure(() => setup.harness.call(method));
    }
  };

  it(`opens once its window holds ${THRESHOLD} calls, all 5xx, and then answers UPSTREAM_UNAVAILABLE / CIRCUIT_OPEN at once, without the network`, async () => {
    const { call, guard, changes } = fresh();
    setup.server.handle(() => ({ status: 500, body: '' }));
    await failTimes(THRESHOLD);
    expect(guard.state).toBe('open');
    expect(changes).toEqual([{ service: 'NUMBERS', state: 'open', previous: 'closed' }]);

    const { error, elapsedMs } = await timedFailure(() => call('GET'));
    expect([error.code, error.failure, error.status, error.httpStatus, error.retryable, error.service]).toEqual([
      'UPSTREAM_UNAVAILABLE',
      'REJECTED',
      'CIRCUIT_OPEN',
      undefined,
      true,
      'NUMBERS',
    ]);
    expect(error.retryAfterSeconds).toBe(1);
    expect(error.endpoint).toBe('GET /v1/projects/{projectId}/things');
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs);
    expect(setup.server.requests).toHaveLength(THRESHOLD);
  });

  it('does not retry a GET refused by an open circuit', async () => {
    const { call, events } = fresh();
    setup.server.handle(() => ({ status: 500, body: '' }));
    await failTimes(THRESHOLD);
    events.length = 0;
    await timedFailure(() => call('GET'));
    expect(events.map((event) => [event.attempt, event.error?.status])).toEqual([[1, 'CIRCUIT_OPEN']]);
  });

  it('half-opens after the reset time, lets one probe through and closes when it succeeds', async () => {
    const { call, guard, changes } = fresh();
    setup.server.handle(() => ({ status: 503, body: '' }));
    await failTimes(THRESHOLD);
    await new Promise((resolve) => setTimeout(resolve, RESET_MS + 50));
    setup.server.handle(() => ({ status: 200, body: { ok: true } }));
    await expect(call('GET')).resolves.toEqual({ ok: true });
    expect(guard.state).toBe('closed');
    expect(changes.map((change) => change.state)).toEqual(['open', 'half-open', 'closed']);
    expect(setup.server.requests).toHaveLength(THRESHOLD + 1);
  });

  it('closes when the probe is answered 429: the service is up, only asking this project to slow down', async () => {
    const { call, guard } = fresh();
    setup.server.handle(() => ({ status: 503, body: '' }));
    await failTimes(THRESHOLD);
    await new Promise((resolve) => setTimeout(resolve, RESET_MS + 50));
    setup.server.handle(() => ({ status: 429, headers: { 'retry-after': '30' }, body: '' }));
    const { error } = await timedFailure(() => call('GET'));
    expect([error.code, error.retryAfterSeconds]).toEqual(['RATE_LIMITED', 30]);
    expect(guard.state).toBe('closed');
  });

  it('re-opens when the probe fails, and refuses other calls while the probe is in flight', async () => {
    const { call, guard, changes } = fresh();
    setup.server.handle(() => ({ status: 503, body: '' }));
    await failTimes(THRESHOLD);
    await new Promise((resolve) => setTimeout(resolve, RESET_MS + 50));
    setup.server.handle(() => ({ status: 503, body: '', delayMs: 300 }));
    const probe = timedFailure(() => call('POST'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(guard.state).toBe('half-open');
    const { error: refused, elapsedMs } = await timedFailure(() => call('GET'));
    expect([refused.code, refused.status]).toEqual(['UPSTREAM_UNAVAILABLE', 'CIRCUIT_OPEN']);
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs);
    expect((await probe).error.httpStatus).toBe(503);
    expect(guard.state).toBe('open');
    expect(changes.map((change) => change.state)).toEqual(['open', 'half-open', 'open']);
    expect(setup.server.requests).toHaveLength(THRESHOLD + 1);
  });

  it('never counts a 4xx: a run of 404s and 429s leaves the circuit closed', async () => {
    const { guard } = fresh();
    setup.server.handle(() => ({ status: setup.server.requests.length % 2 === 0 ? 404 : 429, body: '' }));
    await failTimes(THRESHOLD * 2, 'POST');
    expect(guard.state).toBe('closed');
    expect(setup.server.requests).toHaveLength(THRESHOLD * 2);
  });

  it('judges a rate: a quarter of the calls failing leaves the circuit closed, half of them opens it', async () => {
    const { guard } = fresh();
    setup.server.handle(() => ({ status: setup.server.requests.length % 4 === 1 ? 500 : 404, body: '' }));
    await failTimes(12);
    expect(guard.state).toBe('closed');
    expect(guard.windowCounts()).toEqual({ calls: 12, failures: 3 });
    setup.server.handle(() => ({ status: 500, body: '' }));
    // 3 of 12 failed; 8 of 17 is still under half, 9 of 18 opens the circuit.
    await failTimes(5);
    expect(guard.state).toBe('closed');
    await failTimes(1);
    expect(guard.state).toBe('open');
    expect(setup.server.requests).toHaveLength(18);
  });

  it('forgets what left the window: old failures never add up with new ones', async () => {
    setup.harness = resilientClient(setup.server.origin, { guard: { minimumCalls: 4, windowMs: 300, resetMs: RESET_MS } });
    setup.server.handle(() => ({ status: 500, body: '' }));
    // Three failures, a pause longer than the window, three more: never four within the window.
    for (let round = 0; round < 3; round++) {
      await failTimes(3);
      expect(setup.harness.guard.state).toBe('closed');
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(setup.server.requests).toHaveLength(9);
  });

  it('counts a retried call once: three GETs answered 503 three times each are 3 calls, 9 attempts', async () => {
    setup.harness = resilientClient(setup.server.origin, { guard: { minimumCalls: 4, resetMs: RESET_MS } });
    setup.server.handle(() => ({ status: 503, body: '' }));
    await failTimes(3, 'GET');
    expect(setup.harness.guard.state).toBe('closed');
    expect(setup.harness.guard.windowCounts()).toEqual({ calls: 3, failures: 3 });
    expect(setup.server.requests.length).toBeGreaterThan(3);
  });

  it('never counts a 429: a service asking one project to slow down is up', async () => {
    const { guard } = fresh();
    setup.server.handle(() => ({ status: 429, headers: { 'retry-after': '60' }, body: '' }));
    await failTimes(THRESHOLD * 2, 'GET');
    expect(guard.state).toBe('closed');
    expect(guard.windowCounts()).toEqual({ calls: 0, failures: 0 });
  });

  it('counts timeouts: a service that never answers opens the circuit', async () => {
    setup.harness = resilientClient(setup.server.origin, { guard: { minimumCalls: 2, resetMs: RESET_MS }, client: { headersTimeoutMs: 200 } });
    setup.server.handle(() => ({ hang: true }));
    await failTimes(2);
    expect(setup.harness.guard.state).toBe('open');
    expect((await timedFailure(() => setup.harness.call('POST'))).error.status).toBe('CIRCUIT_OPEN');
  });

  it('does not count a call cancelled because the GraphQL client went away', async () => {
    setup.harness = resilientClient(setup.server.origin, { guard: { minimumCalls: 2, resetMs: RESET_MS } });
    setup.server.handle(() => ({ hang: true }));
    for (let index = 0; index < 3; index++) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const { error } = await timedFailure(() => setup.harness.call('POST', { signal: controller.signal }));
      expect(error.code).toBe('UPSTREAM_TIMEOUT');
    }
    expect(setup.harness.guard.state).toBe('closed');
  });
});

describe('Upstream resilience: bulkhead', () => {
  const setup = useFaultServerHarness();

  it('queues calls beyond the connection cap up to the queue limit, and refuses the next at once with BULKHEAD_FULL', async () => {
    setup.harness = resilientClient(setup.server.origin, { guard: { concurrency: 2, queueLimit: 1 }, client: { connections: 2 } });
    setup.server.handle(() => ({ status: 200, body: { ok: true }, delayMs: 300 }));
    const inFlight = [setup.harness.call('GET'), setup.harness.call('GET'), setup.harness.call('GET')];
    const { error, elapsedMs } = await timedFailure(() => setup.harness.call('GET'));
    expect([error.code, error.failure, error.status, error.httpStatus]).toEqual(['UPSTREAM_UNAVAILABLE', 'REJECTED', 'BULKHEAD_FULL', undefined]);
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs);
    await expect(Promise.all(inFlight)).resolves.toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(setup.server.requests).toHaveLength(3);
    expect(setup.harness.guard.state).toBe('closed');
  });

  it('lets a queued call give up when its request is over, without ever sending it', async () => {
    setup.harness = resilientClient(setup.server.origin, { guard: { concurrency: 1, queueLimit: 4 }, client: { connections: 1 } });
    setup.server.handle(() => ({ status: 200, body: { ok: true }, delayMs: 600 }));
    const first = setup.harness.call('GET');
    const { error, elapsedMs } = await timedFailure(() => setup.harness.call('GET', { signal: AbortSignal.timeout(150) }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(elapsedMs).toBeLessThan(150 + FIGURES.atOnceMs);
    await expect(first).resolves.toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(setup.server.requests).toHaveLength(1);
  });
});
