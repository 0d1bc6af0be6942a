import { EventStream } from './EventStream.js';
import type { ProvisioningEvent } from './ProvisioningEvent.js';

interface Subscriber {
  matches: (event: ProvisioningEvent) => boolean;
  stream: EventStream<ProvisioningEvent>;
}

/**
 * This replica's fan-out to its own subscribers: every event delivered here (by the event bus:
 * this replica's own events, and with REDIS_URL every other replica's too) is handed to the
 * subscribers whose predicate matches. Crossing processes is the bus's job
 * (`ProvisioningEventBus`, docs/provisioning.md, "Scaling").
 */
export class ProvisioningHub {
  readonly #subscribers = new Set<Subscriber>();
  #closed = false;

  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  publish(event: ProvisioningEvent): void {
    for (const subscriber of this.#subscribers) {
      if (subscriber.matches(event)) subscriber.stream.push(event);
    }
  }

  /**
   * A stream of the matching events from now on. `onEnd` runs once when the stream ends,
   * whoever ends it (client, socket, shutdown).
   */
  subscribe(matches: (event: ProvisioningEvent) => boolean, onEnd?: () => void): EventStream<ProvisioningEvent> {
    const subscriber: Subscriber = {
      matches,
      stream: new EventStream<ProvisioningEvent>(() => {
        this.#subscribers.delete(subscriber);
        onEnd?.();
      }),
    };
    if (this.#closed) {
      subscriber.stream.end();
      return subscriber.stream;
    }
    this.#subscribers.add(subscriber);
    return subscriber.stream;
  }

  /** Ends every stream (graphql-ws then sends `complete` for each) and refuses new ones. */
  close(): void {
    this.#closed = true;
    for (const subscriber of [...this.#subscribers]) subscriber.stream.end();
  }
}
