import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { SIMULATOR_KEY_ID, SIMULATOR_KEY_SECRET } from '../../src/simulator/simulatorCredentials.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../support/simulatorAdmin.js';
import { BASIC_AUTHORIZATION, createNumbersTestClient, fetchAccessToken } from './numbersTestClient.js';

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('Simulator: OAuth2 token endpoint and Numbers authentication', () => {
  let simulator: RunningSimulator;
  let admin: SimulatorAdmin;
  const phoneNumber = SEEDED_PHONE_NUMBERS.provisioned[0];

  beforeAll(async () => {
    simulator = await startSimulator({ provisioning: 'manual', tokenTtlSeconds: 120 });
    admin = new SimulatorAdmin(simulator.url);
  });
  afterAll(() => simulator.close());
  beforeEach(() => admin.reset());

  const requestToken = (headers: Record<string, string>, body: string) =>
    fetch(`${simulator.url}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

  it('issues a bearer JWT for Basic client credentials, exactly as auth.sinch.com answers', async () => {
    const response = await requestToken({ authorization: BASIC_AUTHORIZATION }, 'grant_type=client_credentials');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ access_token: expect.any(String), expires_in: 120, scope: '', token_type: 'bearer' });
    const [header, payload, signature] = String(body['access_token']).split('.');
    expect(decodeSegment(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeSegment(payload);
    expect(claims).toMatchObject({ sub: SIMULATOR_KEY_ID, exp: Number(claims['iat']) + 120 });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('also accepts the credentials as form fields', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: SIMULATOR_KEY_ID, client_secret: SIMULATOR_KEY_SECRET });
    expect((await requestToken({}, form.toString())).status).toBe(200);
  });

  it('answers wrong credentials with 401 invalid_client', async () => {
    const wrong = `Basic ${Buffer.from(`${SIMULATOR_KEY_ID}:nope`).toString('base64')}`;
    const response = await requestToken({ authorization: wrong }, 'grant_type=client_credentials');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
  });

  it('answers another grant type with 400 unsupported_grant_type', async () => {
    const response = await requestToken({ authorization: BASIC_AUTHORIZATION }, 'grant_type=password');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('accepts Basic key id and secret on Numbers routes', async () => {
    const response = await createNumbersTestClient(simulator.url, BASIC_AUTHORIZATION).get(`/activeNumbers/${phoneNumber}`);
    expect(response.status).toBe(200);
  });

  it('answers an expired token with 401 and WWW-Authenticate: Bearer error="expired"', async () => {
    const numbers = createNumbersTestClient(simulator.url, `Bearer ${await fetchAccessToken(simulator.url)}`);
    expect((await numbers.get(`/activeNumbers/${phoneNumber}`)).status).toBe(200);
    await admin.expireTokens();
    const response = await numbers.get(`/activeNumbers/${phoneNumber}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="expired"');
    expect(response.body).toEqual({ error: { code: 401, message: expect.any(String), status: 'UNAUTHENTICATED', details: [] } });
    const fresh = createNumbersTestClient(simulator.url, `Bearer ${await fetchAccessToken(simulator.url)}`);
    expect((await fresh.get(`/activeNumbers/${phoneNumber}`)).status).toBe(200);
  });

  it('expires tokens by their exp claim too', async () => {
    const shortLived = await startSimulator({ provisioning: 'manual', tokenTtlSeconds: 0 });
    try {
      const numbers = createNumbersTestClient(shortLived.url, `Bearer ${await fetchAccessToken(shortLived.url)}`);
      const response = await numbers.get(`/activeNumbers/${phoneNumber}`);
      expect(response.headers.get('www-authenticate')).toContain('expired');
    } finally {
      await shortLived.close();
    }
  });

  it.each([
    ['no Authorization header', undefined],
    ['a token that is not a JWT', 'Bearer not-a-token'],
    ['a token signed by another simulator', 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ['wrong Basic credentials', `Basic ${Buffer.from('someone:else').toString('base64')}`],
  ])('answers %s with 401 that does not say expired', async (_, authorization) => {
    const response = await fetch(`${simulator.url}/v1/projects/x/activeNumbers`, { headers: authorization === undefined ? {} : { authorization } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).not.toContain('expired');
    expect(await response.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
  });
});
