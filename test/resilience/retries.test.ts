import { describe, expect, it } from 'vitest';
import { withDeadline } from '../../src/upstream/resilience/requestDeadline.js';
import { refusedOrigin } from '../support/faultServer.js';
import { FIGURES, resilientClient, timedFailure } from './resilienceHarness.js';
import { useFaultServerHarness } from './useFaultServerHarness.js';

const UNAVAILABLE = { status: 503, body: { error: { code: 503, message: 'down', status: 'UNAVAILABLE' } } };

describe('Upstream resilience: retries only where safe', () => {
  const setup = useFaultServerHarness();

  const fresh = () => {
    setup.harness = resilientClient(setup.server.origin);
    return setup.harness;
  };

  it('retries a GET answered 503, then returns the data of the 200: 2 calls, each attempt reported', async () => {
    const { call, events } = fresh();
    setup.server.enqueue(UNAVAILABLE, { status: 200, body: { things: [1] } });
    const started = performance.now();
    await expect(call('GET')).resolves.toEqual({ things: [1] });
    expect(performance.now() - started).toBeLessThan(FIGURES.baseDelayMs + FIGURES.slackMs);
    expect(setup.server.requests).toHaveLength(2);
    expect(events.map((event) => [event.attempt, event.statusCode, event.error?.code])).toEqual([
      [1, 503, 'UPSTREAM_UNAVAILABLE'],
      [2, 200, undefined],
    ]);
    expect(events[0]?.retryInMs).toBeGreaterThanOrEqual(0);
    expect(events[0]?.retryInMs).toBeLessThan(FIGURES.baseDelayMs);
    expect(events[1]?.retryInMs).toBeUndefined();
  });

  it.each([429, 502, 503, 504])('gives up on a GET answered %i after two retries: exactly 3 calls', async (status) => {
    const { call, events } = fresh();
    setup.server.handle(() => ({ status, body: '' }));
    const { error } = await timedFailure(() => call('GET'));
    expect([error.httpStatus, error.retryable]).toEqual([status, true]);
    expect(setup.server.requests).toHaveLength(3);
    expect(events.map((event) => event.attempt)).toEqual([1, 2, 3]);
    expect(events[2]?.retryInMs).toBeUndefined();
  });

  it.each([
    [500, 'UPSTREAM_UNAVAILABLE'],
    [404, 'NOT_FOUND'],
    [400, 'BAD_USER_INPUT'],
  ])('does not retry a GET answered %i: exactly 1 call, %s', async (status, code) => {
    const { call } = fresh();
    setup.server.handle(() => ({ status, body: '' }));
    const { error } = await timedFailure(() => call('GET'));
    expect(error.code).toBe(code);
    expect(setup.server.requests).toHaveLength(1);
  });

  it.each(['POST', 'PATCH', 'PUT'] as const)('never retries a %s answered 503: exactly 1 call', async (method) => {
    const { call } = fresh();
    setup.server.handle(() => UNAVAILABLE);
    const { error, elapsedMs } = await timedFailure(() => call(method));
    expect([error.code, error.httpStatus]).toEqual(['UPSTREAM_UNAVAILABLE', 503]);
    expect(setup.server.requests.map((request) => request.method)).toEqual([method]);
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs + FIGURES.slackMs);
  });

  it('fails at once with RATE_LIMITED and retryAfterSeconds when Retry-After outlasts the deadline: 1 call, no wait', async () => {
    const { call } = fresh();
    setup.server.handle(() => ({ status: 429, headers: { 'retry-after': '120' }, body: '' }));
    const { error, elapsedMs } = await timedFailure(() => call('GET', { signal: withDeadline(new AbortController().signal, 5_000) }));
    expect([error.code, error.retryAfterSeconds, error.retryable]).toEqual(['RATE_LIMITED', 120, true]);
    expect(setup.server.requests).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs + FIGURES.slackMs);
  });

  it('measures Retry-After against the GraphQL request deadline, not only the client timeout', async () => {
    const { call } = fresh();
    setup.server.handle(() => ({ status: 429, headers: { 'retry-after': '1' }, body: '' }));
    const { error, elapsedMs } = await timedFailure(() => call('GET', { signal: withDeadline(new AbortController().signal, 600) }));
    expect([error.code, error.retryAfterSeconds]).toEqual(['RATE_LIMITED', 1]);
    expect(setup.server.requests).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(600);
  });

  it('waits a Retry-After that fits inside the deadline, then retries: 2 calls', async () => {
    const { call, events } = fresh();
    setup.server.enqueue({ status: 429, headers: { 'retry-after': '1' }, body: '' }, { status: 200, body: { ok: true } });
    const started = performance.now();
    await expect(call('GET', { signal: withDeadline(new AbortController().signal, 5_000) })).resolves.toEqual({ ok: true });
    const elapsedMs = performance.now() - started;
    expect(elapsedMs).toBeGreaterThanOrEqual(950);
    expect(elapsedMs).toBeLessThan(1_000 + FIGURES.slackMs);
    expect(events[0]?.retryInMs).toBe(1_000);
    expect(setup.server.requests).toHaveLength(2);
  });

  it('answers a Retry-After longer than UPSTREAM_RETRY_AFTER_MAX_MS at once, even when it fits the deadline: 1 call', async () => {
    const { call } = fresh();
    setup.server.handle(() => ({ status: 429, headers: { 'retry-after': '7' }, body: '' }));
    const { error, elapsedMs } = await timedFailure(() => call('GET', { signal: withDeadline(new AbortController().signal, 30_000) }));
    expect([error.code, error.retryAfterSeconds, error.retryable]).toEqual(['RATE_LIMITED', 7, true]);
    expect(setup.server.requests).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs + FIGURES.slackMs);
  });

  it('reads a Retry-After HTTP-date: seven seconds ahead is answered at once, with retryAfterSeconds', async () => {
    const { call } = fresh();
    setup.server.handle(() => ({ status: 503, headers: { 'retry-after': new Date(Date.now() + 7_000).toUTCString() }, body: '' }));
    const { error, elapsedMs } = await timedFailure(() => call('GET', { signal: withDeadline(new AbortController().signal, 30_000) }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(6);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(7);
    expect(setup.server.requests).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs + FIGURES.slackMs);
  });

  it('waits a short Retry-After HTTP-date out, then retries: 2 calls', async () => {
    const { call } = fresh();
    // An HTTP-date has whole seconds: the next second is at most 1 000 ms away.
    const nextSecond = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000).toUTCString();
    setup.server.enqueue({ status: 429, headers: { 'retry-after': nextSecond }, body: '' }, { status: 200, body: { ok: true } });
    await expect(call('GET', { signal: withDeadline(new AbortController().signal, 5_000) })).resolves.toEqual({ ok: true });
    expect(setup.server.requests).toHaveLength(2);
  });

  it('never waits for a Retry-After with a cap of 0', async () => {
    setup.harness = resilientClient(setup.server.origin, { client: { retry: { maxRetries: 2, baseDelayMs: FIGURES.baseDelayMs, retryAfterMaxMs: 0 } } });
    setup.server.enqueue({ status: 429, headers: { 'retry-after': '1' }, body: '' }, { status: 200, body: { ok: true } });
    const { error } = await timedFailure(() => setup.harness.call('GET'));
    expect([error.code, error.retryAfterSeconds]).toEqual(['RATE_LIMITED', 1]);
    expect(setup.server.requests).toHaveLength(1);
  });

  it('retries a GET whose connection is reset twice, then answers UPSTREAM_UNREACHABLE: 3 calls', async () => {
    const { call } = fresh();
    setup.server.handle(() => ({ destroy: 'before-headers' }));
    const { error } = await timedFailure(() => call('GET'));
    expect([error.code, error.failure]).toEqual(['UPSTREAM_UNREACHABLE', 'UNREACHABLE']);
    expect(setup.server.requests).toHaveLength(3);
  });

  it('sends a POST whose connection is reset once: UPSTREAM_UNREACHABLE, 1 call (Sinch may have acted on it)', async () => {
    const { call } = fresh();
    setup.server.handle(() => ({ destroy: 'before-headers' }));
    const { error } = await timedFailure(() => call('POST'));
    expect(error.code).toBe('UPSTREAM_UNREACHABLE');
    expect(setup.server.requests).toHaveLength(1);
  });

  it('retries a refused GET twice (3 attempts) and a refused POST not at all (1 attempt)', async () => {
    const refused = resilientClient(await refusedOrigin());
    setup.harness = refused;
    const { error: getError } = await timedFailure(() => refused.call('GET'));
    expect(getError.code).toBe('UPSTREAM_UNREACHABLE');
    expect(refused.events.map((event) => [event.method, event.attempt])).toEqual([
      ['GET', 1],
      ['GET', 2],
      ['GET', 3],
    ]);
    refused.events.length = 0;
    const { error: postError } = await timedFailure(() => refused.call('POST'));
    expect(postError.code).toBe('UPSTREAM_UNREACHABLE');
    expect(refused.events.map((event) => [event.method, event.attempt])).toEqual([['POST', 1]]);
  });

  it('stops retrying when the request is over: a call aborted during the backoff makes no further attempt', async () => {
    const { call } = fresh();
    setup.server.handle(() => ({ status: 503, headers: { 'retry-after': '1' }, body: '' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { error, elapsedMs } = await timedFailure(() => call('GET', { signal: controller.signal }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(elapsedMs).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(setup.server.requests).toHaveLength(1);
  });
});
