import type { SentCallback } from '../../../src/simulator/numbers/callbacks/CallbackDispatcher.js';
import type { CallbackSwitches } from '../../../src/simulator/numbers/callbacks/CallbackSwitches.js';
import type { NumberOrderStep } from '../../../src/simulator/numbers/orders/NumberOrderEngine.js';
import { callSimulatorAdmin } from '../../support/callSimulatorAdmin.js';

export type { CallbackSwitches, NumberOrderStep, SentCallback };

/**
 * Typed access to the simulator's callback and number-order admin endpoints. Throws on any
 * non-2xx answer.
 */
export class CallbacksAdmin {
  readonly #simulatorUrl: string;

  constructor(simulatorUrl: string) {
    this.#simulatorUrl = simulatorUrl;
  }

  async list(resourceId?: string): Promise<SentCallback[]> {
    const query = resourceId === undefined ? '' : `?resourceId=${encodeURIComponent(resourceId)}`;
    return (await this.#call<{ callbacks: SentCallback[] }>('GET', `/callbacks${query}`)).callbacks;
  }

  /** Waits until every queued (not held) callback was delivered or given up; returns the log. */
  async flush(): Promise<SentCallback[]> {
    return (await this.#call<{ callbacks: SentCallback[] }>('POST', '/callbacks/flush')).callbacks;
  }

  async configure(switches: Partial<CallbackSwitches>): Promise<CallbackSwitches> {
    return this.#call<CallbackSwitches>('PUT', '/callbacks/config', switches);
  }

  async release(order: 'fifo' | 'reverse' = 'fifo'): Promise<SentCallback[]> {
    return (await this.#call<{ released: SentCallback[] }>('POST', '/callbacks/release', { order })).released;
  }

  async advanceOrders(numberOrderId?: string): Promise<NumberOrderStep[]> {
    const body = numberOrderId === undefined ? undefined : { numberOrderId };
    return (await this.#call<{ steps: NumberOrderStep[] }>('POST', '/numberOrders/advance', body)).steps;
  }

  async expireOrder(numberOrderId: string): Promise<unknown> {
    return this.#call('POST', '/numberOrders/expire', { numberOrderId });
  }

  #call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return callSimulatorAdmin<T>(this.#simulatorUrl, method, path, body);
  }
}
