import type { ApolloServerOptions } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { RedisConnection } from './RedisConnection.js';

/** Apollo's KeyValueCache, as its persisted-query option takes it. */
type PersistedQueryCache = NonNullable<Exclude<ApolloServerOptions<never>['persistedQueries'], false | undefined>['cache']>;

export interface SharedPersistedQueryCacheOptions {
  /** Documents kept in Redis at most; the oldest registered go first. Default 10 000. */
  maxEntries?: number;
  /** How long a document is kept when Apollo names no TTL. Default 24 hours. */
  ttlMs?: number;
  /** Documents kept in this replica's own cache at most. Default 1 000. */
  maxLocalEntries?: number;
  /** A document longer than this is not shared (the request-size cap bounds it anyway). Default 64 KiB. */
  maxDocumentBytes?: number;
}

/**
 * Stores one document with its TTL and keeps at most `maxEntries` of them: an index (a sorted set
 * of keys by registration time) drops expired names, then the oldest, with their documents.
 * KEYS[1]: the document; KEYS[2]: the index. ARGV: document, ttlMs, maxEntries.
 */
const REGISTER = `
local ttlMs = tonumber(ARGV[2])
local maxEntries = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttlMs)
redis.call('ZADD', KEYS[2], now, KEYS[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - ttlMs)
local excess = redis.call('ZCARD', KEYS[2]) - maxEntries
if excess > 0 then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
  for _, key in ipairs(oldest) do
    redis.call('DEL', key)
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
end
redis.call('PEXPIRE', KEYS[2], ttlMs)
return 1
`;

type RegisterDocument = (document: string, index: string, value: string, ttlMs: number, maxEntries: number) => Promise<unknown>;

/** Apollo prefixes its keys with `apq:` and a SHA-256 in hex; anything much longer is not a hash. */
const MAX_KEY_LENGTH = 128;

/**
 * Automatic persisted queries shared by every replica: a hash registered on one replica is found
 * on the others. Two tiers: this replica's own LRU first, then Redis.
 *
 * Redis is a cache here, never a dependency: a read or write that fails (Redis away, a timeout)
 * is a miss, and the document is still served from, and registered in, the local tier. A client
 * that sends only a hash another replica registered then gets PERSISTED_QUERY_NOT_FOUND and
 * sends the whole document, as the APQ protocol provides.
 *
 * A document that selects `reportVerification` is never written to Redis: it may carry a
 * one-time code as a literal, and no secret is stored in Redis in clear. It stays in the replica
 * that received it.
 */
export class SharedPersistedQueryCache implements PersistedQueryCache {
  readonly #connection: RedisConnection;
  readonly #logger: Logger;
  readonly #local: LRUCache<string, string>;
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #maxDocumentBytes: number;
  readonly #register: RegisterDocument;

  constructor(connection: RedisConnection, logger: Logger, options: SharedPersistedQueryCacheOptions = {}) {
    this.#connection = connection;
    this.#logger = logger;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#ttlMs = options.ttlMs ?? 24 * 60 * 60_000;
    this.#maxDocumentBytes = options.maxDocumentBytes ?? 64 * 1024;
    this.#local = new LRUCache({ max: options.maxLocalEntries ?? 1_000, ttl: this.#ttlMs });
    const client = connection.client;
    if (!('gatewayRegisterDocument' in client)) client.defineCommand('gatewayRegisterDocument', { numberOfKeys: 2, lua: REGISTER });
    const commands = client as unknown as { gatewayRegisterDocument: RegisterDocument };
    this.#register = (...args) => commands.gatewayRegisterDocument(...args);
  }

  async get(key: string): Promise<string | undefined> {
    const local = this.#local.get(key);
    if (local !== undefined || key.length > MAX_KEY_LENGTH || !this.#connection.isReady) return local;
    try {
      const shared = await this.#connection.client.get(this.#key(key));
      if (shared === null) return undefined;
      this.#local.set(key, shared);
      return shared;
    } catch (error) {
      this.#miss('read', error);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttlMs = typeof options?.ttl === 'number' && options.ttl > 0 ? options.ttl * 1000 : this.#ttlMs;
    this.#local.set(key, value, { ttl: ttlMs });
    if (!this.#shareable(key, value) || !this.#connection.isReady) return;
    try {
      await this.#register(this.#key(key), this.#connection.key('apq-index'), value, Math.ceil(ttlMs), this.#maxEntries);
    } catch (error) {
      this.#miss('write', error);
    }
  }

  async delete(key: string): Promise<boolean> {
    const had = this.#local.delete(key);
    if (!this.#connection.isReady) return had;
    try {
      await this.#connection.client.del(this.#key(key));
    } catch (error) {
      this.#miss('delete', error);
    }
    return had;
  }

  #shareable(key: string, value: string): boolean {
    return key.length <= MAX_KEY_LENGTH && Buffer.byteLength(value) <= this.#maxDocumentBytes && !/\breportVerification\b/.test(value);
  }

  #key(key: string): string {
    return this.#connection.key('apq', key);
  }

  #miss(operation: string, error: unknown): void {
    this.#logger.debug({ redis: this.#connection.address, operation, reason: error instanceof Error ? error.message : String(error) }, 'persisted query cache: Redis did not answer, the local cache serves alone');
  }
}
