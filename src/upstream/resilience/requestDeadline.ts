/**
 * The deadline of each GraphQL request, remembered by its signal. Loaders and clients pass the
 * request's `AbortSignal` through untouched, so the HTTP client can ask how much time is left
 * (to decide whether a retry, or a `Retry-After` wait, still fits) without every client method
 * growing a deadline parameter.
 */
const deadlines = new WeakMap<AbortSignal, number>();

/**
 * A signal that aborts when `signal` does or when `deadlineMs` have passed, whichever is first.
 * On the deadline its reason is a `TimeoutError` DOMException, so calls cut short by it are
 * reported as `UPSTREAM_TIMEOUT`.
 */
export function withDeadline(signal: AbortSignal, deadlineMs: number): AbortSignal {
  const combined = AbortSignal.any([signal, AbortSignal.timeout(deadlineMs)]);
  deadlines.set(combined, performance.now() + deadlineMs);
  return combined;
}

/** When `signal`'s deadline passes, on the `performance.now()` clock; undefined when it has none. */
export function deadlineOf(signal: AbortSignal | undefined): number | undefined {
  return signal === undefined ? undefined : deadlines.get(signal);
}

/** Gives `signal` the deadline of `from`, when it has one (a call shared by several requests). */
export function inheritDeadline(signal: AbortSignal, from: AbortSignal | undefined): AbortSignal {
  const deadline = deadlineOf(from);
  if (deadline !== undefined) {
    deadlines.set(signal, deadline);
  }
  return signal;
}
