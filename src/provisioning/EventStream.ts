/** How many undelivered events one subscriber may have before the oldest are dropped. */
const DEFAULT_CAPACITY = 256;

/**
 * A push-to-pull bridge: the hub pushes events, graphql-js pulls them through the async
 * iterator protocol. When a slow client falls `capacity` events behind, the OLDEST are dropped:
 * every event carries the resource re-read from Sinch, so the newest ones alone still end in the
 * true state, while an unbounded queue would let one stuck socket grow the heap without limit.
 *
 * `return()` (the client unsubscribed, the socket closed) and `end()` (the gateway drains) both
 * finish the stream and run `onEnd` exactly once, which is where the subscriber is unregistered.
 */
export class EventStream<T> implements AsyncIterableIterator<T> {
  readonly #queue: T[] = [];
  readonly #waiting: Array<(result: IteratorResult<T>) => void> = [];
  readonly #capacity: number;
  #onEnd: (() => void) | undefined;
  #done = false;

  constructor(onEnd?: () => void, capacity = DEFAULT_CAPACITY) {
    this.#onEnd = onEnd;
    this.#capacity = capacity;
  }

  get ended(): boolean {
    return this.#done;
  }

  push(value: T): void {
    if (this.#done) return;
    const waiter = this.#waiting.shift();
    if (waiter !== undefined) {
      waiter({ value, done: false });
      return;
    }
    this.#queue.push(value);
    if (this.#queue.length > this.#capacity) this.#queue.shift();
  }

  /** Puts a value before everything queued: the current state goes out before later changes. */
  pushFirst(value: T): void {
    if (this.#done) return;
    if (this.#waiting.length > 0) this.push(value);
    else this.#queue.unshift(value);
  }

  /** Ends the stream after the queued values have been delivered. */
  end(): void {
    if (this.#done) return;
    this.#done = true;
    this.#runOnEnd();
    for (const waiter of this.#waiting.splice(0)) waiter({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.#queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.#queue.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  #runOnEnd(): void {
    const onEnd = this.#onEnd;
    this.#onEnd = undefined;
    onEnd?.();
  }
}
