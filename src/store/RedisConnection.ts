import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { StoreConfig } from '../config.js';

/** Where the connection is: only `ready` takes commands; every other state fails them at once. */
export type RedisConnectionState = 'connecting' | 'ready' | 'down' | 'closed';

export interface RedisConnectionOptions {
  /** How long one command may take before it fails (a Redis that hangs must not hang a request). */
  commandTimeoutMs?: number;
  /** How long connecting may take before it counts as a failure and is retried. */
  connectTimeoutMs?: number;
  /** The longest wait between two reconnection attempts. */
  maxReconnectDelayMs?: number;
}

const DEFAULTS = { commandTimeoutMs: 1_000, connectTimeoutMs: 2_000, maxReconnectDelayMs: 1_000 } as const;

/**
 * The one connection to the Redis that every replica shares (`REDIS_URL`), and the factory of
 * the extra connections that pub/sub needs (a subscribed connection takes no other command).
 *
 * Failing closed is the default of every user of the store, so a command never waits for a
 * Redis that is away: the offline queue is off (a command while disconnected fails at once),
 * each command has a timeout, and the client reconnects by itself, forever, at most
 * `maxReconnectDelayMs` apart, so that the gateway recovers within seconds of Redis coming back
 * without a restart.
 *
 * The URL may carry a password: it is never logged, only the host and port are.
 */
export class RedisConnection {
  readonly client: Redis;
  readonly keyPrefix: string;
  readonly #url: string;
  readonly #options: Required<RedisConnectionOptions>;
  readonly #logger: Logger;
  readonly #extra = new Set<Redis>();
  #state: RedisConnectionState = 'connecting';
  readonly #stateListeners = new Set<(state: RedisConnectionState) => void>();

  constructor(config: Required<Pick<StoreConfig, 'keyPrefix'>> & { redisUrl: string }, logger: Logger, options: RedisConnectionOptions = {}) {
    this.#url = config.redisUrl;
    this.keyPrefix = config.keyPrefix;
    this.#options = { ...DEFAULTS, ...options };
    this.#logger = logger;
    this.client = this.#connect('commands');
    this.client.on('ready', () => this.#enter('ready'));
    this.client.on('close', () => this.#enter(this.#state === 'closed' ? 'closed' : 'down'));
    this.client.on('end', () => this.#enter(this.#state === 'closed' ? 'closed' : 'down'));
  }

  get state(): RedisConnectionState {
    return this.#state;
  }

  get isReady(): boolean {
    return this.#state === 'ready';
  }

  /** Where Redis is, for logs: host and port, never the password. */
  get address(): string {
    const url = new URL(this.#url);
    return `${url.protocol}//${url.hostname}:${url.port || '6379'}`;
  }

  /** `prefix + parts.join(':')`: every key the gateway writes goes through here. */
  key(...parts: string[]): string {
    return this.keyPrefix + parts.join(':');
  }

  /** Called with each new state; returns a function that stops the calls. */
  onStateChange(listener: (state: RedisConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  /**
   * A further connection with the same settings, for a subscriber (pub/sub) or a blocking
   * command; closed with this one.
   */
  duplicate(purpose: string): Redis {
    const connection = this.#connect(purpose);
    this.#extra.add(connection);
    connection.on('end', () => this.#extra.delete(connection));
    return connection;
  }

  /** Resolves once the connection is ready, or rejects after `timeoutMs`. */
  async waitUntilReady(timeoutMs = 5_000): Promise<void> {
    if (this.isReady) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`Redis at ${this.address} was not ready within ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = this.onStateChange((state) => {
        if (state === 'ready') {
          clearTimeout(timer);
          stop();
          resolve();
        }
      });
    });
  }

  async close(): Promise<void> {
    this.#enter('closed');
    const connections = [this.client, ...this.#extra];
    this.#extra.clear();
    await Promise.all(connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }

  #connect(purpose: string): Redis {
    const connection = new Redis(this.#url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: this.#options.commandTimeoutMs,
      connectTimeout: this.#options.connectTimeoutMs,
      retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 10), this.#options.maxReconnectDelayMs),
      // A reply error never closes the connection; a READONLY one (a failover) reconnects.
      reconnectOnError: (error) => error.message.startsWith('READONLY'),
      connectionName: `sinch-graphql-gateway:${purpose}`,
    });
    // Without a listener an 'error' event would crash the process; the state says what matters.
    connection.on('error', (error: Error) => {
      this.#logger.debug({ redis: this.address, purpose, reason: error.message }, 'Redis connection error');
    });
    return connection;
  }

  #enter(state: RedisConnectionState): void {
    if (this.#state === state || (this.#state === 'closed' && state !== 'closed')) return;
    const previous = this.#state;
    this.#state = state;
    if (state === 'ready') this.#logger.info({ redis: this.address }, previous === 'connecting' ? 'Redis connected' : 'Redis reconnected');
    if (state === 'down') this.#logger.warn({ redis: this.address }, 'Redis is unreachable: shared limits fail closed until it is back');
    for (const listener of this.#stateListeners) listener(state);
  }
}
