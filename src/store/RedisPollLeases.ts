import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { PollLeases } from '../provisioning/ProvisioningPoller.js';
import type { RedisConnection } from './RedisConnection.js';

/** Takes the lease when it is free, renews it when this replica holds it; 1 when held afterwards. */
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

/** Deletes the lease only when this replica holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/**
 * Polling leases in Redis: one replica polls a number for all the replicas that follow it.
 * A lease is a key holding the replica's id that expires after `leaseMs`; its holder renews
 * every lease it holds every `leaseMs / 3`, so a lease outlives its holder by at most `leaseMs`:
 * when a replica dies, another one that follows the number takes it at its next poll after that.
 * Keys are hashes of the project and number (no phone number in clear).
 */
export class RedisPollLeases implements PollLeases {
  readonly #store: RedisConnection;
  readonly #replicaId: string;
  readonly #leaseMs: number;
  readonly #logger: Logger;
  readonly #held = new Set<string>();
  readonly #onHeldChange: (held: number) => void;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(options: { store: RedisConnection; replicaId: string; leaseMs: number; logger: Logger; onHeldChange?: (held: number) => void }) {
    this.#store = options.store;
    this.#replicaId = options.replicaId;
    this.#leaseMs = options.leaseMs;
    this.#logger = options.logger;
    this.#onHeldChange = options.onHeldChange ?? (() => undefined);
    this.#heartbeat = setInterval(() => void this.#renewAll(), Math.max(100, Math.floor(options.leaseMs / 3)));
    this.#heartbeat.unref();
  }

  get held(): number {
    return this.#held.size;
  }

  async acquire(key: string): Promise<boolean> {
    const redisKey = this.#redisKey(key);
    const held = (await this.#store.client.eval(ACQUIRE, 1, redisKey, this.#replicaId, String(this.#leaseMs))) === 1;
    this.#mark(redisKey, held);
    return held;
  }

  async release(key: string): Promise<void> {
    const redisKey = this.#redisKey(key);
    if (!this.#held.has(redisKey)) return;
    this.#mark(redisKey, false);
    await this.#store.client.eval(RELEASE, 1, redisKey, this.#replicaId).catch((error: unknown) => {
      // It expires by itself within leaseMs.
      this.#logger.debug({ reason: error instanceof Error ? error.message : String(error) }, 'could not release a polling lease');
    });
  }

  close(): void {
    clearInterval(this.#heartbeat);
    for (const key of [...this.#held]) void this.#store.client.eval(RELEASE, 1, key, this.#replicaId).catch(() => undefined);
    this.#held.clear();
    this.#onHeldChange(0);
  }

  async #renewAll(): Promise<void> {
    for (const key of [...this.#held]) {
      try {
        const held = (await this.#store.client.eval(ACQUIRE, 1, key, this.#replicaId, String(this.#leaseMs))) === 1;
        this.#mark(key, held);
      } catch {
        // Redis away: every replica polls on its own until it is back (docs/provisioning.md).
        return;
      }
    }
  }

  #mark(redisKey: string, held: boolean): void {
    const before = this.#held.size;
    if (held) this.#held.add(redisKey);
    else this.#held.delete(redisKey);
    if (this.#held.size !== before) this.#onHeldChange(this.#held.size);
  }

  #redisKey(key: string): string {
    return this.#store.key('provisioning', 'poll', createHash('sha256').update(key).digest('base64url'));
  }
}
