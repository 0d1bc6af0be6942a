import type { Logger } from 'pino';
import { newUlid } from './eventIds.js';
import { GatewayError } from '../errors/GatewayError.js';
import { isNotFound } from '../upstream/numbers/isNotFound.js';
import type { ActiveNumber, NumberOrder } from '../upstream/numbers/numbersWireTypes.js';
import type { NumbersCallbackEvent } from '../webhooks/NumbersCallbackEvent.js';
import type { RedisConnection } from '../store/RedisConnection.js';
import { RedisPollLeases } from '../store/RedisPollLeases.js';
import { BulkResubmission } from './BulkResubmission.js';
import { MAX_REPORT_NUMBERS } from './ProvisioningReport.js';
import { LocalEventBus, RedisEventBus, type EventBusState, type ProvisioningEventBus } from './ProvisioningEventBus.js';
import type { EventStream } from './EventStream.js';
import type { ProvisioningEvent, ProvisioningEventStatus } from './ProvisioningEvent.js';
import { ProvisioningHub } from './ProvisioningHub.js';
import { ProvisioningPoller } from './ProvisioningPoller.js';
import type { PollingSettings } from './ProvisioningPoller.js';
import { currentStep, isPending, observedEvent, snapshotOf } from './ProvisioningSnapshot.js';
import type { ProjectNumbersClients } from './ProjectNumbersClients.js';

/** A re-read after a callback must not pile up behind a slow Numbers API. */
const REREAD_TIMEOUT_MS = 10_000;

export interface ProvisioningLifecycleOptions {
  projects: ProjectNumbersClients;
  polling: PollingSettings;
  /** PATCHes in flight at once in a bulk resubmission. */
  bulkConcurrency: number;
  /** The most numbers one `provisioningReport` reads; MAX_REPORT_NUMBERS when omitted. */
  reportMaxNumbers?: number;
  logger: Logger;
  /** With a store, events reach the subscribers of every replica, and polling is shared (docs/provisioning.md, "Scaling"). */
  store?: RedisConnection | undefined;
  /** This process's id among the replicas; random when not given. */
  replicaId?: string;
  /** For metrics (`ProvisioningMetrics`). */
  observe?: {
    published?: (path: 'shared' | 'local') => void;
    relayed?: () => void;
    busState?: (state: EventBusState) => void;
    leasesHeld?: (held: number) => void;
    pollSkipped?: () => void;
  };
  /** With a store: entries the shared event stream keeps. */
  eventStreamLength?: number;
}

/**
 * The provisioning lifecycle of the gateway, one per process: the hub that fans events out to
 * subscriptions, the poller, and the three ways events come in (docs/provisioning.md):
 *
 * - `handleCallback`: a verified Sinch callback. The resource is re-read BEFORE the event is
 *   published, so every event carries the state as it is after the callback; callbacks arrive
 *   out of order, and the re-read is what makes the last event always tell the truth.
 * - `numberChanged`: a mutation through this gateway answered with a number whose request is
 *   pending; the gateway knows it scheduled it, so WAITING goes out at once (Sinch never calls
 *   back about WAITING or IN_PROGRESS).
 * - polling, for watched numbers with a pending request (`ProvisioningPoller`).
 */
export class ProvisioningLifecycle {
  readonly hub = new ProvisioningHub();
  readonly poller: ProvisioningPoller;
  readonly bulkResubmission: BulkResubmission;
  /** The bound of `provisioningReport` (PROVISIONING_REPORT_MAX_NUMBERS). */
  readonly reportMaxNumbers: number;
  readonly bus: ProvisioningEventBus;
  readonly replicaId: string;
  readonly #projects: ProjectNumbersClients;
  readonly #logger: Logger;

