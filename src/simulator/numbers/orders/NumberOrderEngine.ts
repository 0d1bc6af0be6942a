import type { SimulatorContext } from '../../core/SimulatorContext.js';
import type { CallbackDispatcher } from '../callbacks/CallbackDispatcher.js';
import { formatCallbackTimestamp, newCallbackEventId } from '../callbacks/NumbersCallbackPayload.js';
import type { ProvisioningEngine } from '../ProvisioningEngine.js';
import { activateOrderedNumbers } from './activateOrderedNumbers.js';
import { OPEN_ORDER_STATES, type NumberOrderRecord, type NumberOrderState } from './NumberOrderRecord.js';

export interface NumberOrderStep {
  numberOrderId: string;
  state: NumberOrderState;
}

/** The registration field that scripts how a review ends; see docs/simulator.md. */
export const ORDER_OUTCOME_FIELD = 'simulatorOutcome';

const BLOCKED_MESSAGE = 'Dear Customer, the registration details are incomplete; please update them and submit the order again. Regards, Sinch Simulator';

/**
 * The review lifecycle of number orders: submit → IN_REVIEW → COMPLETED, REJECTED or
 * BLOCKED (a blocked order can be updated and submitted again); open orders can EXPIRE.
 * A review takes `waitingMs + inProgressMs` of the provisioning timing (as long as a whole
 * provisioning job); in manual mode only `POST /__admin/numberOrders/advance` moves it.
 * Every transition after CREATED sends a NUMBER_ORDER callback to the order's callbackUrl.
 */
export class NumberOrderEngine {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #context: SimulatorContext;
  readonly #provisioning: ProvisioningEngine;
  readonly #dispatcher: CallbackDispatcher;

  constructor(context: SimulatorContext, provisioning: ProvisioningEngine, dispatcher: CallbackDispatcher) {
    this.#context = context;
    this.#provisioning = provisioning;
    this.#dispatcher = dispatcher;
  }

  submit(order: NumberOrderRecord): void {
    this.#transition(order, 'IN_REVIEW');
    this.#schedule(order.idNumberOrder);
  }

  /** Ends the review of every order in review (or of one), right now. */
  advance(numberOrderId?: string): NumberOrderStep[] {
    const orders = [...this.#context.state.numbers.numberOrders.values()].filter(
      (order) => order.state === 'IN_REVIEW' && (numberOrderId === undefined || order.idNumberOrder === numberOrderId),
    );
    return orders.map((order) => this.#review(order));
  }

  /** Expires an open order; false when it is already final. */
  expire(order: NumberOrderRecord): boolean {
    if (!OPEN_ORDER_STATES.includes(order.state)) return false;
    this.#cancel(order.idNumberOrder);
    this.#transition(order, 'EXPIRED');
    return true;
  }

  reschedule(): void {
    for (const id of [...this.#timers.keys()]) this.#cancel(id);
    for (const order of this.#context.state.numbers.numberOrders.values()) {
      if (order.state === 'IN_REVIEW') this.#schedule(order.idNumberOrder);
    }
  }

  #review(order: NumberOrderRecord): NumberOrderStep {
    this.#cancel(order.idNumberOrder);
    const scripted = order.registration.requestDetails[ORDER_OUTCOME_FIELD];
    const outcome: NumberOrderState = scripted === 'BLOCKED' || scripted === 'REJECTED' ? scripted : 'COMPLETED';
    const now = new Date();
    if (outcome === 'BLOCKED') order.registration.logs.push({ message: BLOCKED_MESSAGE, createTime: now.toISOString() });
    if (outcome === 'COMPLETED') {
      activateOrderedNumbers(order, this.#context.state.numbers, this.#provisioning, now);
      order.expireTime = null;
    }
    this.#transition(order, outcome);
    return { numberOrderId: order.idNumberOrder, state: outcome };
  }

  #transition(order: NumberOrderRecord, state: NumberOrderState): void {
    const now = new Date();
    order.state = state;
    order.updateTime = now.toISOString();
    if (state === 'CREATED') return;
    const payload = {
      eventId: newCallbackEventId(),
      timestamp: formatCallbackTimestamp(now),
      projectId: order.projectId,
      resourceId: order.idNumberOrder,
      resourceType: 'NUMBER_ORDER' as const,
      eventType: 'NUMBER_ORDER_PROCESSING' as const,
      status: state,
    };
    this.#dispatcher.emit(order.callbackUrl, payload, this.#context.state.numbers.callbackConfiguration.hmacSecret);
  }

  #schedule(numberOrderId: string): void {
    this.#cancel(numberOrderId);
    const timing = this.#context.config.provisioning;
    if (timing === 'manual' || this.#context.lifetime.closed) return;
    const timer = this.#context.lifetime.schedule(() => {
      this.#timers.delete(numberOrderId);
      const order = this.#context.state.numbers.numberOrders.get(numberOrderId);
      if (order?.state === 'IN_REVIEW') this.#review(order);
    }, timing.waitingMs + timing.inProgressMs);
    this.#timers.set(numberOrderId, timer);
  }

  #cancel(numberOrderId: string): void {
    const timer = this.#timers.get(numberOrderId);
    if (timer !== undefined) this.#context.lifetime.cancel(timer);
    this.#timers.delete(numberOrderId);
  }
}
