import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { withPublisherTrace } from '../observability/tracing/traceCallbacks.js';
import type { RedisConnection } from '../store/RedisConnection.js';
import type { ProvisioningEvent } from './ProvisioningEvent.js';

export type EventBusState = 'local' | 'shared' | 'local-only';

/** Where an event reaches a replica's subscribers from: this replica, or another one through Redis. */
export type Delivery = (event: ProvisioningEvent, fromAnotherReplica: boolean) => void;

/**
 * How the provisioning events one replica learns of (a callback it received, a mutation made
 * through it, a poll it ran) reach the subscribers of every replica.
 */
export interface ProvisioningEventBus {
  /** `local` without Redis; `shared` while the shared stream is read; `local-only` while Redis is away. */
  readonly state: EventBusState;
  /** Hands `event` to `deliver` on every replica, this one included, once on each. */
  publish(event: ProvisioningEvent): void;
  close(): void;
}

/** One process, no Redis: an event is delivered here, at once. */
export class LocalEventBus implements ProvisioningEventBus {
  readonly state = 'local' as const;

  constructor(
    private readonly deliver: Delivery,
    private readonly onPublished: (path: 'shared' | 'local') => void = () => undefined,
  ) {}

  publish(published: ProvisioningEvent): void {
    // With tracing on, the event carries the trace of the span publishing it (traceCallbacks.ts).
    const event = withPublisherTrace(published);
    this.onPublished('local');
    this.deliver(event, false);
  }

  close(): void {}
}

export interface RedisEventBusOptions {
  store: RedisConnection;
  /** This process's id; events it published come back to it marked with it. */
  replicaId: string;
  deliver: Delivery;
  logger: Logger;
  /** Entries the stream keeps (approximately): how far a replica that lost Redis for a while can catch up. */
  maxLength?: number;
  onPublished?: (path: 'shared' | 'local') => void;
  onRelayed?: () => void;
  onStateChange?: (state: EventBusState) => void;
}

/** Below the connection's 1 s command timeout, which applies to blocking reads too. */
const BLOCK_MS = 400;
const READ_COUNT = 500;
const RETRY_MS = 100;
const DEFAULT_MAX_LENGTH = 10_000;

/**
 * Every replica's events in one Redis stream (`<prefix>provisioning:events`), read by every
 * replica with `XREAD BLOCK` from the last entry it delivered:
 *
 * - **Once, in order**: a replica delivers its OWN events when they come back from the stream,
 *   not when it publishes them, so every replica delivers every event exactly once and in the
 *   stream's order, the same order everywhere (per number, and across numbers too).
 * - **Redis away**: `XADD` fails at once (no offline queue), and the event is delivered to this
 *   replica's subscribers directly: local events keep flowing; other replicas do not get them
 *   (their subscribers still end in the true state: every later event carries a re-read, every
 *   re-subscription starts with the current state). If such an XADD did reach Redis after all
 *   (a timeout), its return from the stream is recognised and skipped: once still holds.
 * - **Reconnection**: the reader resumes from the last entry it delivered, so events published
 *   by other replicas while this one's reader was away are delivered when it is back, up to
 *   the stream's `maxLength` entries.
 *
 * A stream rather than pub/sub because pub/sub forgets what a disconnected subscriber missed,
 * including the replica's own events, which it would then never deliver.
 */
export class RedisEventBus implements ProvisioningEventBus {
  readonly #store: RedisConnection;
  readonly #reader: Redis;
  readonly #key: string;
  readonly #options: RedisEventBusOptions;
  readonly #maxLength: number;
  /** Events delivered here directly because their XADD failed; skipped if they show up in the stream. */
  readonly #deliveredDirectly = new LRUCache<string, true>({ max: 10_000, ttl: 10 * 60_000 });
  #lastId: string | undefined;
  #closed = false;
  #state: EventBusState = 'local-only';

  constructor(options: RedisEventBusOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#key = options.store.key('provisioning', 'events');
    this.#maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    this.#reader = options.store.duplicate('provisioning-events');
    void this.#readForever();
  }

  get state(): EventBusState {
    return this.#state;
  }

