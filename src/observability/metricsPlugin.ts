import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayMetrics } from './GatewayMetrics.js';

/**
 * Counts every GraphQL operation Apollo Server handles and times it, from the start of the
 * request pipeline to the response. An operation that did not parse or validate is named
 * `unresolved`: before validation the name is only what the client claimed. Requests refused
 * before the pipeline (CSRF, batching, body errors) appear in `gateway_http_responses_total` only.
 */
export function metricsPlugin<TContext extends object>(metrics: GatewayMetrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operation, operationName }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const firstCode = errors?.[0]?.extensions?.['code'];
          metrics.observeOperation({
            name: operation === undefined ? 'unresolved' : (operationName ?? 'anonymous'),
            type: operation?.operation ?? 'unknown',
            outcome: errors === undefined || errors.length === 0 ? 'success' : typeof firstCode === 'string' ? firstCode : 'INTERNAL_SERVER_ERROR',
            seconds: (performance.now() - started) / 1000,
          });
        },
      };
    },
  };
}
