import type { SimulatorLifetime } from '../../core/SimulatorLifetime.js';
import type { SimulatorLogger } from '../../core/SimulatorLogger.js';
import { DEFAULT_CALLBACK_SWITCHES, type CallbackSwitches } from './CallbackSwitches.js';
import { deliverCallback } from './deliverCallback.js';
import type { NumbersCallbackPayload } from './NumbersCallbackPayload.js';
import { signCallbackBody } from './signCallbackBody.js';

export type CallbackDeliveryState = 'PENDING' | 'HELD' | 'DELIVERED' | 'FAILED' | 'DISABLED';

/** One callback copy as `GET /__admin/callbacks` lists it. Never holds the secret or the signature. */
export interface SentCallback {
  seq: number;
  url: string;
  /** 0 for the original, 1..N for the copies of the `duplicates` switch. */
  copy: number;
  payload: NumbersCallbackPayload;
  signed: boolean;
  state: CallbackDeliveryState;
  attempts: number;
  /** Status of the last answer; null when none came. */
  responseStatus: number | null;
  error: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

interface QueuedCallback {
  record: SentCallback;
  body: string;
  headers: Record<string, string>;
  generation: number;
}

export type ReleaseOrder = 'fifo' | 'reverse';

/**
 * Sends Numbers callbacks the way Sinch does (signed POST, retried with backoff), plus the
 * switches tests need to provoke what the real API only promises: duplicates, delays and
 * reordering ("ordering not guaranteed", REFERENCE §4.6).
 *
 * Deliveries go out one at a time, in emission order, on one promise chain: a simulator is
 * for tests, and a test can only reason about order if the simulator has one; `hold` plus
 * `release({order: 'reverse'})` is how a test asks for disorder. Every wait is a lifetime
 * delay, so `close()` ends the chain; nothing here throws into the request pipeline.
 */
export class CallbackDispatcher {
  #switches: CallbackSwitches = { ...DEFAULT_CALLBACK_SWITCHES };
  #log: SentCallback[] = [];
  #held: QueuedCallback[] = [];
  #chain: Promise<void> = Promise.resolve();
  #nextSeq = 1;
  /** Bumped by reset, so deliveries queued before it are dropped. */
  #generation = 0;
  readonly #lifetime: SimulatorLifetime;
  readonly #logger: SimulatorLogger;

  constructor(lifetime: SimulatorLifetime, logger: SimulatorLogger) {
    this.#lifetime = lifetime;
    this.#logger = logger;
  }

  get switches(): CallbackSwitches {
    return { ...this.#switches };
  }

  set switches(switches: CallbackSwitches) {
    this.#switches = { ...switches };
  }

  /** Queues a callback to `url`, signed with `hmacSecret` when there is one. Empty url: nothing. */
  emit(url: string, payload: NumbersCallbackPayload, hmacSecret: string): void {
    if (url === '') return;
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (hmacSecret !== '') headers['x-sinch-signature'] = signCallbackBody(body, hmacSecret);
    const { enabled, hold, duplicates } = this.#switches;
    for (let copy = 0; copy <= duplicates; copy += 1) {
      const record: SentCallback = {
        seq: this.#nextSeq++,
        url,
        copy,
        payload,
        signed: hmacSecret !== '',
        state: !enabled ? 'DISABLED' : hold ? 'HELD' : 'PENDING',
        attempts: 0,
        responseStatus: null,
        error: null,
        createdAt: new Date().toISOString(),
        deliveredAt: null,
      };
      this.#log.push(record);
      const queued = { record, body, headers, generation: this.#generation };
      if (record.state === 'HELD') this.#held.push(queued);
      if (record.state === 'PENDING') this.#enqueue(queued);
    }
  }

  /** Sends the held callbacks in the given order (after those already queued); returns them. */
  release(order: ReleaseOrder): SentCallback[] {
    const released = order === 'reverse' ? [...this.#held].reverse() : [...this.#held];
    this.#held = [];
    for (const queued of released) {
      queued.record.state = 'PENDING';
      this.#enqueue(queued);
    }
    return released.map((queued) => copyRecord(queued.record));
  }

  /** Resolves once every queued (not held) callback has been delivered or given up. */
  async flush(): Promise<SentCallback[]> {
    let chain: Promise<void>;
    do {
      chain = this.#chain;
      await chain;
    } while (chain !== this.#chain);
    return this.list();
  }

  list(): SentCallback[] {
    return this.#log.map(copyRecord);
  }

  clearLog(): void {
    this.#log = [];
  }

  /** Back to the defaults: switches, log and held callbacks; queued ones are dropped. */
  reset(): void {
    this.#generation += 1;
    this.#switches = { ...DEFAULT_CALLBACK_SWITCHES };
    this.#log = [];
    this.#held = [];
  }

  #enqueue(queued: QueuedCallback): void {
    this.#chain = this.#chain.then(() => this.#deliver(queued)).catch((error: unknown) => {
      this.#logger.error({ err: error, seq: queued.record.seq }, 'callback delivery crashed');
    });
  }

  async #deliver({ record, body, headers, generation }: QueuedCallback): Promise<void> {
    if (generation !== this.#generation) return;
    const { delayMs, timeoutMs, maxRetries, retryBackoffMs } = this.#switches;
    if (!(await this.#lifetime.delay(delayMs))) return this.#giveUp(record, 'simulator closed');
    for (let attempt = 0; attempt <= maxRetries; attempt += 1) {
      if (attempt > 0 && !(await this.#lifetime.delay(retryBackoffMs * 2 ** (attempt - 1)))) return this.#giveUp(record, 'simulator closed');
      if (generation !== this.#generation) return;
      record.attempts += 1;
      const result = await deliverCallback(record.url, body, headers, timeoutMs, this.#lifetime);
      record.responseStatus = result.status;
      if (result.ok) {
        record.state = 'DELIVERED';
        record.error = null;
        record.deliveredAt = new Date().toISOString();
        return;
      }
      record.error = result.error;
      if (this.#lifetime.closed) break;
    }
    this.#giveUp(record, record.error ?? 'not delivered');
    this.#logger.warn({ seq: record.seq, url: record.url, attempts: record.attempts, error: record.error }, 'callback not delivered');
  }

  #giveUp(record: SentCallback, error: string): void {
    record.state = 'FAILED';
    record.error = error;
  }
}

function copyRecord(record: SentCallback): SentCallback {
  return { ...record, payload: { ...record.payload } };
}
