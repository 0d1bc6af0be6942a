import { untilAborted } from '../resilience/untilAborted.js';

/**
 * Identical reads in flight at the same moment, shared: while a GET for a path and query is
 * under way, another caller asking for exactly the same (same client, so the same project and
 * credentials) waits for that answer instead of sending its own request. Fifty clients polling
 * the same page of numbers cost Sinch one call per round trip, not fifty.
 *
 * - **Read your writes.** Every write through the client (any other method) starts a new
 *   generation when it starts and when it ends; a read joins only a read of the current
 *   generation. A caller that has seen its update answered never gets an answer that was
 *   requested before the update finished.
 * - **Each caller keeps its own deadline.** A caller whose request ends (deadline, client gone)
 *   stops waiting without cancelling the call for the others; when the last one has gone, the
 *   call is cancelled, so no upstream call outlives every request that wanted it.
 * - **Nothing is kept.** An answer is shared only by callers that asked while it was in flight:
 *   this is not a cache, and a read that starts after it has settled is sent again.
 *
 * Answers are shared objects: callers must treat them as read-only (the readers of the domain
 * clients only repair a malformed body in place, which leaves a repaired one unchanged).
 */
export class InFlightReads {
  private readonly reads = new Map<string, SharedRead>();
  private generation = 0;

  /**
   * The answer of `send` for `key`: a read of the current generation already in flight, or a
   * new one. `send` gets the signal of the shared call; `signal` is the caller's own.
   */
  read<T>(key: string, signal: AbortSignal | undefined, send: (signal: AbortSignal) => Promise<T>, onJoin?: () => void): Promise<T> {
    if (signal?.aborted === true) {
      // Over before it began: nothing to start, nothing to join.
      return Promise.reject(signal.reason as Error);
    }
    // A read that settled or was cancelled has already taken itself out of `reads`.
    let shared = this.reads.get(key);
    if (shared === undefined || shared.generation !== this.generation) {
      shared = new SharedRead(this.generation, send, () => {
        if (this.reads.get(key) === shared) this.reads.delete(key);
      });
      this.reads.set(key, shared);
    } else {
      onJoin?.();
    }
    return shared.join(signal) as Promise<T>;
  }

  /** Runs a write: reads in flight before it, or during it, are not joined afterwards. */
  async write<T>(send: () => Promise<T>): Promise<T> {
    this.generation += 1;
    try {
      return await send();
    } finally {
      this.generation += 1;
    }
  }

  /** Reads in flight (for tests and diagnostics). */
  get size(): number {
    return this.reads.size;
  }
}

class SharedRead {
  private readonly controller = new AbortController();
  private readonly answer: Promise<unknown>;
  private waiting = 0;
  private settled = false;

  constructor(
    readonly generation: number,
    send: (signal: AbortSignal) => Promise<unknown>,
    private readonly forget: () => void,
  ) {
    this.answer = send(this.controller.signal).finally(() => {
      this.settled = true;
      forget();
    });
    // Every caller may have gone by the time it settles.
    this.answer.catch(() => undefined);
  }

  async join(signal: AbortSignal | undefined): Promise<unknown> {
    this.waiting += 1;
    try {
      return await (signal === undefined ? this.answer : untilAborted(this.answer, signal));
    } finally {
      this.waiting -= 1;
      if (this.waiting === 0 && !this.settled) {
        // Nobody wants the answer any more: cancel the call, and let the next caller start anew.
        // With the last caller's own reason: a deadline (TimeoutError) is a failure the circuit
        // breaker counts, as it is for a call of one caller; a client gone (AbortError) is not.
        this.forget();
        this.controller.abort(signal?.aborted === true ? signal.reason : NOBODY_WAITS);
      }
    }
  }
}

const NOBODY_WAITS = new DOMException('every caller of the shared read has gone', 'AbortError');
