/** Where a loader reports the size of each batch (`gateway_dataloader_batch_size{loader}`). */
export interface BatchObserver {
  observeBatch?: (loaderName: string, size: number) => void;
  /** Runs one batch inside its trace span (src/observability/tracing); absent when tracing is off. */
  traceBatch?: <T>(loaderName: string, size: number, batch: () => PromiseLike<T>) => PromiseLike<T>;
}

/**
 * Wraps a DataLoader batch function so that every batch reports its size, under a stable loader
 * name such as `sipTrunking.trunk`: `new DataLoader(measuredBatch(scope, 'numbers.activeNumber', batch))`.
 * The observer travels with the request's `LoaderScope`, so a loader reports to the gateway that
 * serves its request, and a loader built without one (a unit test) reports nowhere. With
 * tracing on, the batch is a span and its upstream calls are that span's children.
 */
export function measuredBatch<K, V>(
  observer: BatchObserver,
  loaderName: string,
  batch: (keys: readonly K[]) => PromiseLike<ArrayLike<V | Error>>,
): (keys: readonly K[]) => PromiseLike<ArrayLike<V | Error>> {
  return (keys) => {
    observer.observeBatch?.(loaderName, keys.length);
    const traceBatch = observer.traceBatch;
    return traceBatch === undefined ? batch(keys) : traceBatch(loaderName, keys.length, () => batch(keys));
  };
}
