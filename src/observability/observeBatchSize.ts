import { AsyncLocalStorage } from 'node:async_hooks';
import type { GatewayMetrics } from './GatewayMetrics.js';

/**
 * The metrics of the gateway serving the current request. Loaders are created per request,
 * deep below the composition root; rather than thread the metrics through every loader factory,
 * the gateway enters this storage for each request (`runWithMetrics`), and DataLoader batch
 * functions, which run in the async context of the `load` call that scheduled them, find it here.
 */
const current = new AsyncLocalStorage<GatewayMetrics>();

export function runWithMetrics<T>(metrics: GatewayMetrics, run: () => T): T {
  return current.run(metrics, run);
}

/**
 * Records the size of one DataLoader batch (`gateway_dataloader_batch_size{loader}`). Call it
 * first thing in a batch function, with a stable loader name such as `sipTrunking.trunk`.
 * Outside a gateway request (a unit test of a loader) it does nothing.
 */
export function observeBatchSize(loaderName: string, size: number): void {
  current.getStore()?.observeBatchSize(loaderName, size);
}

/** Wraps a batch function so that every batch is measured: `new DataLoader(measuredBatch('numbers.activeNumber', batch))`. */
export function measuredBatch<K, V>(loaderName: string, batch: (keys: readonly K[]) => PromiseLike<ArrayLike<V | Error>>): (keys: readonly K[]) => PromiseLike<ArrayLike<V | Error>> {
  return (keys) => {
    observeBatchSize(loaderName, keys.length);
    return batch(keys);
  };
}
