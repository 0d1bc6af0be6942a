import { afterEach, describe, expect, it } from 'vitest';
import { jwtExpiryMs } from '../../../src/upstream/auth/OAuthTokenProvider.js';
import { KEY_ID, KEY_SECRET, T0, jwt, startOAuthHarness } from './oauthHarness.js';
import type { OAuthHarness } from './oauthHarness.js';

describe('OAuthTokenProvider: token cache', () => {
  let harness: OAuthHarness;
  afterEach(async () => {
    await harness.close();
  });

  it('requests one token for 20 concurrent first requests (single flight)', async () => {
    harness = await startOAuthHarness({ tokenDelayMs: 100 });
    await Promise.all(Array.from({ length: 20 }, () => harness.get()));
    expect(harness.tokenServer.requests).toHaveLength(1);
    expect(harness.apiServer.requests).toHaveLength(20);
    expect(new Set(harness.bearerTokens())).toEqual(new Set([harness.issued[0]]));
  });

  it('sends grant_type=client_credentials as a form with Basic keyId:keySecret, exactly', async () => {
    harness = await startOAuthHarness();
    await harness.get();
    const [request] = harness.tokenServer.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/oauth2/token');
    expect(request?.body).toBe('grant_type=client_credentials');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers['authorization']).toBe(`Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`, 'utf8').toString('base64')}`);
  });

  it('reuses a JWT whose exp is 61 s away', async () => {
    harness = await startOAuthHarness({ token: (index) => ({ access_token: jwt(T0 + 3_600_000, `t${index + 1}`) }) });
    await harness.get();
    harness.clock.now = T0 + 3_600_000 - 61_000;
    await harness.get();
    expect(harness.tokenServer.requests).toHaveLength(1);
    expect(harness.bearerTokens()).toEqual([harness.issued[0], harness.issued[0]]);
  });

  it('refreshes a JWT whose exp is 59 s away before using it', async () => {
    harness = await startOAuthHarness({ token: (index, clock) => ({ access_token: jwt(clock.now + 3_600_000, `t${index + 1}`) }) });
    await harness.get();
    harness.clock.now = T0 + 3_600_000 - 59_000;
    await harness.get();
    expect(harness.tokenServer.requests).toHaveLength(2);
    expect(harness.bearerTokens()).toEqual([harness.issued[0], harness.issued[1]]);
    expect(harness.issued[0]).not.toBe(harness.issued[1]);
  });

  it('trusts the JWT exp over a longer expires_in', async () => {
    harness = await startOAuthHarness({ token: (index, clock) => ({ access_token: jwt(clock.now + 600_000, `t${index + 1}`), expires_in: 3600 }) });
    await harness.get();
    harness.clock.now = T0 + 600_000 - 59_000;
    await harness.get();
    expect(harness.tokenServer.requests).toHaveLength(2);
  });

  it('uses expires_in for a token that is not a JWT', async () => {
    harness = await startOAuthHarness({ token: (index) => ({ access_token: `opaque-${index + 1}`, expires_in: 3600 }) });
    await harness.get();
    harness.clock.now = T0 + 3_600_000 - 61_000;
    await harness.get();
    expect(harness.tokenServer.requests).toHaveLength(1);
    harness.clock.now = T0 + 3_600_000 - 59_000;
    await harness.get();
    expect(harness.tokenServer.requests).toHaveLength(2);
    expect(harness.bearerTokens()).toEqual(['opaque-1', 'opaque-1', 'opaque-2']);
  });

  it('reuses a token with neither exp nor expires_in until the API says it expired', async () => {
    harness = await startOAuthHarness({ token: (index) => ({ access_token: `opaque-${index + 1}` }) });
    await harness.get();
    harness.clock.now = T0 + 30 * 24 * 3_600_000;
    await harness.get();
    expect(harness.tokenServer.requests).toHaveLength(1);
  });

  it('does not cache a failed token request', async () => {
    harness = await startOAuthHarness();
    harness.tokenServer.enqueue({ status: 503, body: '' });
    await expect(harness.get()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', service: 'AUTH' });
    await harness.get();
    expect(harness.tokenServer.requests).toHaveLength(2);
    expect(harness.bearerTokens()).toEqual([harness.issued[0]]);
  });
});

describe('jwtExpiryMs', () => {
  it('reads exp in milliseconds', () => {
    expect(jwtExpiryMs(jwt(T0, 'x'))).toBe(T0);
  });

  it.each([
    ['an opaque token', 'opaque'],
    ['two parts', 'a.b'],
    ['a payload that is not base64 JSON', 'a.!!!.c'],
    ['a payload without exp', `a.${Buffer.from('{"sub":"x"}').toString('base64url')}.c`],
    ['a string exp', `a.${Buffer.from('{"exp":"1717675200"}').toString('base64url')}.c`],
    ['a null payload', `a.${Buffer.from('null').toString('base64url')}.c`],
  ])('yields undefined for %s', (_name, token) => {
    expect(jwtExpiryMs(token)).toBeUndefined();
  });
});
