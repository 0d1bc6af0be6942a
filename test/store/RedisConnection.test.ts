import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '../../src/store/RedisConnection.js';
import { createLogger } from '../../src/server/createLogger.js';
import { startRedisServer, type TestRedisServer } from '../support/startRedisServer.js';

describe('Redis connection: a real redis-server killed and restarted', () => {
  let redis: TestRedisServer;
  let connection: RedisConnection;

  beforeAll(async () => {
    redis = await startRedisServer();
    connection = new RedisConnection({ redisUrl: redis.url, keyPrefix: 'test:' }, createLogger('silent'), { maxReconnectDelayMs: 100 });
    await connection.waitUntilReady();
  });

  afterAll(async () => {
    await connection.close();
    await redis.stop();
  });

  it('prefixes every key', () => {
    expect(connection.key('budget', 'abc')).toBe('test:budget:abc');
  });

  it('never names the password of the URL in its address', () => {
    const withPassword = new RedisConnection({ redisUrl: 'redis://:hunter2@127.0.0.1:1/0', keyPrefix: 'x:' }, createLogger('silent'));
    expect(withPassword.address).toBe('redis://127.0.0.1:1');
    return withPassword.close();
  });

  it('fails a command at once while Redis is away, and works again after it restarts, with no new connection made by hand', async () => {
    await connection.client.set(connection.key('k'), 'before');
    expect(await connection.client.get(connection.key('k'))).toBe('before');

    await redis.kill();
    await expect.poll(() => connection.state, { timeout: 5_000 }).toBe('down');
    await expect(connection.client.get(connection.key('k'))).rejects.toThrow();

    await redis.start();
    await connection.waitUntilReady(5_000);
    // No persistence: the restarted server is empty.
    expect(await connection.client.get(connection.key('k'))).toBeNull();
    await connection.client.set(connection.key('k'), 'after');
    expect(await connection.client.get(connection.key('k'))).toBe('after');
  });
});
