import type { TestGateway } from './startTestGateway.js';

/**
 * The sum of a metric's values in the gateway's own registry, over the series whose labels
 * include `labels` (every series when none are given); 0 when the metric has no such series.
 */
export async function metricTotal(gateway: Pick<TestGateway, 'gateway'>, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = await gateway.gateway.metrics.registry.getSingleMetric(name)?.get();
  const matching = (metric?.values ?? []).filter((value) => Object.entries(labels).every(([label, expected]) => value.labels[label] === expected));
  return matching.reduce((sum, value) => sum + value.value, 0);
}
