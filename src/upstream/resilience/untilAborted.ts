/**
 * Settles with `promise`, or rejects with the signal's reason as soon as `signal` aborts. The
 * promise itself is not cancelled (it may be shared, like an in-flight token request, or be a
 * queued bulkhead slot that is dropped when its turn comes); its eventual rejection is handled
 * here so it is never reported as unhandled.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