  publish(published: ProvisioningEvent): void {
    // Stamped here, in the publisher's context: the JSON in the stream carries the trace to every replica.
    const event = withPublisherTrace(published);
    if (this.#state !== 'shared') {
      // The stream is not being read (Redis away, or not reached yet): an event put there now
      // might never come back to this replica's own subscribers.
      this.#deliverDirectly(event);
      return;
    }
    const payload = JSON.stringify(event);
    this.#store.client
      .xadd(this.#key, 'MAXLEN', '~', String(this.#maxLength), '*', 'o', this.#options.replicaId, 'e', payload)
      .then(
        () => this.#options.onPublished?.('shared'),
        (error: unknown) => {
          this.#options.logger.debug({ reason: error instanceof Error ? error.message : String(error), eventId: event.eventId }, 'provisioning event not shared (Redis is away): delivered on this replica only');
          this.#deliverDirectly(event);
        },
      );
  }

  #deliverDirectly(event: ProvisioningEvent): void {
    this.#deliveredDirectly.set(identityOf(event), true);
    this.#options.onPublished?.('local');
    this.#options.deliver(event, false);
  }

  close(): void {
    this.#closed = true;
    this.#enter('local-only');
    this.#reader.disconnect();
  }

  async #readForever(): Promise<void> {
    while (!this.#closed) {
      if (this.#reader.status !== 'ready') {
        this.#enter('local-only');
        await sleep(RETRY_MS);
        continue;
      }
      try {
        // The first read starts after the newest entry: what was published before this
        // replica started is not its subscribers' business. Later reads resume where it stopped.
        this.#lastId ??= await this.#newestId();
        this.#enter('shared');
        const answer = (await this.#reader.xread('COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', this.#key, this.#lastId)) as Array<[string, Array<[string, string[]]>]> | null;
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            this.#lastId = id;
            this.#deliverEntry(fields);
          }
        }
      } catch (error) {
        if (this.#closed) return;
        this.#enter('local-only');
        this.#options.logger.debug({ reason: error instanceof Error ? error.message : String(error) }, 'provisioning event stream read failed; retrying');
        await sleep(RETRY_MS);
      }
    }
  }

  async #newestId(): Promise<string> {
    const newest = await this.#reader.xrevrange(this.#key, '+', '-', 'COUNT', 1);
    return newest[0]?.[0] ?? '0-0';
  }

  #deliverEntry(fields: string[]): void {
    const origin = fieldOf(fields, 'o');
    const event = parseEvent(fieldOf(fields, 'e'));
    if (event === undefined) {
      this.#options.logger.warn('skipping a malformed entry of the provisioning event stream');
      return;
    }
    const fromAnotherReplica = origin !== this.#options.replicaId;
    if (!fromAnotherReplica && this.#deliveredDirectly.delete(identityOf(event))) return;
    if (fromAnotherReplica) this.#options.onRelayed?.();
    try {
      this.#options.deliver(event, fromAnotherReplica);
    } catch (error) {
      this.#options.logger.error({ err: error, eventId: event.eventId }, 'delivering a provisioning event failed');
    }
  }

  #enter(state: EventBusState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#options.onStateChange?.(state);
  }
}

function identityOf(event: ProvisioningEvent): string {
  return `${event.projectId}\u0000${event.source}\u0000${event.eventId}`;
}

function fieldOf(fields: string[], name: string): string | undefined {
  for (let index = 0; index + 1 < fields.length; index += 2) {
    if (fields[index] === name) return fields[index + 1];
  }
  return undefined;
}

/** The stream is the gateway's own, but a malformed entry must never reach a subscriber or crash the reader. */
function parseEvent(payload: string | undefined): ProvisioningEvent | undefined {
  if (payload === undefined) return undefined;
  try {
    const value = JSON.parse(payload) as Partial<ProvisioningEvent> | null;
    if (
      value === null ||
      typeof value !== 'object' ||
      typeof value.eventId !== 'string' ||
      typeof value.projectId !== 'string' ||
      typeof value.resourceId !== 'string' ||
      (value.resourceType !== 'ACTIVE_NUMBER' && value.resourceType !== 'NUMBER_ORDER')
    ) {
      return undefined;
    }
    return value as ProvisioningEvent;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
