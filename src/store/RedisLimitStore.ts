import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { storeUnavailable } from './LimitStore.js';
import type { AttemptWindow, LimitDecision, LimitStore, TokenBucket } from './LimitStore.js';
import type { RedisConnection } from './RedisConnection.js';

/**
 * Fixed windows on several keys, all or nothing, in one atomic step: no other replica's take can
 * fall between the check and the increments. KEYS: the windows; ARGV: maxAttempts, windowMs.
 * Returns {1, 0} when taken, {0, ms until the spent window ends} when refused.
 */
const TAKE_ATTEMPTS = `
local maxAttempts = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
for _, key in ipairs(KEYS) do
  local attempts = tonumber(redis.call('GET', key) or '0')
  if attempts >= maxAttempts then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then
      redis.call('PEXPIRE', key, windowMs)
      ttl = windowMs
    end
    return {0, ttl}
  end
end
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then
    redis.call('PEXPIRE', key, windowMs)
  end
end
return {1, 0}
`;

/**
 * A token bucket, on Redis's clock (one clock for every replica). KEYS[1]: the bucket (a hash of
 * tokens and the time they were counted); ARGV: capacity, refill per millisecond. The key
 * expires once the bucket would be full again, which is the same as no key.
 * Returns {1, 0} when a token was taken, {0, ms until the next token} when refused.
 */
const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local refillPerMs = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(stored[1]) or capacity
local at = tonumber(stored[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * refillPerMs)
local allowed = 1
local retryAfterMs = 0
if tokens < 1 then
  allowed = 0
  retryAfterMs = math.ceil((1 - tokens) / refillPerMs)
else
  tokens = tokens - 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / refillPerMs) + 1)
return {allowed, retryAfterMs}
`;

interface LimitCommands {
  gatewayTakeAttempts(...keysAndArguments: Array<string | number>): Promise<[number, number]>;
  gatewayTakeToken(key: string, capacity: number, refillPerMs: number): Promise<[number, number]>;
}

/**
 * The limits every replica shares, in Redis (`REDIS_URL`). Each take is one Lua script, so it is
 * atomic across replicas; the keys are the rules' own, under `REDIS_KEY_PREFIX` and `limit:`.
 * Scripts rather than rate-limiter-flexible: the report budget spends two windows together or
 * neither (its limiters count one key each), and the mutation limit is a token bucket (its
 * Redis limiters are fixed windows), which keeps the figures identical to the in-process ones.
 *
 * Fails closed: while Redis is unreachable (the connection does not queue commands) or a command
 * times out, every take throws STORE_UNAVAILABLE.
 */
export class RedisLimitStore implements LimitStore {
  readonly kind = 'redis';
  readonly #connection: RedisConnection;
  readonly #digestKey: Buffer;
  readonly #logger: Logger;
  readonly #commands: LimitCommands;
  readonly #onUnavailable: () => void;

  constructor(connection: RedisConnection, options: { digestKey: string; logger: Logger; onUnavailable?: () => void }) {
    this.#connection = connection;
    this.#digestKey = Buffer.from(options.digestKey, 'utf8');
    this.#logger = options.logger;
    this.#onUnavailable = options.onUnavailable ?? (() => undefined);
    const client = connection.client;
    if (!('gatewayTakeAttempts' in client)) {
      client.defineCommand('gatewayTakeAttempts', { lua: TAKE_ATTEMPTS });
      client.defineCommand('gatewayTakeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
    }
    this.#commands = client as unknown as LimitCommands;
  }

  async takeAttempts(keys: readonly string[], window: AttemptWindow): Promise<LimitDecision> {
    const [allowed, retryAfterMs] = await this.#run(() =>
      this.#commands.gatewayTakeAttempts(keys.length, ...keys.map((key) => this.#key(key)), window.maxAttempts, window.windowMs),
    );
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs };
  }

  async takeToken(key: string, bucket: TokenBucket): Promise<LimitDecision> {
    const [allowed, retryAfterMs] = await this.#run(() => this.#commands.gatewayTakeToken(this.#key(key), bucket.capacity, bucket.refillPerMs));
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs };
  }

  async remember(key: string, value: string, ttlMs: number): Promise<void> {
    await this.#run(() => this.#connection.client.set(this.#key(key), value, 'PX', Math.max(1, Math.ceil(ttlMs))));
  }

  async recall(key: string): Promise<string | undefined> {
    return (await this.#run(() => this.#connection.client.get(this.#key(key)))) ?? undefined;
  }

  digest(value: string): string {
    return createHmac('sha256', this.#digestKey).update(value).digest('base64url').slice(0, 22);
  }

  #key(key: string): string {
    return this.#connection.key('limit', key);
  }

  async #run<T>(command: () => Promise<T>): Promise<T> {
    if (!this.#connection.isReady) {
      this.#onUnavailable();
      throw storeUnavailable();
    }
    try {
      return await command();
    } catch (error) {
      this.#onUnavailable();
      this.#logger.warn({ redis: this.#connection.address, reason: error instanceof Error ? error.message : String(error) }, 'a limit could not be checked in Redis: the operation is refused');
      throw storeUnavailable();
    }
  }
}
