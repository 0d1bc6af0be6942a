import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer } from '../support/faultServer.js';
import type { FaultServer } from '../support/faultServer.js';
import { FIGURES, eventually, resilientClient, timedFailure } from './resilienceHarness.js';
import type { ResilientClient } from './resilienceHarness.js';

const REQUEST_TIMEOUT_MS = 900;
const BEARER = 'Bearer resilience-test-token';

describe('Upstream resilience: slow, huge and misdirected answers', () => {
  let server: FaultServer;
  let elsewhere: FaultServer;
  let harness: ResilientClient;

  beforeAll(async () => {
    [server, elsewhere] = await Promise.all([startFaultServer(), startFaultServer()]);
    harness = resilientClient(server.origin, {
      client: {
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        maxResponseBytes: 1_024,
        authenticator: { headersFor: async () => ({ authorization: BEARER }) },
      },
    });
  });
  afterEach(() => {
    server.reset();
    elsewhere.reset();
  });
  afterAll(async () => {
    await harness.client.close();
    await Promise.all([server.close(), elsewhere.close()]);
  });

  /**
   * A timed-out call must not leave its socket behind. undici closes the socket of an aborted
   * request, but may open a fresh idle keep-alive connection in its place, so the proof is:
   * the open connections do not grow with the calls (at most 2 after 5 hung calls), and closing
   * the client, which waits for its running requests, is immediate and leaves none.
   */
  const expectSocketsFreed = async (client: ResilientClient['client']) => {
    expect(await eventually(async () => (await server.openConnections()) <= 2)).toBe(true);
    const started = performance.now();
    await client.close();
    expect(performance.now() - started).toBeLessThan(FIGURES.atOnceMs);
    expect(await eventually(async () => (await server.openConnections()) === 0)).toBe(true);
  };

  it('answers UPSTREAM_TIMEOUT for a server that never answers, does not retry it, and frees the socket', async () => {
    const timeoutMs = 300;
    const own = resilientClient(server.origin, { client: { headersTimeoutMs: 20_000, requestTimeoutMs: timeoutMs } });
    server.handle(() => ({ hang: true }));
    for (let index = 0; index < 5; index++) {
      const { error, elapsedMs } = await timedFailure(() => own.call('GET'));
      expect([error.code, error.failure]).toEqual(['UPSTREAM_TIMEOUT', 'TIMEOUT']);
      expect(elapsedMs).toBeGreaterThanOrEqual(timeoutMs - 50);
      expect(elapsedMs).toBeLessThan(timeoutMs + FIGURES.slackMs);
    }
    expect(server.requests).toHaveLength(5);
    await expectSocketsFreed(own.client);
  });

  it('answers UPSTREAM_TIMEOUT at the whole-call deadline for a body that trickles forever, and frees the socket', async () => {
    const own = resilientClient(server.origin, { client: { bodyTimeoutMs: 20_000, requestTimeoutMs: REQUEST_TIMEOUT_MS } });
    server.handle(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(1_000)}"`, trickle: { chunkBytes: 1, intervalMs: 50 } }));
    const { error, elapsedMs } = await timedFailure(() => own.call('GET'));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(elapsedMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS + FIGURES.slackMs);
    expect(server.requests).toHaveLength(1);
    await expectSocketsFreed(own.client);
  });

  it('answers UPSTREAM_BAD_RESPONSE for a body over the size cap, once (not retried)', async () => {
    server.handle(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: `"${'a'.repeat(50_000)}"` }));
    const { error } = await timedFailure(() => harness.call('GET'));
    expect([error.code, error.failure]).toEqual(['UPSTREAM_BAD_RESPONSE', 'BAD_RESPONSE']);
    expect(server.requests).toHaveLength(1);
  });

  it('does not follow a redirect to another host: UPSTREAM_BAD_RESPONSE, 1 call, nothing (no credentials) sent there', async () => {
    server.handle(() => ({ status: 307, redirectTo: `${elsewhere.origin}/steal` }));
    const { error } = await timedFailure(() => harness.call('GET'));
    expect([error.code, error.httpStatus]).toEqual(['UPSTREAM_BAD_RESPONSE', 307]);
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.requests).toEqual([]);
  });
});
