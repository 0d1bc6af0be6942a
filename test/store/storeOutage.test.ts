import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PHONE_NUMBERS } from '../../src/simulator/numbers/seedActiveNumbers.js';
import { metricTotal } from '../support/metricTotal.js';
import { startRedisServer, type TestRedisServer } from '../support/startRedisServer.js';
import { MAIN_PROJECT_ENTRY, newApiKey, startTenantGateway, type TenantGateway } from '../support/startTenantGateway.js';

const PHONE = '+46701234567';
const START = `mutation { startVerification(input: { phoneNumber: "${PHONE}", method: SMS }) { id } }`;
const REPORT_BY_NUMBER = `mutation { reportVerification(input: { phoneNumber: "${PHONE}", method: SMS, code: "9876" }) { status } }`;
const REPORT_BY_ID = 'mutation ($id: ID!) { reportVerification(input: { id: $id, method: SMS, code: "9876" }) { status } }';
const RENT_ANY = 'mutation { rentAnyNumber(input: { regionCode: "US", type: LOCAL, capabilities: [SMS], pattern: { pattern: "1415", searchPattern: START } }) { phoneNumber } }';
const READ = '{ numbers(first: 2) { totalCount } }';
const SWEDEN = SEEDED_PHONE_NUMBERS.sweden[0];
const UNLIMITED_MUTATION = `mutation { updateNumber(input: { phoneNumber: "${SWEDEN}", displayName: "outage" }) { displayName } }`;

describe('Shared store: a real Redis killed and restarted under a running gateway', () => {
  const tenant = newApiKey();
  let redis: TestRedisServer;
  let gateway: TenantGateway;
  const query = <T = Record<string, unknown>>(document: string, variables?: Record<string, unknown>) => gateway.query<T>(document, variables, { 'x-api-key': tenant.key });
  const codeOf = (response: { body: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } }) => response.body.errors?.[0]?.extensions?.['code'];
  const sent = async (method: string, service: string) => (await gateway.simulatorRequests(service)).filter((entry) => entry.method === method).length;
  const ready = async () => {
    const response = await request(`${gateway.url}/ready`);
    return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    gateway = await startTenantGateway({
      auth: 'apiKey',
      tenantsFile: {
        tenants: [{ id: 'acme', apiKeys: [{ id: 'a-1', sha256: tenant.sha256 }], projects: [MAIN_PROJECT_ENTRY], rateLimits: { reportVerification: { requests: 100, perSeconds: 60 }, startVerification: { requests: 100, perSeconds: 60 } } }],
      },
      env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'outage:' },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await redis?.stop();
  });

  it('keeps budgets in Redis with no phone number, verification id or code in any key or value', async () => {
    const started = await query<{ startVerification: { id: string } }>(START);
    const id = started.body.data?.startVerification.id ?? '';
    expect(id).not.toBe('');
    await query(REPORT_BY_NUMBER);
    await query(REPORT_BY_ID, { id });
    expect(await ready()).toMatchObject({ status: 200, body: { status: 'ready', store: 'redis: ready' } });
    expect(await metricTotal(gateway, 'gateway_store_up', { store: 'redis' })).toBe(1);

    const inspector = new Redis(redis.url);
    try {
      const keys = await inspector.keys('*');
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((key) => key.startsWith('outage:limit:'))).toBe(true);
      const values = await Promise.all(keys.map(async (key) => ((await inspector.type(key)) === 'string' ? await inspector.get(key) : JSON.stringify(await inspector.hgetall(key)))));
      for (const text of [...keys, ...values]) {
        expect(text).not.toContain(PHONE.slice(1));
        expect(text).not.toContain(PHONE.slice(-7));
        expect(text).not.toContain(id);
        expect(text).not.toContain('9876');
      }
    } finally {
      inspector.disconnect();
    }
  });

  it('fails starts, reports and rate-limited mutations closed while Redis is away, nothing sent to Sinch; reads and other mutations keep working; recovers by itself', async () => {
    const started = await query<{ startVerification: { id: string } }>(START);
    const id = started.body.data?.startVerification.id ?? '';
    const before = { starts: await sent('POST', 'VERIFICATION'), reports: await sent('PUT', 'VERIFICATION'), rents: await sent('POST', 'NUMBERS') };

    await redis.kill();
    await expect.poll(async () => (await ready()).body['store'], { timeout: 5_000 }).toBe('redis: down');
    expect((await ready()).status).toBe(200);
    expect(await metricTotal(gateway, 'gateway_store_up', { store: 'redis' })).toBe(0);

    for (const response of [await query(START), await query(REPORT_BY_NUMBER), await query(REPORT_BY_ID, { id }), await query(RENT_ANY)]) {
      expect(codeOf(response)).toBe('STORE_UNAVAILABLE');
      expect(response.body.errors?.[0]).toMatchObject({ extensions: { retryAfterSeconds: 1 } });
    }
    expect({ starts: await sent('POST', 'VERIFICATION'), reports: await sent('PUT', 'VERIFICATION'), rents: await sent('POST', 'NUMBERS') }).toEqual(before);
    expect(await metricTotal(gateway, 'gateway_store_unavailable_total')).toBeGreaterThanOrEqual(4);

    const read = await query<{ numbers: { totalCount: number } }>(READ);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.numbers.totalCount).toBeGreaterThan(0);
    const updated = await query(UNLIMITED_MUTATION);
    expect(updated.body.errors).toBeUndefined();

    await redis.start();
    // Reconnection is the client's own (at most 1 s between attempts): no restart, no call by hand.
    await expect.poll(async () => codeOf(await query(RENT_ANY)), { timeout: 10_000, interval: 200 }).toBeUndefined();
    expect(await ready()).toMatchObject({ status: 200, body: { status: 'ready', store: 'redis: ready' } });
    const again = await query<{ startVerification: { id: string } }>(START);
    expect(again.body.errors).toBeUndefined();
    expect(codeOf(await query(REPORT_BY_ID, { id: again.body.data?.startVerification.id }))).toBeUndefined();
  });

  it('fails closed within the command timeout when Redis hangs (connected, answering nothing), and never hangs a request', async () => {
    const before = await sent('PUT', 'VERIFICATION');
    redis.pause();
    try {
      const startedAt = Date.now();
      const refused = await query(REPORT_BY_NUMBER);
      expect(codeOf(refused)).toBe('STORE_UNAVAILABLE');
      // Generous: the command timeout is 1 s; "did not hang" is all this checks.
      expect(Date.now() - startedAt).toBeLessThan(10_000);
      expect(await sent('PUT', 'VERIFICATION')).toBe(before);
      const read = await query<{ numbers: { totalCount: number } }>(READ);
      expect(read.body.errors).toBeUndefined();
    } finally {
      redis.resume();
    }
    await expect.poll(async () => codeOf(await query(RENT_ANY)), { timeout: 10_000, interval: 200 }).toBeUndefined();
  });
});
