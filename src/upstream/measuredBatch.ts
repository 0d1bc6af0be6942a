/** Where a loader reports the size of each batch (`gateway_dataloader_batch_size{loader}`). */
export interface BatchObserver {
  observeBatch?: (loaderName: string, size: number) => void;
}

/**
 * Wraps a DataLoader batch function so that every batch reports its size, under a stable loader
 * name such as `sipTrunking.trunk`: `new DataLoader(measuredBatch(scope, 'numbers.activeNumber', batch))`.
 * The observer travels with the request's `LoaderScope`, so a loader reports to the gateway that
 * serves its request, and a loader built without one (a unit test) reports nowhere.
 */
export function measuredBatch<K, V>(
  observer: BatchObserver,
  loaderName: string,
  batch: (keys: readonly K[]) => PromiseLike<ArrayLike<V | Error>>,
): (keys: readonly K[]) => PromiseLike<ArrayLike<V | Error>> {
  return (keys) => {
    observer.observeBatch?.(loaderName, keys.length);
    return batch(keys);
  };
}
