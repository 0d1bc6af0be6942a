import { createHash } from 'node:crypto';
import type { EventIdClaims } from '../webhooks/registerNumbersWebhook.js';
import type { RedisConnection } from './RedisConnection.js';

/**
 * Callback event ids claimed once across every replica: `SET key 1 NX PX ttl`, one round trip,
 * atomic in Redis, so two replicas that receive the same delivery at the same moment cannot
 * both win. The key is a hash of the project and event id (bounded length, nothing of the
 * callback in clear); it expires when the event becomes too old to be accepted anyway.
 *
 * When Redis is away the command fails at once (the connection has no offline queue) and
 * `claim` throws: the receiver answers 503 so that Sinch retries the callback later.
 */
export class RedisEventIdClaims implements EventIdClaims {
  constructor(private readonly store: RedisConnection) {}

  async claim(key: string, ttlMs: number): Promise<'claimed' | 'duplicate'> {
    const digest = createHash('sha256').update(key).digest('base64url');
    const answer = await this.store.client.set(this.store.key('webhook', 'event', digest), '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
    return answer === 'OK' ? 'claimed' : 'duplicate';
  }
}
