import type { FastifyInstance } from 'fastify';
import type { GatewayMetrics } from '../observability/GatewayMetrics.js';

/**
 * `GET /metrics` in the Prometheus text format. It is on the public port: route only `/graphql`
 * through the ingress, and let Prometheus scrape pods directly (docs/deploy.md).
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: GatewayMetrics): void {
  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).send(text);
  });
}