  constructor(options: ProvisioningLifecycleOptions) {
    this.#projects = options.projects;
    this.#logger = options.logger;
    this.bulkResubmission = new BulkResubmission(options.bulkConcurrency);
    this.reportMaxNumbers = options.reportMaxNumbers ?? MAX_REPORT_NUMBERS;
    this.replicaId = options.replicaId ?? `replica-${newUlid()}`;
    const deliver = (event: ProvisioningEvent, fromAnotherReplica: boolean) => this.#deliver(event, fromAnotherReplica);
    this.bus =
      options.store === undefined
        ? new LocalEventBus(deliver, options.observe?.published)
        : new RedisEventBus({
            store: options.store,
            replicaId: this.replicaId,
            deliver,
            logger: options.logger,
            ...(options.eventStreamLength === undefined ? {} : { maxLength: options.eventStreamLength }),
            ...(options.observe?.published === undefined ? {} : { onPublished: options.observe.published }),
            ...(options.observe?.relayed === undefined ? {} : { onRelayed: options.observe.relayed }),
            ...(options.observe?.busState === undefined ? {} : { onStateChange: options.observe.busState }),
          });
    options.observe?.busState?.(this.bus.state);
    const leases =
      options.store === undefined
        ? undefined
        : new RedisPollLeases({
            store: options.store,
            replicaId: this.replicaId,
            leaseMs: options.polling.leaseMs ?? 10_000,
            logger: options.logger,
            ...(options.observe?.leasesHeld === undefined ? {} : { onHeldChange: options.observe.leasesHeld }),
          });
    this.poller = new ProvisioningPoller(
      options.polling,
      (projectId, phoneNumber, signal) => this.#readNumber(projectId, phoneNumber, signal),
      (event) => this.bus.publish(event),
      options.logger,
      leases,
      options.observe?.pollSkipped,
    );
  }

  /** The webhook's `onEvent`: re-read, then publish. Never throws (the webhook already answered). */
  async handleCallback(callback: NumbersCallbackEvent): Promise<void> {
    const signal = AbortSignal.timeout(REREAD_TIMEOUT_MS);
    const common = {
      eventId: callback.eventId,
      source: 'CALLBACK' as const,
      projectId: callback.projectId,
      resourceId: callback.resourceId,
      eventType: callback.eventType,
      status: callback.status,
      occurredAt: new Date(callback.occurredAt).toISOString(),
    };
    if (callback.resourceType === 'NUMBER_ORDER') {
      const numberOrder = await this.#readOrder(callback.projectId, callback.resourceId, signal).catch((error: unknown) => this.#rereadFailed(error, callback));
      this.bus.publish({ ...common, resourceType: 'NUMBER_ORDER', failureCode: null, internalFailureCode: null, number: null, numberOrder: numberOrder ?? null });
      return;
    }
    const number = await this.#readNumber(callback.projectId, callback.resourceId, signal).catch((error: unknown) => this.#rereadFailed(error, callback));
    if (number !== undefined) this.poller.observe(callback.projectId, callback.resourceId, number, 'callback');
    this.bus.publish({
      ...common,
      resourceType: 'ACTIVE_NUMBER',
      failureCode: callback.failureCode,
      internalFailureCode: callback.internalFailureCode,
      number: number ?? null,
      numberOrder: null,
    });
  }

  /**
   * A mutation through this gateway returned `number`. When it has a pending request, the new
   * step (WAITING, normally) is published at once with source MUTATION.
   */
  numberChanged(projectId: string, number: ActiveNumber): void {
    const phoneNumber = number.phoneNumber;
    if (phoneNumber === undefined) return;
    const snapshot = snapshotOf(number);
    this.poller.observe(projectId, phoneNumber, number, 'other');
    if (isPending(snapshot)) this.bus.publish(observedEvent('MUTATION', projectId, phoneNumber, number, currentStep(snapshot)));
  }

  /**
   * A subscription to one number: the stream of its events, starting with its current state as
   * `read` (the subscriber's own request, with its own credentials) finds it, while the poller
   * watches the number. NOT_FOUND when the number is not the project's.
   */
  async followNumber(projectId: string, phoneNumber: string, read: () => Promise<ActiveNumber | null>): Promise<EventStream<ProvisioningEvent>> {
    const release = this.poller.watch(projectId, phoneNumber);
    // Subscribed before reading, so nothing published meanwhile is lost; the current state still goes out first.
    const stream = this.hub.subscribe(
      (event) => event.projectId === projectId && event.resourceType === 'ACTIVE_NUMBER' && event.resourceId === phoneNumber,
      release,
    );
    let number: ActiveNumber | null;
    try {
      number = await read();
    } catch (error) {
      await stream.return();
      throw error;
    }
    if (number === null) {
      await stream.return();
      throw new GatewayError('NOT_FOUND', `${phoneNumber} is not an active number of this project.`, { phoneNumber });
    }
    this.poller.observe(projectId, phoneNumber, number, 'other');
    stream.pushFirst(observedEvent('CURRENT_STATE', projectId, phoneNumber, number, currentStep(snapshotOf(number))));
    return stream;
  }

