import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/createLogger.js';
import { RedisConnection } from '../../src/store/RedisConnection.js';
import { SharedPersistedQueryCache } from '../../src/store/SharedPersistedQueryCache.js';
import { startRedisServer, type TestRedisServer } from '../support/startRedisServer.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function persisted(gateway: TestGateway, document: string, withDocument: boolean) {
  const response = await request(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...(withDocument && { query: document }), extensions: { persistedQuery: { version: 1, sha256Hash: sha256(document) } } }),
  });
  const body = (await response.body.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions?: Record<string, unknown> }> };
  return { status: response.statusCode, data: body.data, code: body.errors?.[0]?.extensions?.['code'] };
}

describe('Persisted queries shared through Redis', () => {
  let redis: TestRedisServer;
  let first: TestGateway;
  let second: TestGateway;
  let inspector: Redis;

  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'apq-test:' };
    [first, second] = await Promise.all([startTestGateway({ env }), startTestGateway({ env })]);
    inspector = new Redis(redis.url);
    inspector.on('error', () => undefined);
  });
  afterAll(async () => {
    inspector?.disconnect();
    await Promise.all([first?.close(), second?.close()]);
    await redis?.stop();
  });

  it('finds on one replica a hash registered on another', async () => {
    const document = '{ numbers(first: 1) { totalCount } }';
    expect((await persisted(second, document, false)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await persisted(first, document, true)).data).toEqual({ numbers: { totalCount: expect.any(Number) } });
    await expect.poll(async () => (await persisted(second, document, false)).data, { timeout: 2_000 }).toEqual({ numbers: { totalCount: expect.any(Number) } });
  });

  it('never writes a document that selects reportVerification to Redis: it may carry a code in clear', async () => {
    const document = 'mutation { reportVerification(input: { id: "abc", method: SMS, code: "4242" }) { status } }';
    await persisted(first, document, true);
    const stored = await inspector.keys('apq-test:apq:*');
    const documents = await Promise.all(stored.map((key) => inspector.get(key)));
    expect(documents.some((text) => text?.includes('4242'))).toBe(false);
    expect((await persisted(second, document, false)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('keeps at most maxEntries documents in Redis, the oldest going first, each with a TTL', async () => {
    const connection = new RedisConnection({ redisUrl: redis.url, keyPrefix: 'apq-bound:' }, createLogger('silent'));
    await connection.waitUntilReady();
    try {
      const cache = new SharedPersistedQueryCache(connection, createLogger('silent'), { maxEntries: 3 });
      for (let index = 0; index < 5; index++) await cache.set(`apq:${index}`, `{ a${index} }`);
      const keys = (await inspector.keys('apq-bound:apq:*')).sort();
      expect(keys).toEqual(['apq-bound:apq:apq:2', 'apq-bound:apq:apq:3', 'apq-bound:apq:apq:4']);
      expect(await inspector.pttl(keys[0] ?? '')).toBeGreaterThan(0);
      const fresh = new SharedPersistedQueryCache(connection, createLogger('silent'));
      expect(await fresh.get('apq:0')).toBeUndefined();
      expect(await fresh.get('apq:4')).toBe('{ a4 }');
    } finally {
      await connection.close();
    }
  });

  it('falls back to each replica\'s own cache while Redis is away, and never fails a request for it', async () => {
    const document = '{ numbers(first: 3) { totalCount } }';
    expect((await persisted(first, document, true)).data).toBeDefined();
    await redis.kill();
    await expect.poll(() => first.gateway.store?.state, { timeout: 5_000 }).toBe('down');
    // Registered here: found locally. Registered nowhere reachable: the client sends the document again.
    expect((await persisted(first, document, false)).data).toEqual({ numbers: { totalCount: expect.any(Number) } });
    const other = '{ numbers(first: 4) { totalCount } }';
    expect(await persisted(second, other, false)).toMatchObject({ status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect((await persisted(second, other, true)).data).toBeDefined();
    expect((await persisted(second, other, false)).data).toBeDefined();
    await redis.start();
  });
});
