import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createUpstreamClients } from '../../src/upstream/UpstreamClients.js';
import type { UpstreamClients } from '../../src/upstream/UpstreamClients.js';
import type { UpstreamCallEvent } from '../../src/upstream/http/UpstreamHttpClient.js';
import { startFaultServer } from '../support/faultServer.js';
import type { FaultServer } from '../support/faultServer.js';
import { FIGURES, timedFailure } from './resilienceHarness.js';

const TOKEN = { access_token: 'opaque-token', expires_in: 3600, token_type: 'bearer' };

/**
 * The OAuth token request is a POST, but it has no side effect, so it follows the GET rules:
 * retried on 429/502/503/504 and refused or reset connections, at most twice, Retry-After only
 * when it fits. These tests run the production wiring (`createUpstreamClients`).
 */
describe('Upstream resilience: the OAuth token endpoint', () => {
  let auth: FaultServer;
  let numbers: FaultServer;
  let clients: UpstreamClients;
  let events: UpstreamCallEvent[];

  beforeEach(async () => {
    [auth, numbers] = await Promise.all([startFaultServer(), startFaultServer()]);
    numbers.handle(() => ({ status: 200, body: { phoneNumber: '+12025550134' } }));
    events = [];
    const config = loadConfig({
      SINCH_PROJECT_ID: 'project-1',
      SINCH_KEY_ID: 'key-1',
      SINCH_KEY_SECRET: 'secret-1',
      SINCH_AUTH_URL: auth.origin,
      SINCH_NUMBERS_URL: numbers.origin,
      UPSTREAM_RETRY_BASE_DELAY_MS: String(FIGURES.baseDelayMs),
      // Closing a pool waits for its running requests: keep a hung token request short.
      UPSTREAM_HEADERS_TIMEOUT_MS: '1000',
    });
    clients = createUpstreamClients({ sinch: config.sinch, upstream: config.upstream, onCall: (event) => events.push(event) });
  });
  afterEach(async () => {
    await clients.close();
    await Promise.all([auth.close(), numbers.close()]);
  });

  const getNumber = (signal = new AbortController().signal) => clients.numbers.getActiveNumber({ projectId: 'project-1', signal }, '+12025550134');
  const authAttempts = () => events.filter((event) => event.service === 'AUTH').map((event) => event.attempt);

  it('retries a rate-limited token request after its Retry-After, then calls the API: 2 token calls', async () => {
    auth.enqueue({ status: 429, headers: { 'retry-after': '1' }, body: '' }, { status: 200, body: TOKEN });
    const started = performance.now();
    await expect(getNumber()).resolves.toMatchObject({ phoneNumber: '+12025550134' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(auth.requests).toHaveLength(2);
    expect(numbers.requests.map((request) => request.headers['authorization'])).toEqual(['Bearer opaque-token']);
  });

  it('fails at once with RATE_LIMITED from AUTH when the token Retry-After is an hour: 1 token call, no API call', async () => {
    auth.handle(() => ({ status: 429, headers: { 'retry-after': '3600' }, body: '' }));
    const { error, elapsedMs } = await timedFailure(() => getNumber());
    expect([error.code, error.service, error.retryAfterSeconds]).toEqual(['RATE_LIMITED', 'AUTH', 3600]);
    expect(elapsedMs).toBeLessThan(FIGURES.atOnceMs + FIGURES.slackMs);
    expect(auth.requests).toHaveLength(1);
    expect(numbers.requests).toEqual([]);
  });

  it('answers UPSTREAM_UNREACHABLE from AUTH when the token endpoint drops every connection: 3 token calls, no API call, no API retry', async () => {
    auth.handle(() => ({ destroy: 'before-headers' }));
    const { error } = await timedFailure(() => getNumber());
    expect([error.code, error.service]).toEqual(['UPSTREAM_UNREACHABLE', 'AUTH']);
    expect(auth.requests).toHaveLength(3);
    expect(authAttempts()).toEqual([1, 2, 3]);
    expect(events.filter((event) => event.service === 'NUMBERS').map((event) => event.attempt)).toEqual([1]);
    expect(numbers.requests).toEqual([]);
  });

  it('answers UPSTREAM_UNAVAILABLE from AUTH when the token endpoint answers 503: 3 token calls', async () => {
    auth.handle(() => ({ status: 503, body: '' }));
    const { error } = await timedFailure(() => getNumber());
    expect([error.code, error.service, error.httpStatus]).toEqual(['UPSTREAM_UNAVAILABLE', 'AUTH', 503]);
    expect(auth.requests).toHaveLength(3);
    expect(clients.circuitStates()).toEqual({ NUMBERS: 'closed', VERIFICATION: 'closed', SIP_TRUNKING: 'closed', AUTH: 'closed' });
  });

  it('stops waiting for a hanging token request at the caller deadline', async () => {
    auth.handle(() => ({ hang: true }));
    const { error, elapsedMs } = await timedFailure(() => getNumber(AbortSignal.timeout(300)));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(elapsedMs).toBeLessThan(300 + FIGURES.atOnceMs);
    expect(numbers.requests).toEqual([]);
  });
});
