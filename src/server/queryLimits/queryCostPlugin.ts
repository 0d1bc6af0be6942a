import type { ApolloServerPlugin } from '@apollo/server';
import { operationCostError } from './operationCostError.js';

/**
 * Prices every operation with its request's variables before it executes (`first: $n` with
 * n = 500 costs what `first: 500` costs) and refuses one over `maxCost` exactly as validation
 * refuses a literal: HTTP 400, `GRAPHQL_VALIDATION_FAILED`, `reason: MAX_COST_EXCEEDED`.
 * Subscriptions over WebSocket are priced the same way (`registerSubscriptions`).
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation === undefined) return;
          const refusal = operationCostError(schema, document, operation, request.variables, maxCost);
          if (refusal !== undefined) throw refusal;
        },
      };
    },
  };
}
