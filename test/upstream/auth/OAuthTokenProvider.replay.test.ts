import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { OAuthTokenProvider } from '../../../src/upstream/auth/OAuthTokenProvider.js';
import { UpstreamHttpClient } from '../../../src/upstream/http/UpstreamHttpClient.js';
import type { UpstreamError } from '../../../src/upstream/UpstreamError.js';
import { captureUpstreamError } from '../../errors/upstreamErrorHarness.js';
import { refusedOrigin } from '../../support/faultServer.js';
import { EXPIRED, KEY_ID, KEY_SECRET, startOAuthHarness } from './oauthHarness.js';
import type { OAuthHarness } from './oauthHarness.js';

const BASIC = Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64');

/** Neither the key secret (plain or in its Basic form) nor any issued token may appear in an error. */
function expectNoCredentials(error: UpstreamError, tokens: string[]): void {
  const text = `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}\n${error.message}`;
  for (const secret of [KEY_SECRET, BASIC, ...tokens]) {
    expect(text).not.toContain(secret);
  }
}

describe('OAuthTokenProvider: expired tokens and token endpoint failures', () => {
  let harness: OAuthHarness;
  afterEach(async () => {
    await harness.close();
  });

  it('on a 401 that says "expired", refreshes once and replays once with the new token', async () => {
    harness = await startOAuthHarness();
    harness.apiServer.enqueue(EXPIRED, { status: 200, body: { activeNumbers: [] } });
    const response = await harness.get();
    expect(response).toMatchObject({ statusCode: 200, body: { activeNumbers: [] } });
    expect(harness.tokenServer.requests).toHaveLength(2);
    expect(harness.bearerTokens()).toEqual([harness.issued[0], harness.issued[1]]);
    expect(harness.issued[1]).not.toBe(harness.issued[0]);
  });

  it('replays only once: a second expired 401 fails with UPSTREAM_AUTH_FAILED', async () => {
    harness = await startOAuthHarness({ api: () => EXPIRED });
    const error = await captureUpstreamError(harness.get());
    expect([error.code, error.service, error.httpStatus, error.retryable]).toEqual(['UPSTREAM_AUTH_FAILED', 'NUMBERS', 401, false]);
    expect(harness.apiServer.requests).toHaveLength(2);
    expect(harness.tokenServer.requests).toHaveLength(2);
    expectNoCredentials(error, harness.issued);
  });

  it('does not replay a 401 without "expired" and maps it to UPSTREAM_AUTH_FAILED, never UNAUTHENTICATED', async () => {
    harness = await startOAuthHarness({
      api: () => ({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, body: { error: { code: 401, message: 'Invalid token', status: 'UNAUTHENTICATED' } } }),
    });
    const error = await captureUpstreamError(harness.get());
    expect([error.code, error.service, error.status]).toEqual(['UPSTREAM_AUTH_FAILED', 'NUMBERS', 'UNAUTHENTICATED']);
    expect(harness.apiServer.requests).toHaveLength(1);
    expect(harness.tokenServer.requests).toHaveLength(1);
    expectNoCredentials(error, harness.issued);
  });

  it('refreshes once for parallel requests that all met the same expired token', async () => {
    harness = await startOAuthHarness({
      tokenDelayMs: 50,
      api: (request) => (request.headers['authorization'] === `Bearer ${harness.issued[0]}` ? EXPIRED : { status: 200, body: {} }),
    });
    await Promise.all(Array.from({ length: 8 }, () => harness.get()));
    expect(harness.tokenServer.requests).toHaveLength(2);
    const tokens = harness.bearerTokens();
    expect(tokens.filter((token) => token === harness.issued[0])).toHaveLength(8);
    expect(tokens.filter((token) => token === harness.issued[1])).toHaveLength(8);
  });

  it('refreshes once when the expired 401s arrive after the new token is already cached', async () => {
    harness = await startOAuthHarness({
      api: (request) => (request.headers['authorization'] === `Bearer ${harness.issued[0]}` ? { ...EXPIRED, delayMs: request.path.endsWith('slow') ? 300 : 0 } : { status: 200, body: {} }),
    });
    const slow = harness.api.request({ method: 'GET', path: '/v1/slow', route: '/v1/slow' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await harness.get();
    await slow;
    expect(harness.tokenServer.requests).toHaveLength(2);
    expect(harness.apiServer.requests).toHaveLength(4);
  });

  it('maps a token endpoint 401 to UPSTREAM_AUTH_FAILED from AUTH and never calls the API', async () => {
    harness = await startOAuthHarness();
    harness.tokenServer.enqueue({ status: 401, body: { error: 'invalid_client', error_description: 'Bad client credentials' } });
    const error = await captureUpstreamError(harness.get());
    expect([error.code, error.service, error.httpStatus, error.upstreamCode, error.upstreamMessage]).toEqual(['UPSTREAM_AUTH_FAILED', 'AUTH', 401, 'invalid_client', 'Bad client credentials']);
    expect(harness.apiServer.requests).toEqual([]);
    expectNoCredentials(error, []);
  });

  it('maps a token endpoint 429 to RATE_LIMITED from AUTH', async () => {
    harness = await startOAuthHarness();
    harness.tokenServer.enqueue({ status: 429, headers: { 'retry-after': '2' }, body: '' });
    const error = await captureUpstreamError(harness.get());
    expect([error.code, error.service, error.retryable, error.retryAfterSeconds]).toEqual(['RATE_LIMITED', 'AUTH', true, 2]);
    expectNoCredentials(error, []);
  });

  it('maps a token answer without access_token to UPSTREAM_BAD_RESPONSE from AUTH', async () => {
    harness = await startOAuthHarness({ token: () => ({ token_type: 'bearer', expires_in: 3600 }) });
    const error = await captureUpstreamError(harness.get());
    expect([error.code, error.service, error.httpStatus]).toEqual(['UPSTREAM_BAD_RESPONSE', 'AUTH', 200]);
    expect(harness.apiServer.requests).toEqual([]);
  });

  it('maps a token endpoint that is down to UPSTREAM_UNREACHABLE from AUTH', async () => {
    harness = await startOAuthHarness();
    const authClient = new UpstreamHttpClient({ service: 'AUTH', origin: await refusedOrigin() });
    const provider = new OAuthTokenProvider({ authClient, keyId: KEY_ID, keySecret: KEY_SECRET });
    const api = new UpstreamHttpClient({ service: 'SIP_TRUNKING', origin: harness.apiServer.origin, authenticator: provider });
    try {
      const error = await captureUpstreamError(api.request({ method: 'GET', path: '/v1/projects/p/trunks', route: '/v1/projects/{projectId}/trunks' }));
      expect([error.code, error.service, error.retryable]).toEqual(['UPSTREAM_UNREACHABLE', 'AUTH', true]);
      expect(harness.apiServer.requests).toEqual([]);
      expectNoCredentials(error, []);
    } finally {
      await Promise.all([authClient.close(), api.close()]);
    }
  });
});
