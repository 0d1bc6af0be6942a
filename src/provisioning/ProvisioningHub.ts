import { withPublisherTrace } from '../observability/tracing/traceCallbacks.js';
import { EventStream } from './EventStream.js';
import type { ProvisioningEvent } from './ProvisioningEvent.js';

interface Subscriber {
  matches: (event: ProvisioningEvent) => boolean;
  stream: EventStream<ProvisioningEvent>;
}

/**
 * The in-process event hub: every provisioning event this replica learns of (a callback Sinch
 * sent to it, a change made through it, a poll it ran) is published here and handed to the
 * subscribers whose predicate matches. Nothing crosses processes: with several replicas each
 * one sees the callbacks Sinch happens to send to it (docs/provisioning.md, "Scaling"); the
 * re-read each event carries keeps every replica's subscribers on the true state anyway.
 */
export class ProvisioningHub {
  readonly #subscribers = new Set<Subscriber>();
  #closed = false;

  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  publish(published: ProvisioningEvent): void {
    const event = withPublisherTrace(published);
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
