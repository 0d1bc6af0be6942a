import type { Logger } from 'pino';
import type { ActiveNumber } from '../upstream/numbers/numbersWireTypes.js';
import type { ProvisioningEvent } from './ProvisioningEvent.js';
import { isPending, observedEvent, sameSnapshot, snapshotOf, stepsBetween } from './ProvisioningSnapshot.js';
import type { ProvisioningSnapshot } from './ProvisioningSnapshot.js';

/** `PROVISIONING_POLLING`: docs/provisioning.md, "Polling". */
export type PollingMode = 'always' | 'auto' | 'off';

export interface PollingSettings {
  mode: PollingMode;
  /** The first delay between two polls of a number, and the delay after each change. */
  minDelayMs: number;
  /** Delays double after every poll that saw no change, up to this. */
  maxDelayMs: number;
  /** `auto`: how long to wait for a callback before the first poll of a pending number. */
  callbackGraceMs: number;
  /** With shared polling: how long a lease outlives its holder (renewed every third of it). */
  leaseMs?: number;
}

/**
 * Who polls a number that several replicas follow: before each GET the poller asks for the
 * number's lease; only its holder polls, and its POLL events reach every replica's subscribers.
 */
export interface PollLeases {
  /** True when this replica holds the lease (taken or renewed now); throws when it cannot tell. */
  acquire(key: string): Promise<boolean>;
  /** Gives the lease up, when this replica holds it. Never throws. */
  release(key: string): Promise<void>;
  close(): void;
}

export type ReadNumber = (projectId: string, phoneNumber: string, signal: AbortSignal) => Promise<ActiveNumber | null>;

interface Watched {
  projectId: string;
  phoneNumber: string;
  subscribers: number;
  /** The last state seen from any source; undefined until the first observation. */
  snapshot: ProvisioningSnapshot | undefined;
  delayMs: number;
  timer: NodeJS.Timeout | undefined;
  /** Aborts the poll in flight when the last subscriber leaves. */
  controller: AbortController;
}

/**
 * Polls the numbers that have subscribers AND a pending provisioning request (WAITING or
 * IN_PROGRESS), and only those: one GET per number at a time, whatever the number of
 * subscribers, 1 s → 2 s → … up to `maxDelayMs` while nothing changes, back to 1 s after a
 * change. Polling a number stops when its request is final (or gone) or its last subscriber
 * leaves; a later observation that it is pending again (a resubmission) starts it again.
 *
 * In `auto` mode the first poll of a pending number waits `callbackGraceMs`, and every callback
 * for the number restarts that wait: where callbacks arrive, they carry the news and polling
 * only fills in IN_PROGRESS (which Sinch never calls back about); where they do not, polling
 * takes over after the grace period. `always` polls from the start; `off` never polls.
 */
export class ProvisioningPoller {
  readonly #watched = new Map<string, Watched>();

  constructor(
    private readonly settings: PollingSettings,
    private readonly read: ReadNumber,
    private readonly publish: (event: ProvisioningEvent) => void,
    private readonly logger: Logger,
    /** Shared polling (several replicas); without it this process polls every number it watches. */
    private readonly leases?: PollLeases,
    private readonly onSkipped: () => void = () => undefined,
  ) {}

