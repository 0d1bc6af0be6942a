import { setMaxListeners } from 'node:events';
/**
 * The deadline of each GraphQL request, remembered by its signal. Loaders and clients pass the
 * request's `AbortSignal` through untouched, so the HTTP client can ask how much time is left
 * (to decide whether a retry, or a `Retry-After` wait, still fits) without every client method
 * growing a deadline parameter.
 */
const deadlines = new WeakMap<AbortSignal, number>();
/**
 * Signals that abort by themselves when their deadline passes (`withDeadline`,
 * `requestLifetime`). A signal that only inherited a deadline (`inheritDeadline`: a read shared
 * by several requests, which aborts when its last caller leaves) is not one of them.
 */
const selfTimed = new WeakSet<AbortSignal>();

/**
 * A signal that aborts when `signal` does or when `deadlineMs` have passed, whichever is first.
 * On the deadline its reason is a `TimeoutError` DOMException, so calls cut short by it are
 * reported as `UPSTREAM_TIMEOUT`.
 *
 * A timer and a listener, not `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: on Node 20
 * the composite holds its sources only weakly, so once a garbage collection takes the timeout
 * signal (nothing else refers to it) the deadline never fires, and a request whose upstream
 * trickles its body ran until the per-call timeout instead (30 s instead of 15). Here the timer
 * holds the controller until the deadline, and both go as soon as `signal` aborts (the server
 * aborts it when the exchange ends).
 */
export function withDeadline(signal: AbortSignal, deadlineMs: number): AbortSignal {
  const controller = new AbortController();
  const combined = controller.signal;
  deadlines.set(combined, performance.now() + deadlineMs);
  selfTimed.add(combined);
  if (signal.aborted) {
    controller.abort(signal.reason);
    return combined;
  }
  const onAbort = () => {
    clearTimeout(timer);
    controller.abort(signal.reason);
  };
  const timer = setTimeout(() => {
    signal.removeEventListener('abort', onAbort);
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, deadlineMs);
  // A deadline alone never keeps the process alive (the request's socket does).
  timer.unref();
  signal.addEventListener('abort', onAbort, { once: true });
  return combined;
}

/** When `signal`'s deadline passes, on the `performance.now()` clock; undefined when it has none. */
export function deadlineOf(signal: AbortSignal | undefined): number | undefined {
  return signal === undefined ? undefined : deadlines.get(signal);
}

/** Whether `signal` aborts by itself by its deadline (so a call may rely on it instead of a timer of its own). */
export function abortsByDeadline(signal: AbortSignal | undefined): boolean {
  return signal !== undefined && selfTimed.has(signal);
}

/** Gives `signal` the deadline of `from`, when it has one (a call shared by several requests). */
export function inheritDeadline(signal: AbortSignal, from: AbortSignal | undefined): AbortSignal {
  const deadline = deadlineOf(from);
  if (deadline !== undefined) {
    deadlines.set(signal, deadline);
  }
  return signal;
}

/** The lifetime of one GraphQL exchange: its signal, and the call that ends it. */
export interface RequestLifetime {
  /** Aborts when `end` is called, or with a `TimeoutError` DOMException when the deadline passes. */
  signal: AbortSignal;
  /** Ends the exchange: the signal aborts with `reason` (if the deadline has not aborted it already). */
  end(reason: unknown): void;
}

/**
 * `withDeadline` for a signal the caller owns: one controller, one timer, no listener, where
 * `withDeadline(new AbortController().signal, ms)` takes two controllers and a listener per
 * request (bench/profile.md, third round). The signal has no listener limit: every upstream call
 * of the request listens to it while it is in flight, and more than ten at once is normal.
 */
export function requestLifetime(deadlineMs: number | undefined): RequestLifetime {
  const controller = new AbortController();
  const { signal } = controller;
  setMaxListeners(0, signal);
  if (deadlineMs === undefined) {
    return { signal, end: (reason) => controller.abort(reason) };
  }
  deadlines.set(signal, performance.now() + deadlineMs);
  selfTimed.add(signal);
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), deadlineMs);
  timer.unref();
  return {
    signal,
    end(reason) {
      clearTimeout(timer);
      controller.abort(reason);
    },
  };
}