  /** A subscription to one number order: its current state first, then one event per NUMBER_ORDER callback. */
  async followOrder(projectId: string, numberOrderId: string, read: () => Promise<NumberOrder | null>): Promise<EventStream<ProvisioningEvent>> {
    const stream = this.hub.subscribe((event) => event.projectId === projectId && event.resourceType === 'NUMBER_ORDER' && event.resourceId === numberOrderId);
    let order: NumberOrder | null;
    try {
      order = await read();
    } catch (error) {
      await stream.return();
      throw error;
    }
    if (order === null) {
      await stream.return();
      throw new GatewayError('NOT_FOUND', `${numberOrderId} is not a number order of this project.`, { numberOrderId });
    }
    stream.pushFirst({
      eventId: `gateway-${newUlid()}`,
      source: 'CURRENT_STATE',
      projectId,
      resourceType: 'NUMBER_ORDER',
      resourceId: numberOrderId,
      eventType: 'NUMBER_ORDER_PROCESSING',
      status: orderStatusOf(order.state),
      occurredAt: new Date().toISOString(),
      failureCode: null,
      internalFailureCode: null,
      number: null,
      numberOrder: order,
    });
    return stream;
  }

  /** Every event of the project that matches, from now on; no current state, no polling. */
  observeProject(projectId: string, matches: (event: ProvisioningEvent) => boolean): EventStream<ProvisioningEvent> {
    return this.hub.subscribe((event) => event.projectId === projectId && matches(event));
  }

  /** Ends every subscription stream, stops polling and stops reading other replicas' events. */
  close(): void {
    this.hub.close();
    this.poller.close();
    this.bus.close();
  }

  /**
   * An event reaches this replica's subscribers. One learnt by another replica also tells this
   * replica's poller the number's state (the learning replica's own poller already knows it).
   */
  #deliver(event: ProvisioningEvent, fromAnotherReplica: boolean): void {
    if (fromAnotherReplica && event.resourceType === 'ACTIVE_NUMBER' && event.number !== null) {
      this.poller.observe(event.projectId, event.resourceId, event.number, event.source === 'CALLBACK' ? 'callback' : 'other');
    }
    this.hub.publish(event);
  }

  async #readNumber(projectId: string, phoneNumber: string, signal: AbortSignal): Promise<ActiveNumber | null> {
    const numbers = this.#projects.numbersFor(projectId);
    if (numbers === undefined) return null;
    try {
      return await numbers.getActiveNumber({ projectId, signal }, phoneNumber);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async #readOrder(projectId: string, numberOrderId: string, signal: AbortSignal): Promise<NumberOrder | null> {
    const numbers = this.#projects.numbersFor(projectId);
    if (numbers === undefined) return null;
    try {
      return await numbers.getNumberOrder({ projectId, signal }, numberOrderId);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** The callback is still worth publishing without the re-read: its own fields are facts. */
  #rereadFailed(error: unknown, callback: NumbersCallbackEvent): undefined {
    this.#logger.warn({ err: error, eventId: callback.eventId, projectId: callback.projectId }, 'could not re-read the resource of a callback; publishing it without the fresh state');
    return undefined;
  }
}

const ORDER_STATES: ReadonlySet<string> = new Set(['CREATED', 'IN_REVIEW', 'BLOCKED', 'COMPLETED', 'REJECTED', 'EXPIRED']);

function orderStatusOf(state: string | undefined): ProvisioningEventStatus {
  return state !== undefined && ORDER_STATES.has(state) ? (state as ProvisioningEventStatus) : 'UNSPECIFIED';
}