  /** Counts one subscriber of the number; returns the function that releases it (idempotent). */
  watch(projectId: string, phoneNumber: string): () => void {
    const key = keyOf(projectId, phoneNumber);
    let entry = this.#watched.get(key);
    if (entry === undefined) {
      entry = { projectId, phoneNumber, subscribers: 0, snapshot: undefined, delayMs: this.settings.minDelayMs, timer: undefined, controller: new AbortController() };
      this.#watched.set(key, entry);
    }
    entry.subscribers += 1;
    const watched = entry;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      watched.subscribers -= 1;
      if (watched.subscribers === 0) this.#forget(key, watched);
    };
  }

  /**
   * The number's state as learnt from elsewhere (the first read of a subscription, a callback's
   * re-read, a mutation's answer). Only numbers with subscribers are tracked; others are ignored.
   */
  observe(projectId: string, phoneNumber: string, number: ActiveNumber | null, origin: 'callback' | 'other'): void {
    const entry = this.#watched.get(keyOf(projectId, phoneNumber));
    if (entry === undefined) return;
    const snapshot = snapshotOf(number);
    const changed = entry.snapshot === undefined || !sameSnapshot(entry.snapshot, snapshot);
    entry.snapshot = snapshot;
    if (changed || origin === 'callback') this.#restart(entry);
  }

  /** How many numbers are being watched, and how many of those are polled right now. */
  get stats(): { watched: number; polling: number } {
    const all = [...this.#watched.values()];
    return { watched: all.length, polling: all.filter((entry) => entry.timer !== undefined).length };
  }

  close(): void {
    for (const [key, entry] of this.#watched) this.#forget(key, entry);
    this.leases?.close();
  }

  /** (Re)plans the next poll from a fresh delay, after auto mode's wait for callbacks. */
  #restart(entry: Watched): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.delayMs = this.settings.minDelayMs;
    if (this.settings.mode === 'off' || entry.snapshot === undefined || !isPending(entry.snapshot)) {
      this.#releaseLease(entry);
      return;
    }
    const first = this.settings.mode === 'auto' ? Math.max(this.settings.callbackGraceMs, this.settings.minDelayMs) : this.settings.minDelayMs;
    this.#schedule(entry, first);
  }

  #schedule(entry: Watched, delayMs: number): void {
    entry.timer = setTimeout(() => void this.#poll(entry), delayMs);
    entry.timer.unref();
  }

  async #poll(entry: Watched): Promise<void> {
    entry.timer = undefined;
    if (!(await this.#holdsLease(entry))) {
      // Another replica polls it; its events arrive here through the event bus. Check again
      // later: if that replica dies, its lease expires and this one takes over.
      if (entry.controller.signal.aborted || entry.timer !== undefined) return;
      this.onSkipped();
      this.#schedule(entry, entry.delayMs);
      return;
    }
    if (entry.controller.signal.aborted || entry.timer !== undefined) return;
    let number: ActiveNumber | null;
    try {
      number = await this.read(entry.projectId, entry.phoneNumber, entry.controller.signal);
    } catch (error) {
      if (entry.controller.signal.aborted) return;
      this.logger.warn({ err: error, phoneNumber: entry.phoneNumber, projectId: entry.projectId }, 'provisioning poll failed; retrying later');
      entry.delayMs = Math.min(entry.delayMs * 2, this.settings.maxDelayMs);
      if (entry.timer === undefined) this.#schedule(entry, entry.delayMs);
      return;
    }
    // The last subscriber left, or an observation replanned the poll, while the GET was in flight.
    if (entry.controller.signal.aborted || entry.timer !== undefined) return;
    const previous = entry.snapshot;
    const current = snapshotOf(number);
    entry.snapshot = current;
    const steps = previous === undefined ? [] : stepsBetween(previous, current);
    for (const step of steps) this.publish(observedEvent('POLL', entry.projectId, entry.phoneNumber, number, step));
    if (!isPending(current)) {
      this.#releaseLease(entry);
      return;
    }
    entry.delayMs = steps.length > 0 ? this.settings.minDelayMs : Math.min(entry.delayMs * 2, this.settings.maxDelayMs);
    this.#schedule(entry, entry.delayMs);
  }

  /** Without leases, or when Redis cannot tell (it is away), this replica polls: reads keep working. */
  async #holdsLease(entry: Watched): Promise<boolean> {
    if (this.leases === undefined) return true;
    try {
      return await this.leases.acquire(keyOf(entry.projectId, entry.phoneNumber));
    } catch {
      return true;
    }
  }

  #releaseLease(entry: Watched): void {
    void this.leases?.release(keyOf(entry.projectId, entry.phoneNumber));
  }

  #forget(key: string, entry: Watched): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.controller.abort();
    this.#releaseLease(entry);
    if (this.#watched.get(key) === entry) this.#watched.delete(key);
  }
}

function keyOf(projectId: string, phoneNumber: string): string {
  return JSON.stringify([projectId, phoneNumber]);
}
