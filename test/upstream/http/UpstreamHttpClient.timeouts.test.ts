import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamHttpClient } from '../../../src/upstream/http/UpstreamHttpClient.js';
import { captureUpstreamError } from '../../errors/upstreamErrorHarness.js';
import { startFaultServer } from '../../support/faultServer.js';
import type { FaultServer } from '../../support/faultServer.js';

const HEADERS_TIMEOUT_MS = 300;
const BODY_TIMEOUT_MS = 300;
const REQUEST_TIMEOUT_MS = 900;
/**
 * undici runs its headers and body timeouts on coarse timers (about 500 ms resolution), and a
 * loaded machine fires timers late: a timeout must still fire well within this.
 */
const SLACK_MS = 1_500;

/** undici errors carry a string `code`; a DOMException (an aborted signal) is known by its name. */
const causeCode = (error: Error) => {
  const cause = error.cause as { code?: unknown; name?: string } | undefined;
  return typeof cause?.code === 'string' ? cause.code : cause?.name;
};

describe('UpstreamHttpClient: timeouts', () => {
  let server: FaultServer;
  let client: UpstreamHttpClient;
  /** The same timeouts but a short whole-call deadline. */
  let deadlineClient: UpstreamHttpClient;

  beforeAll(async () => {
    server = await startFaultServer();
    client = new UpstreamHttpClient({
      service: 'NUMBERS',
      origin: server.origin,
      headersTimeoutMs: HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: BODY_TIMEOUT_MS,
      requestTimeoutMs: 20_000,
    });
    deadlineClient = new UpstreamHttpClient({
      service: 'NUMBERS',
      origin: server.origin,
      headersTimeoutMs: HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: BODY_TIMEOUT_MS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    });
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    await Promise.all([client.close(), deadlineClient.close()]);
    await server.close();
  });

  const timed = async (call: () => Promise<unknown>) => {
    const started = performance.now();
    const error = await captureUpstreamError(call());
    return { error, elapsedMs: performance.now() - started };
  };
  const get = () => client.request({ method: 'GET', path: '/v1/slow', route: '/v1/slow' });

  it('maps a server that never answers to UPSTREAM_TIMEOUT within the headers timeout', async () => {
    server.enqueue({ hang: true });
    const { error, elapsedMs } = await timed(get);
    expect([error.code, error.failure, error.retryable, error.httpStatus, error.service]).toEqual(['UPSTREAM_TIMEOUT', 'TIMEOUT', true, undefined, 'NUMBERS']);
    expect(elapsedMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(elapsedMs).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
    expect(causeCode(error)).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(server.requests).toHaveLength(1);
  });

  it('maps headers that arrive after the headers timeout to UPSTREAM_TIMEOUT', async () => {
    server.enqueue({ delayMs: 3_000, status: 200, body: { ok: true } });
    const { error, elapsedMs } = await timed(get);
    expect([error.code, causeCode(error)]).toEqual(['UPSTREAM_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);
    expect(elapsedMs).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
  });

  it('maps a body that pauses longer than the body timeout to UPSTREAM_TIMEOUT', async () => {
    server.enqueue({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"phoneNumber":"+12025550134"}', trickle: { chunkBytes: 4, intervalMs: 1_500 } });
    const { error, elapsedMs } = await timed(get);
    expect([error.code, error.failure, causeCode(error)]).toEqual(['UPSTREAM_TIMEOUT', 'TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
    expect(elapsedMs).toBeLessThan(BODY_TIMEOUT_MS + SLACK_MS);
  });

  it('maps a body that trickles just inside the body timeout to UPSTREAM_TIMEOUT at the request deadline', async () => {
    // One byte every 50 ms never trips the 300 ms body timeout; only the whole-call deadline ends it.
    server.enqueue({ status: 200, headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(2_000)}"`, trickle: { chunkBytes: 1, intervalMs: 50 } });
    const { error, elapsedMs } = await timed(() => deadlineClient.request({ method: 'GET', path: '/v1/slow', route: '/v1/slow' }));
    expect([error.code, error.failure, error.retryable, causeCode(error)]).toEqual(['UPSTREAM_TIMEOUT', 'TIMEOUT', true, 'TimeoutError']);
    expect(elapsedMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
  });

  it('reads a body that trickles but completes within every timeout', async () => {
    server.enqueue({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}', trickle: { chunkBytes: 3, intervalMs: 20 } });
    const response = await get();
    expect(response.body).toEqual({ ok: true });
  });

  it('maps a caller abort to UPSTREAM_TIMEOUT without waiting for the upstream', async () => {
    server.enqueue({ hang: true });
    const { error, elapsedMs } = await timed(() => client.request({ method: 'GET', path: '/v1/slow', route: '/v1/slow', signal: AbortSignal.timeout(100) }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(elapsedMs).toBeLessThan(HEADERS_TIMEOUT_MS);
  });
});
