import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createLogger } from '../../src/server/createLogger.js';
import type { LimitStore } from '../../src/store/LimitStore.js';
import { MemoryLimitStore } from '../../src/store/MemoryLimitStore.js';
import { RedisConnection } from '../../src/store/RedisConnection.js';
import { RedisLimitStore } from '../../src/store/RedisLimitStore.js';

/** The URL of the redis-server every suite shares (test/support/globalRedis.ts). */
export function testRedisUrl(): string {
  return inject('testRedisUrl');
}

/** True in the vitest project `redis`, whose test gateways keep their state in Redis. */
export function gatewaysUseRedis(): boolean {
  return process.env['GATEWAY_STORE'] === 'redis';
}

/**
 * The store variables of a test gateway: none (state in the process) by default; in the `redis`
 * project the shared Redis, under a prefix of the gateway's own, so that no two gateways (nor
 * two runs) ever share a budget by accident.
 */
export function storeEnvironment(): Record<string, string> {
  return gatewaysUseRedis() ? { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniqueKeyPrefix(), REDIS_KEY_SECRET: TEST_REDIS_KEY_SECRET } : {};
}

/** The digest key of the test gateways (production requires one with REDIS_URL). */
export const TEST_REDIS_KEY_SECRET = 'a test digest key of at least 32 characters';

export function uniqueKeyPrefix(): string {
  return `test:${randomUUID().slice(0, 8)}:`;
}

export interface TestLimitStore {
  store: LimitStore;
  close(): Promise<void>;
}

/** Each implementation of LimitStore, for the suites that hold both to one contract. */
export const LIMIT_STORES: Array<{ kind: 'memory' | 'redis'; open(): Promise<TestLimitStore> }> = [
  { kind: 'memory', open: async () => ({ store: new MemoryLimitStore(), close: async () => undefined }) },
  {
    kind: 'redis',
    async open() {
      const connection = new RedisConnection({ redisUrl: testRedisUrl(), keyPrefix: uniqueKeyPrefix() }, createLogger('silent'));
      await connection.waitUntilReady();
      return { store: new RedisLimitStore(connection, { digestKey: TEST_REDIS_KEY_SECRET, logger: createLogger('silent') }), close: () => connection.close() };
    },
  },
];

/** What `/ready` says of the store of a ready test gateway of this vitest project. */
export function readyStoreDetail(): string {
  return gatewaysUseRedis() ? 'redis: ready' : 'memory';
}
