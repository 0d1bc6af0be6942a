import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../graphql/GatewayContext.js';

/**
 * Adds the request id (also sent as the `x-request-id` response header) to the extensions of
 * every error, so a client report can be matched with the gateway's logs.
 */
export function requestIdPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors === undefined) {
            return;
          }
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}
